/**
 * Ingest use cases: upsert (single and batch), soft delete, read. Each upsert is one transaction;
 * see upsert-core.ts for the steps and decide.ts for the decision rules.
 */
import { AppError, isAppError } from '../../errors.js';
import { isDatabaseUnavailable } from '../../store/db-errors.js';
import type { RawRecord } from '../../standardize/types.js';
import { deleteBlockingKeys, lockKeys } from '../../store/blocking-keys.js';
import { closeSettledTasks } from '../../store/review-tasks.js';
import { findRecordByKey, softDeleteRecord } from '../../store/source-records.js';
import { writeAuditEvents } from '../audit.js';
import type { MdmContext } from '../context.js';
import { applyRecordChanges } from '../golden/golden-state.js';
import { assertSourceSystem, prepareUpsert, recordLockKey, type PreparedUpsert } from './prepare.js';
import { recordNotFound, toStoredRecord, validateRef } from '../records.js';
import { scheduleAutoTrain } from '../matching/auto-train.js';
import { inTransaction } from '../tx.js';
import { applyChunk } from './bulk-ingest.js';
import { applyUpsert } from './upsert-core.js';
import type { Actor, RecordRef, StoredRecord, UpsertFailure, UpsertResult } from '../types.js';

/** Idempotent: the same payload again answers `unchanged` and writes nothing. */
export async function upsertRecord(ctx: MdmContext, actor: Actor, raw: RawRecord): Promise<UpsertResult> {
  const p = prepareUpsert(ctx, raw);
  await assertSourceSystem(ctx, p.ref.sourceSystem);
  const active = await ctx.models.current();
  const result = await inTransaction(ctx, (trx) => applyUpsert(trx, ctx, actor, p, active));
  scheduleAutoTrain(ctx);
  return result;
}

/**
 * Records per transaction on the bulk path (bulk-ingest.ts): large enough that the fixed statements
 * of a chunk are amortised over thousands of records, small enough that a chunk's transaction (which
 * holds every blocking key) stays short.
 */
export const BULK_CHUNK = 5_000;

/**
 * Batch upsert (imports, POST /v1/records:batch) through the bulk path, BULK_CHUNK records per
 * transaction, results in input order. Invalid records fail alone before any transaction. Should a
 * chunk fail as a whole (a database error on one record), it is rolled back and its records are
 * retried one transaction each, so only the bad record fails.
 */
export async function upsertRecords(
  ctx: MdmContext,
  actor: Actor,
  raws: RawRecord[],
): Promise<Array<UpsertResult | UpsertFailure>> {
  const out: Array<UpsertResult | UpsertFailure> = new Array(raws.length);
  const ready: Array<{ index: number; p: PreparedUpsert }> = [];
  for (const [index, raw] of raws.entries()) {
    // Standardising thousands of records is seconds of CPU on a busy machine: let timers run between
    // slices (a BullMQ worker must renew its job lock meanwhile, or the job is taken for stalled).
    if (index % 250 === 249) await new Promise((r) => setImmediate(r));
    try {
      const p = prepareUpsert(ctx, raw);
      await assertSourceSystem(ctx, p.ref.sourceSystem);
      ready.push({ index, p });
    } catch (err) {
      out[index] = failure(raw, err);
    }
  }
  for (let i = 0; i < ready.length; i += BULK_CHUNK) {
    const chunk = ready.slice(i, i + BULK_CHUNK);
    try {
      const results = await applyChunk(
        ctx,
        actor,
        chunk.map(({ p }) => p),
      );
      results.forEach((r, j) => (out[(chunk[j] as { index: number }).index] = r));
    } catch (err) {
      // The database itself is away: no record can succeed, so the whole call fails (503 at the API,
      // a retried attempt in a job) instead of answering every record IH_INTERNAL. Chunks committed
      // before stay; re-sending them is idempotent.
      if (isDatabaseUnavailable(err)) throw err;
      ctx.logger.warn({ err, size: chunk.length }, 'batch chunk failed; retrying its records one by one');
      for (const { index, p } of chunk) {
        out[index] = await upsertRecord(ctx, actor, p.raw).catch((e: unknown) => failure(p.raw, e));
      }
    }
  }
  scheduleAutoTrain(ctx);
  return out;
}

function failure(raw: RawRecord | null | undefined, err: unknown): UpsertFailure {
  if (isDatabaseUnavailable(err)) throw err; // not this record's fault: see the chunk loop above
  const e = isAppError(err) ? err : new AppError('IH_INTERNAL', [], { cause: err });
  return {
    sourceSystem: String(raw?.source_system ?? ''),
    sourceRecordId: String(raw?.source_record_id ?? ''),
    error: { code: e.code, message: e.message },
  };
}

/**
 * Soft delete: the row stays (history, cross-reference), its blocking keys go, the customer's golden
 * record is recomputed and a customer left with no live records is retired. Deleting an already
 * deleted record is a no-op.
 */
export async function deleteRecord(
  ctx: MdmContext,
  actor: Actor,
  ref: RecordRef,
  reason?: string,
): Promise<{ customerId: string | null }> {
  const key = validateRef(ref);
  return inTransaction(ctx, async (trx) => {
    await lockKeys(trx, [recordLockKey(key)]);
    const existing = await findRecordByKey(trx, key.sourceSystem, key.sourceRecordId);
    if (!existing) throw recordNotFound(key);
    if (existing.deleted_at) return { customerId: existing.customer_id };
    const deleted = await softDeleteRecord(trx, existing.id);
    await deleteBlockingKeys(trx, existing.id);
    const customerId = existing.customer_id;
    const recomputed = await applyRecordChanges(trx, ctx, [{ before: existing, after: deleted }], reason ?? null);
    if (customerId) await closeSettledTasks(trx, [customerId], 'obsolete', actor.id, 'record deleted');
    await writeAuditEvents(trx, actor, [
      {
        action: 'record.deleted',
        customerId,
        ...key,
        reason: reason ?? null,
        before: { version: existing.version, deleted: false },
        after: { version: deleted.version, deleted: true },
      },
      ...recomputed.events,
    ]);
    return { customerId };
  });
}

export async function getRecord(ctx: MdmContext, ref: RecordRef): Promise<StoredRecord> {
  const key = validateRef(ref);
  const row = await findRecordByKey(ctx.database.db, key.sourceSystem, key.sourceRecordId);
  if (!row) throw recordNotFound(key);
  return toStoredRecord(row);
}
