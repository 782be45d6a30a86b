/**
 * BullMQ wiring (durable, when REDIS_URL is set): one queue per catalog queue name under a key
 * prefix, the producer side used by the API (BullmqJobRunner) and the workers used by `npm run worker`.
 * BullMQ's locks give each job to one worker at a time across processes and machines; a worker that
 * dies loses its lock and the job is moved back to waiting by the stalled-job check, then resumes
 * from its batch_runs checkpoint. Should the old worker still be alive (a lock lost to a blocked
 * event loop), its attempt is fenced off at its next checkpoint (see run-job.ts), so two workers
 * never both go on with one import.
 */
import { randomUUID } from 'node:crypto';
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import {
  cancelBatchRun,
  deleteBatchRun,
  findBatchRun,
  insertBatchRun,
  listBatchRuns,
  requeueBatchRun,
} from '../store/batch-runs.js';
import type { Database } from '../store/db.js';
import type { JsonObject } from '../store/schema.js';
import {
  checkPayload,
  isJobType,
  JOB_CATALOG,
  payloadError,
  QUEUE_NAMES,
  type JobType,
  type QueueName,
} from './catalog.js';
import { toJobView } from './job-view.js';
import { executeJob, type JobDeps } from './run-job.js';
import { SCHEDULED_JOBS, type ScheduleOptions } from './schedules.js';
import type { EnqueueResult, JobRunner, JobView } from './types.js';

export interface BullmqOptions {
  redisUrl: string;
  /** Redis key prefix (default "ih"): separates deployments and test runs sharing one Redis. */
  prefix?: string;
  /** Multiplies every backoff delay (tests use a small factor). */
  backoffScale?: number;
}

export interface ProducerOptions extends BullmqOptions {
  /** REDIS_COMMAND_TIMEOUT_MS: longest Redis command or wait for a connection when enqueueing. */
  commandTimeoutMs?: number;
  /** Where Redis connection errors are reported (throttled); silent when omitted. */
  logger?: Pick<Logger, 'warn'>;
}

/** BullMQ needs maxRetriesPerRequest: null on connections that block (workers). */
export function connectRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * The producer's connection fails fast instead of queueing commands while Redis is away (the API
 * answers 503 at once rather than hanging for minutes): no offline queue, one retry, a command
 * timeout. It keeps reconnecting in the background, so the next request after Redis returns works.
 */
function connectProducerRedis(url: string, commandTimeoutMs: number, logger?: Pick<Logger, 'warn'>): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: commandTimeoutMs,
  });
  let lastWarning = 0;
  redis.on('error', (err: Error) => {
    // ioredis emits on every reconnect attempt: one structured line every 10 s, never a stack flood.
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    logger?.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'redis unavailable');
  });
  return redis;
}

function redisUnavailable(cause?: unknown): AppError {
  return new AppError('IH_UNAVAILABLE', 'the job queue (Redis) is not answering', { cause });
}

export function jobOptions(type: JobType, id: string, payload: unknown, backoffScale = 1): JobsOptions {
  const def = JOB_CATALOG[type];
  const dedupeId = def.dedupeId(payload as never);
  return {
    jobId: id,
    attempts: def.attempts,
    backoff: { type: 'exponential', delay: Math.round(def.backoffMs * backoffScale) },
    ...(dedupeId ? { deduplication: { id: dedupeId } } : {}),
    // State lives in batch_runs; Redis keeps a bounded tail for the dashboard.
    removeOnComplete: { count: 1_000 },
    removeOnFail: { count: 5_000 },
  };
}

async function hasFinished(database: Database, id: string): Promise<boolean> {
  const status = (await findBatchRun(database.db, id))?.status;
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}

export class BullmqJobRunner implements JobRunner {
  readonly kind = 'bullmq' as const;
  readonly queues: Map<QueueName, Queue>;
  private readonly connection: Redis;
  private readonly backoffScale: number;
  private readonly commandTimeoutMs: number;

