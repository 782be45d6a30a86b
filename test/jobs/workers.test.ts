/**
 * Several workers, one job store: two BullMQ worker sets on one queue never process the same import
 * chunk twice; an attempt superseded by a newer one (a stalled worker whose job was taken over) is
 * fenced off at its next checkpoint and writes nothing; a running import can be cancelled (both runners).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSORS } from '../../src/jobs/processors/index.js';
import { processImport } from '../../src/jobs/processors/import.js';
import { BullmqJobRunner, startWorkers } from '../../src/jobs/queues.js';
import { executeJob, SupersededAttempt } from '../../src/jobs/run-job.js';
import type { JobContext, JobView, ProcessorTable } from '../../src/jobs/types.js';
import { findBatchRun, insertBatchRun } from '../../src/store/batch-runs.js';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase } from '../helpers/database.js';
import { addSynthSystems, jobContext, redisUrl, runnerKinds, startHarness, writeSynthCsv } from './helpers.js';

let database: Database;
let dir: string;

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  await addSynthSystems(database);
  dir = await mkdtemp(join(tmpdir(), 'ih-workers-'));
});
afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!redisUrl)('two BullMQ worker sets on one queue', () => {
  it('process every import chunk exactly once between them', { timeout: 120_000 }, async () => {
    const ctx = jobContext(database);
    const committed: Array<{ job: string; line: number; worker: string }> = [];
    // Each worker set tags the chunks it commits (a checkpoint save that succeeded).
    const tagged = (worker: string): ProcessorTable => ({
      ...PROCESSORS,
      import: (payload, job) =>
        processImport(payload, {
          ...job,
          async save(update) {
            const ok = await job.save(update);
            if (ok) committed.push({ job: job.jobId, line: (update.checkpoint as { line: number }).line, worker });
            return ok;
          },
        } satisfies JobContext),
    });
    const prefix = `ih-test-w2-${randomBytes(4).toString('hex')}`;
    const common = { redisUrl: redisUrl as string, prefix, concurrency: 1, queues: ['import'] as const };
    const sets = ['A', 'B'].map((w) =>
      startWorkers({ ...common, deps: { mdm: ctx, logger: ctx.logger, processors: tagged(w) } }),
    );
    const runner = new BullmqJobRunner(database, { redisUrl: redisUrl as string, prefix });
    try {
      const files = await Promise.all(
        [0, 1, 2, 3].map(async (i) => {
          const path = join(dir, `part-${i}.csv`);
          return { path, records: await writeSynthCsv(path, 20, `w2-${i}`) };
        }),
      );
      const ids = await Promise.all(
        files.map(async (f) => (await runner.enqueue('import', { path: f.path, chunkSize: 10 })).id),
      );
      const views: JobView[] = [];
      for (const id of ids) {
        for (;;) {
          const v = await runner.get(id);
          if (v && (v.state === 'completed' || v.state === 'failed')) {
            views.push(v);
            break;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      expect(views.map((v) => v.state)).toEqual(['completed', 'completed', 'completed', 'completed']);
      expect(views.map((v) => v.attempts)).toEqual([1, 1, 1, 1]);
      views.forEach((v, i) => {
        expect(v.counts['read']).toBe(files[i]!.records);
        expect(v.counts['unchanged']).toBe(0);
      });
      const keys = committed.map((c) => `${c.job}:${c.line}`);
      expect(new Set(keys).size).toBe(keys.length);
      // Every chunk of every job committed once, each job by one worker set.
      for (const [i, id] of ids.entries()) {
        const chunks = committed.filter((c) => c.job === id);
        expect(chunks.length).toBe(Math.ceil(files[i]!.records / 10));
        expect(new Set(chunks.map((c) => c.worker)).size).toBe(1);
      }
    } finally {
      await Promise.all(sets.map((s) => s.close()));
      await runner.close();
    }
  });
});

describe('an attempt superseded by a newer one', () => {
  it('stops at its next checkpoint without writing, and the newer attempt finishes the run', async () => {
    const ctx = jobContext(database);
    let releaseFirst!: () => void;
    const gate = new Promise<void>((r) => (releaseFirst = r));
    let firstSawStop: boolean | undefined;
    const processors: ProcessorTable = {
      ...PROCESSORS,
      async import(_payload, job) {
        const from = (job.resume.checkpoint as { line?: number } | null)?.line ?? 0;
        if (from === 0) {
          // Attempt 1: one chunk, then stalls (its lock would expire and another worker takes over).
          await job.save({ progress: 10, counts: { read: 10, by: 1 }, errors: [], checkpoint: { line: 10 } });
          await gate;
          firstSawStop = !(await job.save({
            progress: 20,
            counts: { read: 20, by: 1 },
            errors: [],
            checkpoint: { line: 20 },
          }));
          return { status: 'completed', counts: { read: 20, by: 1 } };
        }
        await job.save({ progress: 50, counts: { read: 20, by: 2 }, errors: [], checkpoint: { line: 20 } });
        return { status: 'completed', counts: { read: 30, by: 2 } };
      },
    };
    const deps = { mdm: ctx, logger: ctx.logger, processors };
    const id = `fence-${randomBytes(4).toString('hex')}`;
    await insertBatchRun(database.db, { id, type: 'import', params: { path: '/unused.csv' } });
    const job = { id, type: 'import', data: { path: '/unused.csv' }, maxAttempts: 5 };
    const first = executeJob(deps, { ...job, attempt: 1 });
    while ((await findBatchRun(database.db, id))?.progress !== 10) await new Promise((r) => setTimeout(r, 10));
    const second = await executeJob(deps, { ...job, attempt: 2 });
    expect(second.status).toBe('completed');
    releaseFirst();
    await expect(first).rejects.toBeInstanceOf(SupersededAttempt);
    expect(firstSawStop).toBe(true);
    const row = await findBatchRun(database.db, id);
    expect(row).toMatchObject({ status: 'completed', attempts: 2, progress: 100, counts: { read: 30, by: 2 } });
    expect(row?.checkpoint).toEqual({ line: 20 });
  });
});

describe.each(runnerKinds)('cancelling a running import (%s runner)', (kind) => {
  it('stops it at a chunk boundary; a retry resumes from the checkpoint', { timeout: 120_000 }, async () => {
    // Chunks slowed down (each checkpoint takes 50 ms more), so the cancel lands mid-import.
    const slow: ProcessorTable = {
      ...PROCESSORS,
      import: (payload, job) =>
        processImport(payload, {
          ...job,
          save: async (update) => {
            await new Promise((r) => setTimeout(r, 50));
            return job.save(update);
          },
        }),
    };
    const harness = startHarness(kind, database, slow);
    try {
      const path = join(dir, `cancel-${kind}.csv`);
      const records = await writeSynthCsv(path, 60, `cancel-${kind}`);
      const { id } = await harness.runner.enqueue('import', { path, chunkSize: 5 });
      for (;;) {
        const v = await harness.runner.get(id);
        if (Number(v?.counts['read'] ?? 0) > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect((await harness.runner.cancel(id))?.state).toBe('cancelled');
      await new Promise((r) => setTimeout(r, 500)); // the running chunk ends, nothing after it
      const stopped = await harness.runner.get(id);
      expect(stopped?.state).toBe('cancelled');
      const readAtStop = Number(stopped?.counts['read']);
      expect(readAtStop).toBeLessThan(records);
      await new Promise((r) => setTimeout(r, 300));
      expect(Number((await harness.runner.get(id))?.counts['read'])).toBe(readAtStop);

      await harness.runner.retry(id);
      const done = await harness.waitFor(id, ['completed', 'failed'], 90_000);
      expect(done.state).toBe('completed');
      expect(done.counts['read']).toBe(records);
      expect(Number(done.counts['unchanged'] ?? 0)).toBeLessThanOrEqual(5);
    } finally {
      await harness.close();
    }
  });
});
