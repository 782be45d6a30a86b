/**
 * Fault injection (#15.6): PostgreSQL behind a TCP proxy the test stalls and kills under the
 * running app. A stalled or vanished database answers 503 IH_UNAVAILABLE within the configured
 * timeouts (never a hang, never a 500), and the app recovers by itself once the database is back.
 * PostgreSQL only (TEST_DATABASE_URL): PGlite runs in-process and cannot stall on a network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createMdmContext } from '../../src/mdm/index.js';
import { databaseTimeouts, type Database } from '../../src/store/db.js';
import { openPostgres, type PostgresDatabase } from '../../src/store/db-postgres.js';
import { openTestDatabase } from '../helpers/database.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const ADMIN = 'fault-admin-key-0123456789';
const testDatabaseUrl = process.env['TEST_DATABASE_URL'];
const TIMEOUTS = {
  DATABASE_CONNECT_TIMEOUT_MS: '1000',
  DATABASE_STATEMENT_TIMEOUT_MS: '1500',
  DATABASE_LOCK_TIMEOUT_MS: '1000',
  DATABASE_IDLE_TX_TIMEOUT_MS: '5000',
};
/** Statement timeout + the client read margin (2 s) + scheduling slack on a loaded machine. */
const WORST_CASE_MS = 1500 + 2000 + 3000;

describe.skipIf(!testDatabaseUrl)('database faults (PostgreSQL behind a TCP proxy)', () => {
  let direct: Database;
  let proxied: PostgresDatabase;
  let proxy: TcpProxy;
  let app: App;

  beforeAll(async () => {
    direct = await openTestDatabase('postgres');
    const url = new URL((direct as PostgresDatabase).pool.options.connectionString as string);
    proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    await proxy.start();
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    const config = loadConfig({ LOG_LEVEL: 'silent', ADMIN_API_KEY: ADMIN, ...TIMEOUTS });
    proxied = openPostgres(url.toString(), 2, databaseTimeouts(config));
    const logger = createLogger('silent');
    app = await buildApp({ config, mdm: createMdmContext({ database: proxied, config, logger }), logger });
  });
  afterAll(async () => {
    await app?.close();
    await proxy?.kill();
    await proxied?.close().catch(() => undefined);
    await direct?.close();
  });

  const lookUp = async () => {
    const started = Date.now();
    const res = await app.inject({
      method: 'GET',
      url: '/v1/customers/C404',
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    return { res, ms: Date.now() - started };
  };

  const expectHealthy = async () => {
    const { res } = await lookUp();
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json()).toMatchObject({ error: 'IH_CUSTOMER_NOT_FOUND' });
  };

  const expectUnavailable = async () => {
    const { res, ms } = await lookUp();
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json()).toMatchObject({ error: 'IH_UNAVAILABLE' });
    expect(ms).toBeLessThan(WORST_CASE_MS);
  };

  it('answers normally through the proxy', expectHealthy);

  it('a stalled database: 503 within the timeout on a busy and a new connection, then recovery', async () => {
    await expectHealthy(); // a pooled connection exists
    proxy.pause();
    // Both pool slots: one stuck behind its statement (read timeout), one that cannot connect.
    const [a, b] = await Promise.all([lookUp(), lookUp()]);
    for (const { res, ms } of [a, b]) {
      expect(res.statusCode, res.body).toBe(503);
      expect(ms).toBeLessThan(WORST_CASE_MS);
    }
    await expectUnavailable();
    proxy.resume();
    await expectHealthy();
    await expectHealthy();
  }, 40_000);

  it('a database that goes away: 503 at once, then recovery when it is back, without a restart', async () => {
    await expectHealthy();
    await proxy.kill();
    await expectUnavailable();
    await expectUnavailable();
    await proxy.start();
    await expectHealthy();
  }, 40_000);

  it('a batch while the database is away is one 503, not a 200 of IH_INTERNAL items', async () => {
    await proxy.kill();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/records:batch',
      headers: { authorization: `Bearer ${ADMIN}` },
      payload: { records: [{ source_system: 'crm', source_record_id: 'f1', full_name: 'Ann Lee' }] },
    });
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json()).toMatchObject({ error: 'IH_UNAVAILABLE' });
    await proxy.start();
    await expectHealthy();
  }, 40_000);

  it('a lock held past lock_timeout is a 503, not a hang', async () => {
    const holder = await (direct as PostgresDatabase).pool.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table customers in access exclusive mode');
      await expectUnavailable();
    } finally {
      await holder.query('rollback');
      holder.release();
    }
    await expectHealthy();
  }, 40_000);
});
