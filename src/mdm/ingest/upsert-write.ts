/**
 * The write half of an upsert: the record (and a new customer when needed), golden recompute of
 * every touched customer, the decided link with its explanation, the review task, audit events.
 */
import type { Transaction } from 'kysely';
import type { CandidateRow } from '../../store/blocking-keys.js';
import { insertCustomer } from '../../store/customers.js';
import { upsertAutoLinks } from '../../store/links.js';
import { closeSettledTasks, refreshOpenTaskCustomers, upsertOpenReviewTask } from '../../store/review-tasks.js';
import type { DB, JsonObject } from '../../store/schema.js';
import {
  insertCustomerWithRecord,
  insertRecord,
  updateRecordPayload,
  type CreationAuditEvent,
} from '../../store/source-record-writes.js';
import type { NewRecord, RecordRow } from '../../store/source-records.js';
import { writeAuditEvents, type AuditInput } from '../audit.js';
import type { MdmContext } from '../context.js';
import { stateOf } from '../golden/customer-state.js';
import { applyRecordChanges } from '../golden/golden-state.js';
import type { Decision } from './decide.js';
import { explainPair } from '../../match/index.js';
import type { ActiveModel } from '../matching/active-model.js';
import type { PreparedUpsert } from './prepare.js';
import { VersionConflict } from '../tx.js';
import type { Actor, UpsertResult } from '../types.js';
import { refKey, type BatchState } from './batch-state.js';

export interface WriteInput {
  p: PreparedUpsert;
  existing: RecordRow | undefined;
  decision: Decision;
  active: ActiveModel;
  byId: Map<number, CandidateRow>;
  batch: BatchState | undefined;
}

/** The customer the record ends in: an existing one, or null for a new customer. */
function targetOf(d: Decision): string | null {
  if (d.kind === 'attach' || d.kind === 'stay') return d.customerId;
  if (d.kind === 'review') return d.customerId;
  return null;
}

export async function writeDecision(
  trx: Transaction<DB>,
  ctx: MdmContext,
  actor: Actor,
  w: WriteInput,
): Promise<UpsertResult> {
  const { p, existing, decision } = w;
  const events: AuditInput[] = [];
  const target = targetOf(decision);
  const { rec, customerId } = await writeRecord(trx, ctx, actor, w, target, events);
  const previous = existing?.customer_id ?? null;
  // A customer created with the record already holds its golden record (and builds its state on its next change).
  if (target !== null || existing)
    events.push(...(await applyRecordChanges(trx, ctx, [{ before: existing, after: rec }])).events);
  if (existing && previous !== customerId) {
    await refreshOpenTaskCustomers(trx, [rec.id]);
    await closeSettledTasks(trx, [customerId], 'obsolete', actor.id, 'records now belong to one customer');
  }
  const reviewTaskId = await writeLinks(trx, w, rec, customerId, events);
  if (w.batch) w.batch.events.push(...events);
  else if (events.length > 0) await writeAuditEvents(trx, actor, events);
  const kind = decision.kind === 'create' ? 'created' : decision.kind === 'review' ? 'review' : 'attached';
  return result(p, rec, customerId, kind, decision.best?.probability ?? null, reviewTaskId);
}

/**
 * Writes the record (and its new customer when `target` is null) with its blocking keys. A plain
 * create outside a batch also writes its audit events in the same statement (one round trip);
 * otherwise the events go to `events` for the caller to write.
 */
async function writeRecord(
  trx: Transaction<DB>,
  ctx: MdmContext,
  actor: Actor,
  w: WriteInput,
  target: string | null,
  events: AuditInput[],
): Promise<{ rec: RecordRow; customerId: string }> {
  const { p, existing } = w;
  const fields = { ...p.ref, raw: p.raw, std: p.std, problems: p.problems, payloadHash: p.hash };
  if (target === null && !existing) {
    const input = { ...p.ref, raw: p.raw, std: p.std, updatedAt: new Date() };
    const state = stateOf([input], [p.std.annualValue], ctx.sourceSystems.trustOf);
    const recordAfter = { version: 1, payloadHash: p.hash, deleted: false, raw: p.raw };
    const creation: AuditInput[] = [
      { action: 'customer.created', customerId: null, after: { version: 1, golden: state.golden } },
      { action: 'record.created', customerId: null, ...p.ref, before: null, after: recordAfter },
    ];
    const inline = !w.batch && w.decision.kind === 'create';
    const created = await insertCustomerWithRecord(
      trx,
      state,
      { ...fields, annualValue: p.std.annualValue },
      p.keys,
      inline ? creation.map((e, i) => creationEvent(actor, e, i === 1)) : [],
    );
    const customerId = created.customer.id;
    if (!inline) {
      events.push(
        ...creation.map((e, i) =>
          i === 1 ? { ...e, customerId, after: { ...recordAfter, customerId } } : { ...e, customerId },
        ),
      );
    }
    w.batch?.rows.set(refKey(p.ref), created.record);
    return { rec: created.record, customerId };
  }
  const customerId = target ?? (await insertNewCustomer(trx, ctx, p, events));
  const newRecord = { ...fields, customerId, annualValue: p.std.annualValue };
  const rec = existing
    ? await updateExisting(trx, existing, newRecord, p.keys)
    : await insertRecord(trx, newRecord, p.keys);
  w.batch?.rows.set(refKey(p.ref), rec);
  events.push({
    action: !existing ? 'record.created' : existing.deleted_at ? 'record.restored' : 'record.updated',
    customerId,
    sourceSystem: p.ref.sourceSystem,
    sourceRecordId: p.ref.sourceRecordId,
    before: existing ? recordSummary(existing) : null,
    after: recordSummary(rec),
  });
  return { rec, customerId };
}

