/**
 * Crash safety with real Redis and real PostgreSQL, the worker a child process (`npm run worker`):
 * SIGKILL it in the middle of an import, start another, and the job resumes from its last committed
 * chunk; afterwards every record is stored exactly once and the customer count equals that of an
 * uninterrupted run of the same file.
 * CRASH_TEST_RECORDS sets the size (default 1,500, sized to the current upsert speed so CI stays
 * within minutes; the brief's 100,000 runs the same code with CRASH_TEST_RECORDS=100000).
 * Skipped without REDIS_URL and TEST_DATABASE_URL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BullmqJobRunner } from '../../src/jobs/queues.js';
import type { JobView } from '../../src/jobs/types.js';
import type { PostgresDatabase } from '../../src/store/db-postgres.js';
import {
  countRows,
  dropDatabase,
  freshDatabase,
  spawnWorker,
  stopWorker,
  writeRecords,
} from '../../scripts/bench/_import-setup.js';

const redisUrl = process.env['REDIS_URL'];
const baseUrl = process.env['TEST_DATABASE_URL'];
const RECORDS = Number(process.env['CRASH_TEST_RECORDS'] ?? 1_500);
const CHUNK = Math.max(50, Math.round(RECORDS / 40));

async function waitFor(
  runner: BullmqJobRunner,
  id: string,
  done: (v: JobView) => boolean,
  timeoutMs: number,
): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await runner.get(id);
    if (view && done(view)) return view;
    if (Date.now() > deadline) throw new Error(`timed out waiting for job ${id}: ${JSON.stringify(view)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!redisUrl || !baseUrl)('import survives a killed worker (postgres + redis)', () => {
  const suffix = `${process.pid}_${Date.now() % 100_000}`;
  const names = [`ih_crash_a_${suffix}`, `ih_crash_b_${suffix}`];
  let dir: string | undefined;

  afterAll(async () => {
    for (const name of names) await dropDatabase(baseUrl as string, name).catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** One import through a worker child; `kill` SIGKILLs the first worker after some chunks. */
  async function importOnce(name: string, file: string, kill: boolean) {
    const { url, database } = await freshDatabase(baseUrl as string, name);
    const prefix = `ih-crash-${name}`;
    const env = { DATABASE_URL: url, REDIS_URL: redisUrl as string, REDIS_PREFIX: prefix, WORKER_LOCK_MS: '2000' };
    const runner = new BullmqJobRunner(database, { redisUrl: redisUrl as string, prefix });
    let worker = spawnWorker(env);
    try {
      const { id } = await runner.enqueue('import', { path: file, chunkSize: CHUNK });
      let killedAt: number | undefined;
      if (kill) {
        const mid = await waitFor(runner, id, (v) => Number(v.counts['read'] ?? 0) >= RECORDS / 3, 600_000);
        worker.kill('SIGKILL');
        await stopWorker(worker);
        killedAt = Number(mid.counts['read']);
        worker = spawnWorker(env);
      }
      const view = await waitFor(runner, id, (v) => v.state === 'completed' || v.state === 'failed', 900_000);
      return { view, killedAt, rows: await countRows(database as PostgresDatabase), database };
    } finally {
      await stopWorker(worker);
      await runner.close();
    }
  }

  it(`resumes from the last chunk and stores each of ${RECORDS} records once`, { timeout: 1_800_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'ih-crash-'));
    const file = join(dir, 'records.csv');
    await writeRecords([file], RECORDS, 'crash');

    const plain = await importOnce(names[0] as string, file, false);
    await plain.database.close();
    const crashed = await importOnce(names[1] as string, file, true);
    try {
      expect(plain.view.state).toBe('completed');
      expect(crashed.view.state).toBe('completed');
      expect(crashed.killedAt).toBeGreaterThan(0);
      expect(crashed.killedAt).toBeLessThan(RECORDS);
      // The second worker started from the checkpoint: two attempts, every line read once, and only the
      // chunk that was in flight at the kill (stored, not yet checkpointed) came back as `unchanged`.
      expect(crashed.view.attempts).toBe(2);
      expect(crashed.view.counts['read']).toBe(RECORDS);
      expect(Number(crashed.view.counts['unchanged'] ?? 0)).toBeLessThanOrEqual(CHUNK);
      expect(plain.view.counts['unchanged']).toBe(0);

      expect(plain.rows.records).toBe(RECORDS);
      expect(crashed.rows.records).toBe(RECORDS);
      expect(crashed.rows.keys).toBe(RECORDS);
      expect(crashed.rows.customers).toBe(plain.rows.customers);
    } finally {
      await crashed.database.close();
    }
  });
});