  constructor(
    private readonly database: Database,
    opts: ProducerOptions,
  ) {
    this.backoffScale = opts.backoffScale ?? 1;
    this.commandTimeoutMs = opts.commandTimeoutMs ?? 5_000;
    this.connection = connectProducerRedis(opts.redisUrl, this.commandTimeoutMs, opts.logger);
    const prefix = opts.prefix ?? 'ih';
    this.queues = new Map(
      QUEUE_NAMES.map((name) => {
        const queue = new Queue(name, { connection: this.connection, prefix });
        // Reported once by the connection's own listener above; unhandled, an 'error' event throws.
        queue.on('error', () => undefined);
        return [name, queue] as const;
      }),
    );
  }

  /**
   * Runs Redis work only when Redis is connected, and never longer than 3 command timeouts: BullMQ
   * waits for a first connection without any limit, and that wait hung enqueues for good.
   */
  async withRedis<T>(work: () => Promise<T>): Promise<T> {
    await this.ensureConnected();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      // Several commands (an add is a script, a dedupe check, maybe a second add): a few timeouts' worth.
      timer = setTimeout(() => reject(redisUnavailable()), this.commandTimeoutMs * 3);
    });
    try {
      return await Promise.race([work(), deadline]);
    } catch (err) {
      throw err instanceof AppError ? err : redisUnavailable(err);
    } finally {
      clearTimeout(timer);
    }
  }

  /** True when Redis is connected now. */
  isConnected(): boolean {
    return this.connection.status === 'ready';
  }

  /** Resolves when Redis is connected (a connection being made gets a short grace); else 503. */
  async ensureConnected(): Promise<void> {
    if (!this.isConnected()) await this.awaitReady();
  }

  /** A connection still being made (start-up) gets a short grace; a lost one fails at once. */
  private async awaitReady(): Promise<void> {
    const status = this.connection.status;
    if (status !== 'connecting' && status !== 'connect') throw redisUnavailable();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.connection.off('ready', onReady);
          reject(redisUnavailable());
        },
        Math.min(this.commandTimeoutMs, 2_000),
      );
      const onReady = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.connection.once('ready', onReady);
    });
  }

  private queueFor(type: JobType): Queue {
    return this.queues.get(JOB_CATALOG[type].queue) as Queue;
  }

  async enqueue<K extends JobType>(type: K, input: unknown): Promise<EnqueueResult> {
    const check = checkPayload(type, input);
    if (!check.ok) throw payloadError(type, check.problems);
    const id = randomUUID();
    // Redis down: 503 before anything is written (no batch_runs row left queued for ever).
    await this.ensureConnected();
    // The row exists before a worker can pick the job up.
    await insertBatchRun(this.database.db, { id, type, params: check.payload as JsonObject });
    try {
      return await this.withRedis(() => this.addJob(type, id, check.payload));
    } catch (err) {
      // Not queued: the row would stay "queued" with no job behind it.
      await deleteBatchRun(this.database.db, id);
      throw err;
    }
  }

  private async addJob(type: JobType, id: string, payload: unknown): Promise<EnqueueResult> {
    const check = { payload };
    const queue = this.queueFor(type);
    const add = () => queue.add(type, check.payload, jobOptions(type, id, check.payload, this.backoffScale));
    let job = await add();
    const dedupeId = JOB_CATALOG[type].dedupeId(check.payload as never);
    if (job.id && job.id !== id && dedupeId && (await hasFinished(this.database, job.id))) {
      // The run it collided with has finished in batch_runs, but BullMQ releases the deduplication key
      // only once the processor has returned: that run must not swallow this new request.
      await queue.removeDeduplicationKey(dedupeId);
      job = await add();
    }
    if (job.id && job.id !== id) {
      await deleteBatchRun(this.database.db, id);
      return { id: job.id, deduplicated: true };
    }
    return { id, deduplicated: false };
  }

  async get(id: string): Promise<JobView | undefined> {
    const row = await findBatchRun(this.database.db, id);
    return row && toJobView(row);
  }

  async list(opts: { limit: number; type?: string | undefined }): Promise<JobView[]> {
    return (await listBatchRuns(this.database.db, opts)).map(toJobView);
  }

  async cancel(id: string): Promise<JobView | undefined> {
    const row = await findBatchRun(this.database.db, id);
    if (!row || !isJobType(row.type)) return undefined;
    const type = row.type;
    await this.withRedis(async () => {
      const job = await this.queueFor(type).getJob(id);
      const state = job ? await job.getState() : undefined;
      // A running job cannot be removed (it holds a lock): the flag below stops it at its next chunk.
      if (job && (state === 'waiting' || state === 'delayed' || state === 'prioritized')) await job.remove();
    });
    await cancelBatchRun(this.database.db, id);
    return this.get(id);
  }

  async retry(id: string): Promise<JobView | undefined> {
    const row = await findBatchRun(this.database.db, id);
    if (!row || !isJobType(row.type)) return undefined;
    if (row.status !== 'failed' && row.status !== 'cancelled') return toJobView(row);
    await this.withRedis(() => this.requeue(row.type as JobType, id, row.params));
    return this.get(id);
  }

  private async requeue(type: JobType, id: string, params: unknown): Promise<void> {
    const row = { type, params };
    const queue = this.queueFor(row.type);
    await requeueBatchRun(this.database.db, id);
    const job = await queue.getJob(id);
    const state = job ? await job.getState() : undefined;
    if (job && state === 'failed') {
      await job.retry('failed');
    } else {
      // Removed (cancelled while waiting) or finished as cancelled: add it again under the same id,
      // so it resumes from the checkpoint of its batch_runs row.
      if (job && state !== 'active') await job.remove();
      await queue.add(row.type, row.params, {
        ...jobOptions(row.type, id, row.params, this.backoffScale),
        deduplication: undefined,
      });
    }
  }

  /** Creates or removes the nightly schedules (idempotent: safe to call from every process start). */
  async applySchedules(s: ScheduleOptions): Promise<void> {
    for (const job of SCHEDULED_JOBS) {
      const queue = this.queueFor(job.type);
      if (!s.enabled) {
        await queue.removeJobScheduler(job.schedulerId);
        continue;
      }
      const def = JOB_CATALOG[job.type];
      await queue.upsertJobScheduler(
        job.schedulerId,
        { pattern: s.cron, tz: s.timezone ?? 'UTC' },
        {
          name: job.type,
          data: job.data,
          opts: { attempts: def.attempts, backoff: { type: 'exponential', delay: def.backoffMs } },
        },
      );
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection.quit().catch(() => undefined);
  }
}

