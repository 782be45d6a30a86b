/**
 * Fault injection (#15.7): Redis gone. Enqueueing fails fast with 503 IH_UNAVAILABLE and leaves no
 * batch_runs row behind; the dashboard answers 503 in the envelope; once Redis is back, enqueueing
 * works again without a restart. Redis sits behind a TCP proxy the test kills (the shared Redis is
 * never touched); the first case needs no Redis at all (a port nothing listens on).
 */
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { BullmqJobRunner } from '../../src/jobs/queues.js';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase } from '../helpers/database.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { jobContext } from '../jobs/helpers.js';

const ADMIN = 'redis-fault-admin-key-0123';
const redisUrl = process.env['REDIS_URL'] || undefined;
// The command timeout is 1 s; the rest is slack for a loaded machine (the bug was a hang of > 90 s).
const FAST_MS = 5_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Redis faults', () => {
  let database: Database;
  let proxy: TcpProxy | undefined;
  const opened: Array<{ app: App; runner: BullmqJobRunner }> = [];

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    for (const { app, runner } of opened) {
      await app.close();
      await runner.close();
    }
    await proxy?.kill();
    await database?.close();
  });

  async function appWith(url: string): Promise<{ app: App; runner: BullmqJobRunner }> {
    const config = loadConfig({ LOG_LEVEL: 'silent', ADMIN_API_KEY: ADMIN, REDIS_COMMAND_TIMEOUT_MS: '1000' });
    const prefix = `ih-test-fault-${randomBytes(4).toString('hex')}`;
    const runner = new BullmqJobRunner(database, { redisUrl: url, prefix, commandTimeoutMs: 1000 });
    const mdm = jobContext(database);
    const app = await buildApp({ config, mdm, logger: mdm.logger, jobs: runner });
    opened.push({ app, runner });
    return { app, runner };
  }

  const runs = async () => (await database.db.selectFrom('batch_runs').select('id').execute()).length;

  const enqueue = async (app: App) => {
    const started = Date.now();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/jobs/quality',
      headers: { authorization: `Bearer ${ADMIN}` },
      payload: {},
    });
    return { res, ms: Date.now() - started };
  };

  const expectFastUnavailable = async (app: App) => {
    const before = await runs();
    const { res, ms } = await enqueue(app);
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json()).toMatchObject({ error: 'IH_UNAVAILABLE' });
    expect(ms).toBeLessThan(FAST_MS);
    expect(await runs()).toBe(before); // no orphan batch_runs row
  };

  it('Redis never reachable: enqueue and the dashboard answer 503 at once, nothing is written', async () => {
    const { app } = await appWith(`redis://127.0.0.1:${await freePort()}`);
    await expectFastUnavailable(app);
    await expectFastUnavailable(app);
    const board = await app.inject({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(board.statusCode).toBe(503);
    expect(board.json()).toMatchObject({ error: 'IH_UNAVAILABLE' });
  }, 30_000);

  it.skipIf(!redisUrl)(
    'Redis goes away and comes back: 503 while away, enqueues again after',
    async () => {
      const target = new URL(redisUrl as string);
      proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
      await proxy.start();
      const viaProxy = new URL(redisUrl as string);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      const { app, runner } = await appWith(viaProxy.toString());
      await runner.ensureConnected();
      const first = (await enqueue(app)).res;
      expect(first.statusCode, first.body).toBe(202);
      await proxy.kill();
      await expectFastUnavailable(app);
      await proxy.start();
      // ioredis reconnects with a backoff of up to 2 s.
      const deadline = Date.now() + 15_000;
      let status = 0;
      while (Date.now() < deadline && status !== 202) {
        await new Promise((r) => setTimeout(r, 300));
        status = (await enqueue(app)).res.statusCode;
      }
      expect(status).toBe(202);
    },
    40_000,
  );
});
