/**
 * Picks the job runner: BullMQ when a Redis URL is configured (durable, shared by many worker
 * processes), otherwise the in-process runner (embedded default, not durable).
 */
import type { Config } from '../config.js';
import type { MdmContext } from '../mdm/index.js';
import { InlineJobRunner } from './inline.js';
import { PROCESSORS } from './processors/index.js';
import { BullmqJobRunner } from './queues.js';
import type { JobDeps } from './run-job.js';
import { scheduleOptions, type ScheduleOptions } from './schedules.js';
import type { JobRunner } from './types.js';

export interface JobRunnerOptions extends JobDeps {
  redisUrl?: string | undefined;
  prefix?: string | undefined;
  /** In-process runner only: jobs at once per queue (the BullMQ side is `npm run worker`). */
  concurrency: number;
  schedules: ScheduleOptions;
  backoffScale?: number;
  /** REDIS_COMMAND_TIMEOUT_MS for the producer (fail fast when Redis is away). */
  redisCommandTimeoutMs?: number | undefined;
}

export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  if (opts.redisUrl) {
    return new BullmqJobRunner(opts.mdm.database, {
      redisUrl: opts.redisUrl,
      ...(opts.prefix ? { prefix: opts.prefix } : {}),
      ...(opts.backoffScale ? { backoffScale: opts.backoffScale } : {}),
      ...(opts.redisCommandTimeoutMs ? { commandTimeoutMs: opts.redisCommandTimeoutMs } : {}),
      logger: opts.logger,
    });
  }
  return new InlineJobRunner({
    ...opts,
    ...(opts.backoffScale ? { backoffScale: opts.backoffScale } : {}),
  });
}

/**
 * The runner an entry point builds from the service config (API server: producer or in-process),
 * over the process's own MdmContext: the in-process jobs and the HTTP routes share one context.
 */
export function jobRunnerFromConfig(config: Config, mdm: MdmContext): JobRunner {
  return createJobRunner({
    mdm,
    logger: mdm.logger,
    processors: PROCESSORS,
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    concurrency: config.workerConcurrency,
    schedules: scheduleOptions(config),
    redisCommandTimeoutMs: config.redisCommandTimeoutMs,
  });
}
