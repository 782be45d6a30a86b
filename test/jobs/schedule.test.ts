/**
 * Nightly schedules: BullMQ job schedulers on real Redis (created from the cron, removed when
 * switched off), the quality job's report, and the in-process runner's cron firing the same jobs.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InlineJobRunner } from '../../src/jobs/inline.js';
import { PROCESSORS } from '../../src/jobs/processors/index.js';
import { BullmqJobRunner, startWorkers } from '../../src/jobs/queues.js';
import { loadConfig } from '../../src/config.js';
import { scheduleOptions } from '../../src/jobs/schedules.js';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase } from '../helpers/database.js';
import { addSynthSystems, jobContext, redisUrl } from './helpers.js';

describe('schedules and the quality job', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await addSynthSystems(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('reads DEDUPE_CRON: a pattern schedules, "off" (null) switches both jobs off', () => {
    expect(scheduleOptions({ dedupeCron: '0 2 * * *' })).toMatchObject({ enabled: true, cron: '0 2 * * *' });
    expect(scheduleOptions({ dedupeCron: null }).enabled).toBe(false);
    // From the environment: 02:00 by default, "off" switches it off.
    expect(scheduleOptions(loadConfig({}))).toMatchObject({ enabled: true, cron: '0 2 * * *' });
    expect(scheduleOptions(loadConfig({ DEDUPE_CRON: '15 4 * * *' })).cron).toBe('15 4 * * *');
    expect(scheduleOptions(loadConfig({ DEDUPE_CRON: 'off' })).enabled).toBe(false);
  });

  it.skipIf(!redisUrl)('runs the scheduled jobs on a BullMQ worker', { timeout: 60_000 }, async () => {
    const prefix = `ih-test-sched-run-${randomBytes(4).toString('hex')}`;
    const ctx = jobContext(database);
    const runner = new BullmqJobRunner(database, { redisUrl: redisUrl as string, prefix });
    const workers = startWorkers({
      redisUrl: redisUrl as string,
      prefix,
      concurrency: 1,
      deps: { mdm: ctx, logger: ctx.logger, processors: PROCESSORS },
    });
    try {
      // Every second (6-field cron) instead of 02:00: the scheduler's jobs get batch_runs rows too.
      await runner.applySchedules({ enabled: true, cron: '* * * * * *' });
      const deadline = Date.now() + 30_000;
      const done = async (type: string) =>
        (await runner.list({ limit: 20, type })).some((j) => j.state === 'completed');
      while (!((await done('quality')) && (await done('dedupe'))) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(await done('quality')).toBe(true);
      expect(await done('dedupe')).toBe(true);
    } finally {
      await runner.applySchedules({ enabled: false, cron: '* * * * * *' });
      await workers.close();
      await runner.close();
    }
  });

  it.skipIf(!redisUrl)('creates the nightly BullMQ job schedulers and removes them when switched off', async () => {
    const prefix = `ih-test-sched-${randomBytes(4).toString('hex')}`;
    const runner = new BullmqJobRunner(database, { redisUrl: redisUrl as string, prefix });
    try {
      await runner.applySchedules({ enabled: true, cron: '30 3 * * *' });
      await runner.applySchedules({ enabled: true, cron: '30 3 * * *' }); // idempotent per process start
      const queue = runner.queues.get('maintenance')!;
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.pattern]).sort()).toEqual([
        ['nightly-dedupe', '30 3 * * *'],
        ['nightly-quality', '30 3 * * *'],
        ['nightly-retrain', '30 3 * * *'],
      ]);
      await runner.applySchedules({ enabled: false, cron: '30 3 * * *' });
      expect(await queue.getJobSchedulers()).toEqual([]);
    } finally {
      await runner.close();
    }
  });

  it('fires the in-process schedule, and the quality job stores the per-system report', async () => {
    const ctx = jobContext(database);
    // Every second (6-field cron): the test waits for the first tick instead of 02:00.
    const runner = new InlineJobRunner({
      mdm: ctx,
      logger: ctx.logger,
      processors: PROCESSORS,
      concurrency: 1,
      schedules: { enabled: true, cron: '* * * * * *' },
    });
    try {
      const deadline = Date.now() + 15_000;
      // Both schedules fire on the same tick, but a busy event loop can delay one of the two timers
      // to a later tick: wait for each job rather than assume they arrive together.
      let jobs = await runner.list({ limit: 10, type: 'quality' });
      let dedupes = await runner.list({ limit: 10, type: 'dedupe' });
      while ((!jobs.some((j) => j.state === 'completed') || dedupes.length === 0) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        jobs = await runner.list({ limit: 10, type: 'quality' });
        dedupes = await runner.list({ limit: 10, type: 'dedupe' });
      }
      const done = jobs.find((j) => j.state === 'completed');
      expect(done?.counts['systems']).toBeGreaterThan(0);
      expect(dedupes.length).toBeGreaterThan(0);
    } finally {
      await runner.close();
    }
  });
});
