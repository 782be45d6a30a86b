/**
 * The in-process job runner used when REDIS_URL is unset (the embedded quick start): the same
 * catalog, processors and batch_runs bookkeeping as the BullMQ workers, run inside the API process.
 * NOT DURABLE: jobs waiting in memory are lost when the process stops (a running import keeps its
 * checkpoint in batch_runs and can be resumed with POST /v1/jobs/{id}/retry); there is one process,
 * so there are no cross-machine locks. Use Redis for anything that must survive a restart.
 */
import { randomUUID } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { Cron } from 'croner';
import { cancelBatchRun, findBatchRun, insertBatchRun, listBatchRuns, requeueBatchRun } from '../store/batch-runs.js';
import type { JsonObject } from '../store/schema.js';
import { checkPayload, isJobType, JOB_CATALOG, payloadError, type JobType, type QueueName } from './catalog.js';
import { toJobView } from './job-view.js';
import { executeJob, SupersededAttempt, type JobDeps } from './run-job.js';
import type { EnqueueResult, JobRunner, JobView } from './types.js';
import { SCHEDULED_JOBS, type ScheduleOptions } from './schedules.js';

interface InlineJob {
  id: string;
  type: JobType;
  data: JsonObject;
  attempt: number;
  dedupeId: string | undefined;
}

export interface InlineRunnerOptions extends JobDeps {
  /** Jobs run at once per queue. */
  concurrency: number;
  /** Multiplies every backoff delay (tests use a small factor). */
  backoffScale?: number;
  schedules?: ScheduleOptions;
}

export class InlineJobRunner implements JobRunner {
  readonly kind = 'inline' as const;
  private readonly waiting = new Map<QueueName, InlineJob[]>();
  private readonly active = new Map<string, Promise<void>>();
  private readonly activeByQueue = new Map<QueueName, number>();
  private readonly dedupe = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly crons: Cron[] = [];
  private closed = false;

  constructor(private readonly opts: InlineRunnerOptions) {
    const s = opts.schedules;
    if (s?.enabled) {
      for (const job of SCHEDULED_JOBS) {
        const options = { name: job.schedulerId, timezone: s.timezone ?? 'UTC', protect: true };
        this.crons.push(new Cron(s.cron, options, () => this.fireSchedule(job.type, job.data)));
      }
    }
  }

  private get db() {
    return this.opts.mdm.database.db;
  }

  async enqueue<K extends JobType>(type: K, input: unknown): Promise<EnqueueResult> {
    if (this.closed) throw new Error('job runner is closed');
    const check = checkPayload(type, input);
    if (!check.ok) throw payloadError(type, check.problems);
    const dedupeId = JOB_CATALOG[type].dedupeId(check.payload as never);
    const existing = dedupeId ? this.dedupe.get(dedupeId) : undefined;
    if (existing) return { id: existing, deduplicated: true };
    const id = randomUUID();
    await insertBatchRun(this.db, { id, type, params: check.payload as JsonObject });
    if (dedupeId) this.dedupe.set(dedupeId, id);
    this.push({ id, type, data: check.payload as JsonObject, attempt: 0, dedupeId });
    return { id, deduplicated: false };
  }

  async get(id: string): Promise<JobView | undefined> {
    const row = await findBatchRun(this.db, id);
    return row && toJobView(row);
  }

  async list(opts: { limit: number; type?: string | undefined }): Promise<JobView[]> {
    return (await listBatchRuns(this.db, opts)).map(toJobView);
  }

  async cancel(id: string): Promise<JobView | undefined> {
    for (const [queue, jobs] of this.waiting) {
      const job = jobs.find((j) => j.id === id);
      if (job) {
        this.waiting.set(
          queue,
          jobs.filter((j) => j !== job),
        );
        this.release(job);
      }
    }
    await cancelBatchRun(this.db, id);
    return this.get(id);
  }

  async retry(id: string): Promise<JobView | undefined> {
    const row = await findBatchRun(this.db, id);
    if (!row) return undefined;
    if ((row.status === 'failed' || row.status === 'cancelled') && isJobType(row.type) && !this.isKnown(id)) {
      await requeueBatchRun(this.db, id);
      const dedupeId = JOB_CATALOG[row.type].dedupeId(row.params as never);
      if (dedupeId) this.dedupe.set(dedupeId, id);
      this.push({ id, type: row.type, data: row.params, attempt: 0, dedupeId });
    }
    return this.get(id);
  }

  /** Stops the schedules and backoff timers, forgets waiting jobs, and waits for running ones. */
  async close(): Promise<void> {
    this.closed = true;
    for (const c of this.crons) c.stop();
    for (const t of this.timers) clearTimeout(t);
    this.waiting.clear();
    await Promise.allSettled([...this.active.values()]);
  }

  /** Resolves when nothing is waiting, running or backing off (tests). */
  async drain(): Promise<void> {
    while (this.active.size || this.timers.size || [...this.waiting.values()].some((q) => q.length)) {
      await Promise.allSettled([...this.active.values()]);
      if (!this.active.size && this.timers.size) await new Promise((r) => setTimeout(r, 5));
    }
  }

  private fireSchedule(type: JobType, data: object): void {
    this.enqueue(type, data).catch((err: unknown) =>
      this.opts.logger.error({ err, jobType: type }, 'scheduled job could not be enqueued'),
    );
  }

  private isKnown(id: string): boolean {
    return this.active.has(id) || [...this.waiting.values()].some((q) => q.some((j) => j.id === id));
  }

  private push(job: InlineJob): void {
    const queue = JOB_CATALOG[job.type].queue;
    this.waiting.set(queue, [...(this.waiting.get(queue) ?? []), job]);
    this.pump(queue);
  }

  private pump(queue: QueueName): void {
    const jobs = this.waiting.get(queue) ?? [];
    while (!this.closed && jobs.length && (this.activeByQueue.get(queue) ?? 0) < this.opts.concurrency) {
      const job = jobs.shift() as InlineJob;
      this.activeByQueue.set(queue, (this.activeByQueue.get(queue) ?? 0) + 1);
      const run = this.runAttempt(job).finally(() => {
        this.active.delete(job.id);
        this.activeByQueue.set(queue, (this.activeByQueue.get(queue) ?? 1) - 1);
        this.pump(queue);
      });
      this.active.set(job.id, run);
    }
  }

  private async runAttempt(job: InlineJob): Promise<void> {
    const def = JOB_CATALOG[job.type];
    const attempt = job.attempt + 1;
    try {
      await executeJob(this.opts, { id: job.id, type: job.type, data: job.data, attempt, maxAttempts: def.attempts });
      this.release(job);
    } catch (err) {
      if (
        err instanceof UnrecoverableError ||
        err instanceof SupersededAttempt ||
        attempt >= def.attempts ||
        this.closed
      ) {
        this.release(job);
        return;
      }
      const delay = def.backoffMs * 2 ** (attempt - 1) * (this.opts.backoffScale ?? 1);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!this.closed) this.push({ ...job, attempt });
      }, delay);
      this.timers.add(timer);
    }
  }

  private release(job: InlineJob): void {
    if (job.dedupeId && this.dedupe.get(job.dedupeId) === job.id) this.dedupe.delete(job.dedupeId);
  }
}