/** The version read under the record lock must still be there: anything else retries the upsert. */
async function updateExisting(
  trx: Transaction<DB>,
  existing: RecordRow,
  rec: NewRecord,
  keys: string[],
): Promise<RecordRow> {
  const row = await updateRecordPayload(trx, existing.id, existing.version, rec, keys);
  if (!row) throw new VersionConflict(`source record ${existing.id}`);
  return row;
}

function creationEvent(actor: Actor, e: AuditInput, withCustomerId: boolean): CreationAuditEvent {
  return {
    actor: actor.id,
    actorType: actor.type,
    action: e.action,
    sourceSystem: e.sourceSystem ?? null,
    sourceRecordId: e.sourceRecordId ?? null,
    after: e.after,
    withCustomerId,
  };
}

/** Stores the decided pair with its explanation, and opens the review task for a borderline one. */
async function writeLinks(
  trx: Transaction<DB>,
  w: WriteInput,
  rec: RecordRow,
  customerId: string,
  events: AuditInput[],
): Promise<string | undefined> {
  const { decision } = w;
  if (decision.kind !== 'attach' && decision.kind !== 'review') return undefined;
  const best = decision.best;
  const other = w.byId.get(best.recordId) as CandidateRow;
  const explanation = explainPair(w.active.model, w.p.std, other.std as PreparedUpsert['std']);
  const evidence = explanation as unknown as JsonObject;
  const link = { recordA: rec.id, recordB: best.recordId, weight: best.weight, probability: best.probability };
  const linkDecision = decision.kind === 'attach' ? 'auto_merge' : 'review';
  await upsertAutoLinks(trx, [
    { ...link, decision: linkDecision, decidedBy: null, evidence, modelVersion: w.active.version },
  ]);
  if (decision.kind !== 'review') return undefined;
  const task = await upsertOpenReviewTask(trx, {
    ...link,
    customerA: customerId,
    customerB: best.customerId,
    evidence,
    priorityValue: (w.p.std.annualValue ?? 0) + (other.annual_value ?? 0),
  });
  events.push({
    action: 'review.opened',
    customerId,
    sourceSystem: w.p.ref.sourceSystem,
    sourceRecordId: w.p.ref.sourceRecordId,
    after: { reviewTaskId: String(task.id), otherCustomerId: best.customerId, probability: best.probability },
  });
  return String(task.id);
}

/** A customer for a record that exists but has none yet (e.g. loaded unassigned in bulk). */
async function insertNewCustomer(
  trx: Transaction<DB>,
  ctx: MdmContext,
  p: PreparedUpsert,
  events: AuditInput[],
): Promise<string> {
  const input = { ...p.ref, raw: p.raw, std: p.std, updatedAt: new Date() };
  const row = await insertCustomer(trx, stateOf([input], [p.std.annualValue], ctx.sourceSystems.trustOf));
  events.push({ action: 'customer.created', customerId: row.id, after: { version: row.version, golden: row.golden } });
  return row.id;
}

function recordSummary(r: RecordRow): JsonObject {
  return {
    version: r.version,
    customerId: r.customer_id,
    payloadHash: r.payload_hash,
    deleted: r.deleted_at !== null,
    raw: r.raw,
  };
}

export function result(
  p: PreparedUpsert,
  rec: RecordRow,
  customerId: string,
  decision: UpsertResult['decision'],
  score: number | null,
  reviewTaskId?: string,
): UpsertResult {
  return {
    ...p.ref,
    customerId,
    decision,
    score,
    ...(reviewTaskId ? { reviewTaskId } : {}),
    recordVersion: rec.version,
    problems: p.problems,
  };
}
