/**
 * The bulk ingest path (imports, POST /v1/records:batch): a chunk of thousands of records in one
 * transaction and a fixed number of statements.
 *
 * 1. Standardise, key and hash every record before any transaction (CPU work holds no lock).
 * 2. Records whose stored payload is identical answer `unchanged` from one look-up, without a
 *    transaction: re-sending a chunk (a job resumed after a crash) writes nothing.
 * 3. In one transaction, holding every blocking key (lockAllKeys: waits for the real-time upserts in
 *    flight and holds new ones and other chunks until commit):
 *    a. records that already exist (changed payload, revived delete) or occur twice in the chunk go
 *       through applyUpsert one by one — the real-time path, with steward decisions and moves;
 *    b. all other records are new: their stored candidates are read for the whole chunk (two
 *       statements), decided in memory in chunk order (bulk-match.ts, same rules and scoring as a
 *       single upsert) and written with multi-row statements (bulk-write.ts);
 *    c. every audit event of the chunk in one statement.
 * A crash before commit leaves nothing; after commit the chunk is complete, so a retried chunk only
 * finds `unchanged` records: nothing lost, nothing doubled.
 *
 * Order effect (documented in the README): within a chunk, the existing records of step 3a are
 * applied before the new ones of 3b, so a new record earlier in the chunk is not a candidate for an
 * existing record's update. For a chunk of only new records the decisions are exactly those of
 * upserting them one by one in chunk order.
 */
import type { Transaction } from 'kysely';
import { findBlockRecords, findBlocks, lockAllKeys } from '../../store/blocking-keys.js';
import type { DB } from '../../store/schema.js';
import { insertAuditEventsBulk } from '../../store/bulk-writes.js';
import { findRecordHashes, findRecordsByRefs } from '../../store/source-records.js';
import { decideChunk } from './bulk-match.js';
import { writeChunk } from './bulk-write.js';
import type { MdmContext } from '../context.js';
import type { ActiveModel } from '../matching/active-model.js';
import type { PreparedUpsert } from './prepare.js';
import { inTransaction } from '../tx.js';
import { refKey, type BatchState } from './batch-state.js';
import { applyUpsert } from './upsert-core.js';
import type { Actor, UpsertResult } from '../types.js';

type Pending = { index: number; p: PreparedUpsert };

/**
 * Applies prepared records (valid refs, known source systems) as one chunk; returns their results in
 * input order. Throws when the transaction fails (the caller decides how to retry).
 */
export async function applyChunk(ctx: MdmContext, actor: Actor, prepared: PreparedUpsert[]): Promise<UpsertResult[]> {
  const active = await ctx.models.current();
  const out: UpsertResult[] = new Array(prepared.length);
  const todo = await answerUnchanged(
    ctx,
    prepared.map((p, index) => ({ index, p })),
    out,
  );
  if (todo.length === 0) return out;
  const results = await inTransaction(ctx, (trx) => applyLocked(trx, ctx, actor, todo, active));
  todo.forEach(({ index }, j) => (out[index] = results[j] as UpsertResult));
  return out;
}

async function applyLocked(
  trx: Transaction<DB>,
  ctx: MdmContext,
  actor: Actor,
  todo: Pending[],
  active: ActiveModel,
): Promise<UpsertResult[]> {
  const t = stageTimer();
  await lockAllKeys(trx);
  t('lock');
  const batch: BatchState = { rows: new Map(), events: [] };
  for (const r of await findRecordsByRefs(
    trx,
    todo.map(({ p }) => p.ref),
  )) {
    batch.rows.set(refKey({ sourceSystem: r.source_system, sourceRecordId: r.source_record_id }), r);
  }
  const seen = new Map<string, number>();
  for (const { p } of todo) seen.set(refKey(p.ref), (seen.get(refKey(p.ref)) ?? 0) + 1);
  const isNew = (p: PreparedUpsert): boolean => !batch.rows.has(refKey(p.ref)) && seen.get(refKey(p.ref)) === 1;
  const out: UpsertResult[] = new Array(todo.length);
  for (const [j, { p }] of todo.entries()) {
    if (!isNew(p)) out[j] = await applyUpsert(trx, ctx, actor, p, active, batch);
  }
  t('existing');
  const fresh = todo.map(({ p }, j) => ({ p, j })).filter(({ p }) => isNew(p));
  if (fresh.length > 0) {
    const records = fresh.map(({ p }) => p);
    const stored = await readBlocks(trx, ctx, records);
    t('candidates');
    const decisions = decideChunk(records, stored, active, ctx.settings);
    t('decide');
    const results = await writeChunk(trx, ctx, { records, decisions, active }, batch.events);
    t('write');
    fresh.forEach(({ j }, k) => (out[j] = results[k] as UpsertResult));
  }
  await insertAuditEventsBulk(
    trx,
    batch.events.map((e) => ({ ...e, actor: actor.id, actorType: actor.type })),
  );
  t('audit');
  ctx.logger.debug({ records: todo.length, fresh: fresh.length, ms: t.stages }, 'bulk chunk applied');
  return out;
}

/** Milliseconds per stage of a chunk, for the debug log (where a chunk spends its time). */
function stageTimer(): ((stage: string) => void) & { stages: Record<string, number> } {
  let last = performance.now();
  const stages: Record<string, number> = {};
  const mark = (stage: string): void => {
    const now = performance.now();
    stages[stage] = Math.round(now - last);
    last = now;
  };
  return Object.assign(mark, { stages });
}

/** The stored blocks of every key of the chunk and the records they name: two statements. */
async function readBlocks(trx: Transaction<DB>, ctx: MdmContext, records: PreparedUpsert[]) {
  const keys = [...new Set(records.flatMap((p) => p.keys))];
  const blocks = await findBlocks(trx, keys, ctx.settings.matchMaxBlockSize);
  const ids = new Set<number>();
  for (const list of blocks.values())
    if (list.length <= ctx.settings.matchMaxBlockSize) for (const id of list) ids.add(id);
  const rows = await findBlockRecords(trx, [...ids]);
  return { blocks, rows: new Map(rows.map((r) => [r.id, r])) };
}

/**
 * Answers records whose stored payload hash is identical (and that occur once in the chunk, so an
 * earlier change in the same chunk cannot be skipped); returns the records still to apply.
 */
async function answerUnchanged(ctx: MdmContext, chunk: Pending[], out: UpsertResult[]): Promise<Pending[]> {
  const occurrences = new Map<string, number>();
  for (const { p } of chunk) occurrences.set(refKey(p.ref), (occurrences.get(refKey(p.ref)) ?? 0) + 1);
  const stored = await findRecordHashes(
    ctx.database.db,
    chunk.map(({ p }) => p.ref),
  );
  const byKey = new Map(
    stored.map((r) => [refKey({ sourceSystem: r.source_system, sourceRecordId: r.source_record_id }), r]),
  );
  const todo: Pending[] = [];
  chunk.forEach(({ index: j, p }) => {
    const s = byKey.get(refKey(p.ref));
    if (
      !s ||
      occurrences.get(refKey(p.ref)) !== 1 ||
      s.deleted_at !== null ||
      s.customer_id === null ||
      s.payload_hash !== p.hash
    ) {
      todo.push({ index: j, p });
      return;
    }
    out[j] = {
      ...p.ref,
      customerId: s.customer_id,
      decision: 'unchanged',
      score: null,
      recordVersion: s.version,
      problems: p.problems,
    };
  });
  return todo;
}
