/**
 * A promoted model reaches every process of a deployment at once (#12): two API server processes
 * (src/main.ts) share one PostgreSQL database; a model promoted through the first is used by the
 * next upsert in the second within a second — by LISTEN/NOTIFY, not a cache timer. PostgreSQL only
 * (TEST_DATABASE_URL): on PGlite one process owns the database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModel } from '../../src/match/index.js';
import type { Database } from '../../src/store/db.js';
import { openPostgres } from '../../src/store/db-postgres.js';
import { insertCandidateModel } from '../../src/store/models.js';
import type { JsonObject } from '../../src/store/schema.js';
import { ensureDatabase } from '../../scripts/bench/_database.js';

const baseUrl = process.env['TEST_DATABASE_URL'];
const ADMIN = `admin-${randomBytes(12).toString('hex')}`;

function databaseUrl(): string {
  const url = new URL(baseUrl as string);
  url.pathname = `/ih_test_procs_${process.pid}_${randomBytes(3).toString('hex')}`;
  return url.toString();
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, url };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become ready');
}

async function call(url: string, method: string, path: string, key: string, body?: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

describe.skipIf(!baseUrl)('model promotion across processes (postgres)', () => {
  const url = baseUrl ? databaseUrl() : '';
  const servers: ChildProcess[] = [];
  const urls: string[] = [];
  let database: Database;
  let dataDir = '';

  beforeAll(async () => {
    await ensureDatabase(url, true);
    dataDir = await mkdtemp(join(tmpdir(), 'ih-procs-'));
    const env = {
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '3',
      DATA_DIR: dataDir,
      ADMIN_API_KEY: ADMIN,
      MODEL_AUTO_TRAIN_RECORDS: '0',
      REDIS_URL: '',
    };
    // One after the other: the first applies the migrations.
    for (let i = 0; i < 2; i++) {
      const started = await startServer(env);
      servers.push(started.child);
      urls.push(started.url);
    }
    database = openPostgres(url, 2);
  }, 200_000);

  afterAll(async () => {
    for (const s of servers) s.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once('exit', r)))));
    await database?.close();
    if (url) await ensureDatabase(url, true).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'the next upsert in the other process scores with the promoted model within 1 s',
    { timeout: 120_000 },
    async () => {
      const [first, second] = urls as [string, string];
      expect((await call(first, 'POST', '/v1/source-systems', ADMIN, { name: 'crm' })).status).toBe(201);
      const version = (
        await database.db
          .transaction()
          .execute((trx) => insertCandidateModel(trx, { ...defaultModel(), prior: 0.002 } as unknown as JsonObject, {}))
      ).version;
      // The second process has already loaded (and cached) the model in use before the promotion.
      const warmUp = await call(second, 'PUT', '/v1/records/crm/warm-up', ADMIN, {
        given_name: 'Ann',
        family_name: 'Lee',
      });
      expect(warmUp.status).toBeLessThan(300);
      const promoted = await call(first, 'POST', `/v1/models/${version}/promote`, ADMIN);
      expect(promoted.status).toBe(200);
      const promotedAt = Date.now();

      // Pairs of one person sent to the other process: the second record's link names the scoring model.
      let usedAfterMs: number | null = null;
      for (let i = 0; usedAfterMs === null && Date.now() - promotedAt < 10_000; i++) {
        const sentAt = Date.now();
        const person = {
          given_name: 'Wilhelmina',
          family_name: `Quast${i}${randomBytes(2).toString('hex')}`,
          date_of_birth: '1971-03-04',
          email: `w.quast.${i}.${randomBytes(3).toString('hex')}@example.org`,
        };
        for (const id of [`a${i}`, `b${i}`]) {
          const res = await call(second, 'PUT', `/v1/records/crm/${id}`, ADMIN, person);
          expect(res.status).toBeLessThan(300);
        }
        const link = await database.db
          .selectFrom('match_links as l')
          .innerJoin('source_records as r', 'r.id', 'l.record_b')
          .select('l.model_version')
          .where('r.source_record_id', '=', `b${i}`)
          .executeTakeFirst();
        if (link?.model_version === version) usedAfterMs = sentAt - promotedAt;
      }
      expect(usedAfterMs).not.toBeNull();
      expect(usedAfterMs!).toBeLessThanOrEqual(1000);
    },
  );
});
