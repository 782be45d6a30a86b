/**
 * One attempt of one job, shared by the BullMQ workers and the in-process runner so both behave
 * the same: validate the payload (a bad one fails at once, without retry), mark the run started,
 * call the processor, record the outcome. A thrown error is recorded and re-thrown so the runner
 * can retry with backoff; on the last attempt the run is marked failed and keeps its error.
 */
import { UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import type { MdmContext } from '../mdm/index.js';
import { finishBatchRun, insertBatchRun, markBatchRunRunning, saveBatchRunProgress } from '../store/batch-runs.js';
import type { JsonObject } from '../store/schema.js';
import { checkPayload, isJobType, type JobType } from './catalog.js';
import type { JobContext, JobOutcome, Processor, ProcessorTable, RowError } from './types.js';

export interface JobDeps {
  mdm: MdmContext;
  logger: Logger;
  processors: ProcessorTable;
}

export interface JobAttempt {
  id: string;
  type: string;
  data: unknown;
  /** 1-based number of this attempt. */
  attempt: number;
  maxAttempts: number;
}

export async function executeJob(deps: JobDeps, job: JobAttempt): Promise<JobOutcome> {
  const db = deps.mdm.database.db;
  const log = deps.logger.child({ jobId: job.id, jobType: job.type, attempt: job.attempt });
  if (!isJobType(job.type)) throw new UnrecoverableError(`unknown job type "${job.type}"`);
  const check = checkPayload(job.type, job.data);
  // Scheduled jobs are created by BullMQ itself, so their batch_runs row may not exist yet.
  await insertBatchRun(db, { id: job.id, type: job.type, params: asObject(job.data) });
  if (!check.ok) {
    const failure = `invalid payload: ${check.problems.map((p) => `${p.path} ${p.reason}`).join('; ')}`;
    await finishBatchRun(db, job.id, 'failed', { failure });
    throw new UnrecoverableError(failure);
  }
  const row = await markBatchRunRunning(db, job.id);
  if (!row) return { status: 'cancelled', counts: {} };
  // The attempt number doubles as a fencing token: see saveBatchRunProgress.
  const attempt = row.attempts;
  let superseded = false;
  const ctx: JobContext = {
    jobId: job.id,
    mdm: deps.mdm,
    logger: log,
    resume: { checkpoint: row.checkpoint, counts: row.counts, errors: row.errors as RowError[] },
    async save(update) {
      const result = await saveBatchRunProgress(db, job.id, update, attempt);
      if (result === 'superseded') superseded = true;
      return result === 'saved';
    },
  };
  const processor = deps.processors[job.type] as Processor<JobType>;
  try {
    const outcome = await processor(check.payload, ctx);
    if (superseded) throw new SupersededAttempt(job.id, attempt);
    // A cancelled run keeps the counts of its last save: they match its checkpoint, so a retry that
    // resumes there does not count the chunk that was in flight at the cancel twice.
    const final =
      outcome.status === 'completed' ? { counts: outcome.counts, errors: outcome.errors, progress: 100 } : {};
    await finishBatchRun(db, job.id, outcome.status, { ...final, attempt });
    log.info({ status: outcome.status, counts: outcome.counts }, 'job finished');
    return outcome;
  } catch (err) {
    if (err instanceof SupersededAttempt) {
      log.warn({ attempt }, 'job attempt superseded by another worker: stopped without writing');
      throw err;
    }
    const final = err instanceof UnrecoverableError || job.attempt >= job.maxAttempts;
    const failure = err instanceof Error ? err.message : String(err);
    log.warn({ err, final }, 'job attempt failed');
    // The database may be what failed: recording the failure is best effort, the runner retries anyway.
    await finishBatchRun(db, job.id, final ? 'failed' : 'queued', { failure, attempt }).catch((e: unknown) =>
      log.error({ err: e }, 'could not record the job failure'),
    );
    throw err;
  }
}

/**
 * Another worker started a newer attempt of this run while this one was still going (its BullMQ lock
 * expired, e.g. a blocked event loop): this attempt stopped at its chunk boundary and wrote nothing.
 */
export class SupersededAttempt extends Error {
  constructor(id: string, attempt: number) {
    super(`job ${id}: attempt ${attempt} was superseded by a newer attempt`);
    this.name = 'SupersededAttempt';
  }
}

function asObject(data: unknown): JsonObject {
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as JsonObject) : { value: data };
}
