/**
 * Ingest use cases: upsert (single and batch), soft delete, read. Each upsert is one transaction;
 * see upsert-core.ts for the steps and decide.ts for the decision rules.
 */
import { AppError, isAppError } from '../../errors.js';
import type { RawRecord } from '../../standardize/types.js';
import { deleteBlockingKeys, lockKeys } from '../../store/blocking-keys.js';
import { closeSettledTasks } from '../../store/review-tasks.js';
import { findRecordByKey, findRecordHashes, findRecordsByRefs, softDeleteRecord } from '../../store/source-records.js';
import { writeAuditEvents } from '../audit.js';
import type { MdmContext } from '../context.js';
import { applyRecordChanges } from '../golden/golden-state.js';
import { assertSourceSystem, prepareUpsert, recordLockKey, type PreparedUpsert } from './prepare.js';
import { recordNotFound, toStoredRecord, validateRef } from '../records.js';
import { inTransaction } from '../tx.js';
import { refKey, type BatchState } from './batch-state.js';
import { applyUpsert } from './upsert-core.js';
import type { Actor, RecordRef, StoredRecord, UpsertFailure, UpsertResult } from '../types.js';

/** Idempotent: the same payload again answers `unchanged` and writes nothing. */
export async function upsertRecord(ctx: MdmContext, actor: Actor, raw: RawRecord): Promise<UpsertResult> {
  const p = prepareUpsert(ctx, raw);
  await assertSourceSystem(ctx, p.ref.sourceSystem);
  const active = await ctx.models.current();
  return inTransaction(ctx, (trx) => applyUpsert(trx, ctx, actor, p, active));
}

/**
 * Records per transaction on the batch path. Bounded because every blocking key of the chunk is
 * held as an advisory lock until commit, and advisory locks live in the shared lock table
 * (max_locks_per_transaction × max_connections slots): ~8 keys × 50 records = ~400 locks.
 */
const BATCH_CHUNK = 50;

/**
 * Batch upsert for bulk import. Records are applied in order, a chunk per transaction (one commit
 * per chunk instead of per record); all keys of a chunk are locked up front in one sorted statement,
 * so a chunk cannot deadlock with other upserts on the advisory locks. Records whose stored payload
 * is identical are answered `unchanged` from one look-up per chunk without opening a transaction.
 * Because records are applied one after another (each sees the ones before it), the decisions are
 * those of one-by-one upserts. Should a chunk fail as a whole (a database error on one record),
 * it is rolled back and its records are retried one transaction each, so only the bad record fails.
 */
export async function upsertRecords(
  ctx: MdmContext,
  actor: Actor,
  raws: RawRecord[],
): Promise<Array<UpsertResult | UpsertFailure>> {
  const out: Array<UpsertResult | UpsertFailure> = new Array(raws.length);
  const ready: Array<{ index: number; p: PreparedUpsert }> = [];
  for (const [index, raw] of raws.entries()) {
    try {
      const p = prepareUpsert(ctx, raw);
      await assertSourceSystem(ctx, p.ref.sourceSystem);
      ready.push({ index, p });
    } catch (err) {
      out[index] = failure(raw, err);
    }
  }
  const active = await ctx.models.current();
  for (let i = 0; i < ready.length; i += BATCH_CHUNK) {
    const chunk = await answerUnchanged(ctx, ready.slice(i, i + BATCH_CHUNK), out);
    if (chunk.length === 0) continue;
    try {
      const results = await inTransaction(ctx, async (trx) => {
        await lockKeys(
          trx,
          chunk.flatMap(({ p }) => [recordLockKey(p.ref), ...p.keys]),
        );
        const batch: BatchState = { rows: new Map(), events: [] };
        const stored = await findRecordsByRefs(
          trx,
          chunk.map(({ p }) => p.ref),
        );
        for (const r of stored) {
          batch.rows.set(refKey({ sourceSystem: r.source_system, sourceRecordId: r.source_record_id }), r);
        }
        const done: UpsertResult[] = [];
        for (const { p } of chunk) done.push(await applyUpsert(trx, ctx, actor, p, active, batch));
        await writeAuditEvents(trx, actor, batch.events);
        return done;
      });
      results.forEach((r, j) => (out[(chunk[j] as { index: number }).index] = r));
    } catch (err) {
      ctx.logger.warn({ err, size: chunk.length }, 'batch chunk failed; retrying its records one by one');
      for (const { index, p } of chunk) {
        out[index] = await upsertRecord(ctx, actor, p.raw).catch((e: unknown) => failure(p.raw, e));
      }
    }
  }
  return out;
}

type Pending = { index: number; p: PreparedUpsert };

/**
 * Answers records whose stored payload hash is identical (and that occur once in the chunk, so an
 * earlier change in the same chunk cannot be skipped); returns the records still to apply.
 */
async function answerUnchanged(
  ctx: MdmContext,
  chunk: Pending[],
  out: Array<UpsertResult | UpsertFailure>,
): Promise<Pending[]> {
  const keyOf = (system: string, id: string): string => `${system}|${id}`;
  const occurrences = new Map<string, number>();
  for (const { p } of chunk) {
    const k = keyOf(p.ref.sourceSystem, p.ref.sourceRecordId);
    occurrences.set(k, (occurrences.get(k) ?? 0) + 1);
  }
  const stored = await findRecordHashes(
    ctx.database.db,
    chunk.map(({ p }) => p.ref),
  );
  const byKey = new Map(stored.map((r) => [keyOf(r.source_system, r.source_record_id), r]));
  return chunk.filter(({ index, p }) => {
    const k = keyOf(p.ref.sourceSystem, p.ref.sourceRecordId);
    const s = byKey.get(k);
    if (!s || occurrences.get(k) !== 1) return true;
    if (s.deleted_at !== null || s.customer_id === null || s.payload_hash !== p.hash) return true;
    out[index] = {
      ...p.ref,
      customerId: s.customer_id,
      decision: 'unchanged',
      score: null,
      recordVersion: s.version,
      problems: p.problems,
    };
    return false;
  });
}

function failure(raw: RawRecord | null | undefined, err: unknown): UpsertFailure {
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