export interface WorkerOptions extends BullmqOptions {
  deps: JobDeps;
  /** Jobs processed at once per queue in this process (WORKER_CONCURRENCY). */
  concurrency: number;
  /** Lock time before a silent worker's job is considered stalled (default BullMQ's 30 s). */
  lockDurationMs?: number;
  /** Which queues this process works on (default all). */
  queues?: readonly QueueName[];
}

export interface RunningWorkers {
  workers: Worker[];
  /** Waits for the jobs in progress to finish (or reach a checkpoint), then disconnects. */
  close(): Promise<void>;
}

export function startWorkers(opts: WorkerOptions): RunningWorkers {
  const prefix = opts.prefix ?? 'ih';
  // BullMQ does not close connections it was handed: keep them to quit after the workers.
  const connections: Redis[] = [];
  const workers = (opts.queues ?? QUEUE_NAMES).map(
    (name) =>
      new Worker(name, (job: Job) => processBullJob(opts.deps, job), {
        connection: connections[connections.push(connectRedis(opts.redisUrl)) - 1] as Redis,
        prefix,
        concurrency: opts.concurrency,
        // A killed worker is a stall; allow a few before BullMQ fails the job for it.
        maxStalledCount: 5,
        ...(opts.lockDurationMs
          ? { lockDuration: opts.lockDurationMs, stalledInterval: Math.max(1_000, opts.lockDurationMs / 2) }
          : {}),
      }),
  );
  for (const worker of workers) {
    worker.on('error', (err) => opts.deps.logger.error({ err, queue: worker.name }, 'worker error'));
  }
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(connections.map((c) => c.quit().catch(() => undefined)));
    },
  };
}

async function processBullJob(deps: JobDeps, job: Job): Promise<unknown> {
  const outcome = await executeJob(deps, {
    id: job.id ?? job.name,
    type: job.name,
    data: job.data,
    attempt: job.attemptsMade + 1,
    maxAttempts: job.opts.attempts ?? 1,
  });
  return { status: outcome.status, counts: outcome.counts };
}
