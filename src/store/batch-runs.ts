/**
 * batch_runs: one row per job (imports, dedupe, retrain, quality) with its progress, counts, a capped
 * list of bad rows and the resume checkpoint. The row is the durable record of a job whatever runs it
 * (BullMQ or the in-process runner), so the API reads job state from here.
 */
import { sql, type Kysely } from 'kysely';
import { jsonb } from './json.js';
import type { BatchRunRow, BatchRunStatus, DB, JsonObject } from './schema.js';

export async function insertBatchRun(
  db: Kysely<DB>,
  run: { id: string; type: string; params: JsonObject },
): Promise<void> {
  await db
    .insertInto('batch_runs')
    .values({ id: run.id, type: run.type, params: jsonb(run.params) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function deleteBatchRun(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('batch_runs').where('id', '=', id).execute();
}

export async function findBatchRun(db: Kysely<DB>, id: string): Promise<BatchRunRow | undefined> {
  return db.selectFrom('batch_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listBatchRuns(
  db: Kysely<DB>,
  opts: { limit: number; type?: string | undefined },
): Promise<BatchRunRow[]> {
  let query = db.selectFrom('batch_runs').selectAll();
  if (opts.type) query = query.where('type', '=', opts.type);
  return query.orderBy('created_at', 'desc').orderBy('id').limit(opts.limit).execute();
}

/** Marks a run as started (again, on a retry or after a crash); a cancelled run stays cancelled. */
export async function markBatchRunRunning(db: Kysely<DB>, id: string): Promise<BatchRunRow | undefined> {
  return db
    .updateTable('batch_runs')
    .set({
      status: 'running',
      attempts: sql`attempts + 1`,
      started_at: sql`coalesce(started_at, now())`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '!=', 'cancelled')
    .returningAll()
    .executeTakeFirst();
}

export interface BatchRunProgress {
  progress: number;
  counts: JsonObject;
  errors: unknown[];
  checkpoint?: unknown;
}

export type SaveResult = 'saved' | 'cancelled' | 'superseded';

/**
 * Saves progress (and the checkpoint when given) for attempt number `attempt` only: once another
 * worker has started a newer attempt of the run (after a stall), the old one is fenced off and
 * gets 'superseded', so it can neither move the checkpoint nor go on. 'cancelled' means the run
 * was cancelled meanwhile: stop at this chunk boundary.
 */
export async function saveBatchRunProgress(
  db: Kysely<DB>,
  id: string,
  p: BatchRunProgress,
  attempt: number,
): Promise<SaveResult> {
  const row = await db
    .updateTable('batch_runs')
    .set({
      progress: clampProgress(p.progress),
      counts: jsonb(p.counts),
      errors: jsonb(p.errors),
      ...(p.checkpoint === undefined ? {} : { checkpoint: jsonb(p.checkpoint) }),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('attempts', '=', attempt)
    .where('status', '!=', 'cancelled')
    .returning('status')
    .executeTakeFirst();
  if (row) return 'saved';
  const now = await findBatchRun(db, id);
  return now && now.attempts === attempt ? 'cancelled' : 'superseded';
}

/**
 * Final state. A cancelled run is never turned into completed/failed by a processor finishing late;
 * with `attempt`, only that attempt may write it.
 */
export async function finishBatchRun(
  db: Kysely<DB>,
  id: string,
  status: Extract<BatchRunStatus, 'completed' | 'failed' | 'cancelled' | 'queued'>,
  fields: { counts?: JsonObject; errors?: unknown[]; progress?: number; failure?: string; attempt?: number } = {},
): Promise<void> {
  let query = db
    .updateTable('batch_runs')
    .set({
      status,
      ...(fields.counts ? { counts: jsonb(fields.counts) } : {}),
      ...(fields.errors ? { errors: jsonb(fields.errors) } : {}),
      ...(fields.progress === undefined ? {} : { progress: clampProgress(fields.progress) }),
      ...(fields.failure === undefined ? {} : { failure: fields.failure }),
      finished_at: status === 'queued' ? null : sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id);
  if (status !== 'cancelled') query = query.where('status', '!=', 'cancelled');
  // An attempt that was superseded by a newer one (stalled worker) must not write the outcome.
  if (fields.attempt !== undefined) query = query.where('attempts', '=', fields.attempt);
  await query.execute();
}

/** Flags a run cancelled; a running processor sees it at its next chunk. Returns the previous status. */
export async function cancelBatchRun(db: Kysely<DB>, id: string): Promise<BatchRunStatus | undefined> {
  const before = await findBatchRun(db, id);
  if (!before || before.status === 'completed' || before.status === 'failed' || before.status === 'cancelled') {
    return before?.status;
  }
  await finishBatchRun(db, id, 'cancelled');
  return before.status;
}

/** Put a failed or cancelled run back in the queue state; its checkpoint is kept so it resumes. */
export async function requeueBatchRun(db: Kysely<DB>, id: string): Promise<void> {
  await db
    .updateTable('batch_runs')
    .set({ status: 'queued', finished_at: null, failure: null, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** When the last run of a type finished successfully (dedupe "changed since the last run"). */
export async function lastCompletedBatchRun(db: Kysely<DB>, type: string): Promise<BatchRunRow | undefined> {
  return db
    .selectFrom('batch_runs')
    .selectAll()
    .where('type', '=', type)
    .where('status', '=', 'completed')
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function clampProgress(p: number): number {
  return Math.max(0, Math.min(100, Number.isFinite(p) ? p : 0));
}
