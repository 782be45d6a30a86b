/**
 * One upsert inside a transaction: lock, idempotency check, candidates, score, decide, write.
 * Shared by the single and the batch path so both give the same decisions.
 */
import type { Transaction } from 'kysely';
import { findCandidateRecords, lockKeys } from '../../store/blocking-keys.js';
import { findStewardLinks } from '../../store/links.js';
import type { DB } from '../../store/schema.js';
import { findRecordByKey, findRecordsByIds } from '../../store/source-records.js';
import type { MdmContext } from '../context.js';
import { decide, type ScoredCandidate, type StewardVerdict } from './decide.js';
import { judgePair } from '../../match/index.js';
import type { ActiveModel } from '../matching/active-model.js';
import { recordLockKey, type PreparedUpsert } from './prepare.js';
import type { Actor, UpsertResult } from '../types.js';
import { refKey, type BatchState } from './batch-state.js';
import { result, writeDecision } from './upsert-write.js';
import { recordRelatedCandidates } from '../customers/related.js';

/** `batch` set: the caller already locked the keys and owns reading rows and writing events. */
export async function applyUpsert(
  trx: Transaction<DB>,
  ctx: MdmContext,
  actor: Actor,
  p: PreparedUpsert,
  active: ActiveModel,
  batch?: BatchState,
): Promise<UpsertResult> {
  if (!batch) await lockKeys(trx, [recordLockKey(p.ref), ...p.keys]);
  const existing = batch
    ? batch.rows.get(refKey(p.ref))
    : await findRecordByKey(trx, p.ref.sourceSystem, p.ref.sourceRecordId);
  if (existing && existing.deleted_at === null && existing.customer_id && existing.payload_hash === p.hash) {
    return result(p, existing, existing.customer_id, 'unchanged', null);
  }
  const candidates = await findCandidateRecords(trx, {
    keys: p.keys,
    maxBlockSize: ctx.settings.matchMaxBlockSize,
    limit: ctx.settings.matchMaxCandidates,
    excludeIds: existing ? [existing.id] : [],
  });
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const scored: ScoredCandidate[] = candidates.map((c) => ({
    recordId: c.id,
    customerId: c.customer_id as string,
    sourceSystem: c.source_system,
    sourceRecordId: c.source_record_id,
    ...judgePair(active.model, p.std, c.std as PreparedUpsert['std']),
  }));
  const steward = existing ? await stewardContext(trx, existing.id) : emptySteward();
  const decision = decide({
    scored,
    currentCustomerId: existing?.customer_id ?? null,
    stewardPairs: steward.pairs,
    separatedCustomers: steward.separated,
    matchUpperThreshold: ctx.settings.matchUpperThreshold,
    matchLowerThreshold: ctx.settings.matchLowerThreshold,
  });
  const written = await writeDecision(trx, ctx, actor, { p, existing, decision, active, byId, batch });
  // Households and shared contacts among the candidates of other customers (issue #11 item 4).
  await recordRelatedCandidates(
    trx,
    actor,
    active.model,
    { ...written, std: p.std },
    candidates.flatMap((c) =>
      c.customer_id && c.std
        ? [{ customerId: c.customer_id, sourceSystem: c.source_system, sourceRecordId: c.source_record_id, std: c.std }]
        : [],
    ),
  );
  return written;
}

function emptySteward(): { pairs: Map<number, StewardVerdict>; separated: Set<string> } {
  return { pairs: new Map(), separated: new Set() };
}

/** Steward decisions touching the record, and the customers now holding the separated partners. */
async function stewardContext(
  trx: Transaction<DB>,
  recordId: number,
): Promise<{ pairs: Map<number, StewardVerdict>; separated: Set<string> }> {
  const links = await findStewardLinks(trx, [recordId]);
  const ctx = emptySteward();
  if (links.length === 0) return ctx;
  for (const l of links) {
    const other = l.record_a === recordId ? l.record_b : l.record_a;
    ctx.pairs.set(other, l.decision === 'steward_merge' ? 'merge' : 'separate');
  }
  const separatedIds = [...ctx.pairs].filter(([, v]) => v === 'separate').map(([id]) => id);
  for (const r of await findRecordsByIds(trx, separatedIds)) {
    if (r.customer_id && r.deleted_at === null) ctx.separated.add(r.customer_id);
  }
  return ctx;
}
