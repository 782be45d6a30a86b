/**
 * The write half of a bulk chunk: the new customers (golden records computed in memory), the
 * records, their blocking keys, the golden recompute of stored customers that gained records, links
 * with their explanation, review tasks and audit events — a fixed number of multi-row statements per
 * chunk (store/bulk-writes.ts), whatever its size. Runs inside the chunk's transaction.
 *
 * Audit differs from one-by-one upserts in one way only: a customer created in the chunk gets one
 * `customer.created` event carrying its golden record after the whole chunk (not a creation event
 * followed by an update per later record of the same chunk).
 */
import type { Transaction } from 'kysely';
import {
  allocateCustomerIds,
  insertBlockingKeysBulk,
  insertCustomersBulk,
  insertRecordsBulk,
  insertReviewTasksBulk,
  upsertLinksBulk,
  type BulkLink,
  type BulkReviewTask,
  type NewCustomerWithId,
} from '../../store/bulk-writes.js';
import type { DB, JsonObject } from '../../store/schema.js';
import type { AuditInput } from '../audit.js';
import { isPlaceholder, type ChunkDecision } from './bulk-match.js';
import type { MdmContext } from '../context.js';
import { stateOf } from '../golden/customer-state.js';
import { applyRecordChanges } from '../golden/golden-state.js';
import { explainPair } from '../../match/index.js';
import type { ActiveModel } from '../matching/active-model.js';
import type { PreparedUpsert } from './prepare.js';
import type { UpsertResult } from '../types.js';

export interface DecidedChunk {
  records: PreparedUpsert[];
  decisions: ChunkDecision[];
  active: ActiveModel;
}

export async function writeChunk(
  trx: Transaction<DB>,
  ctx: MdmContext,
  chunk: DecidedChunk,
  events: AuditInput[],
): Promise<UpsertResult[]> {
  const { records, decisions } = chunk;
  const t0 = performance.now();
  const lap = (what: string): void => ctx.logger.trace({ what, ms: Math.round(performance.now() - t0) }, 'bulk write');
  const idOf = await realCustomerIds(trx, decisions);
  const customerOf = decisions.map((d) => idOf(d.customerId));
  const created = newCustomers(ctx, records, decisions, customerOf);
  lap('customers');
  await insertCustomersBulk(trx, [...created.values()]);
  const rows = await insertRecordsBulk(
    trx,
    records.map((p, i) => ({
      ...p.ref,
      customerId: customerOf[i] as string,
      raw: p.raw,
      std: p.std,
      problems: p.problems,
      payloadHash: p.hash,
      annualValue: p.std.annualValue,
    })),
  );
  const recordIds = rows.map((r) => r.id);
  lap('records');
  await insertBlockingKeysBulk(
    trx,
    records.flatMap((p, i) => p.keys.map((key) => ({ recordId: recordIds[i] as number, key }))),
  );
  lap('keys');
  // Stored customers that gained records: the golden/counter seam of a single upsert, one call.
  const grown = rows
    .filter((r) => !created.has(r.customer_id as string))
    .map((after) => ({ before: undefined, after }));
  const recomputed = grown.length > 0 ? await applyRecordChanges(trx, ctx, grown) : { events: [] };
  lap('golden');
  const pairs = pairsOf(chunk, recordIds, customerOf, idOf);
  lap('explain');
  await upsertLinksBulk(trx, pairs.links);
  lap('links');
  const taskIds = await insertReviewTasksBulk(
    trx,
    pairs.tasks.map((t) => t.task),
  );
  lap('tasks');
  const taskOf = new Map(pairs.tasks.map((t, j) => [t.pos, String(taskIds[j])]));
  const announced = new Set<string>();
  const results: UpsertResult[] = records.map((p, i) => {
    const d = decisions[i] as ChunkDecision;
    const customerId = customerOf[i] as string;
    const state = created.get(customerId);
    if (state && !announced.has(customerId)) {
      announced.add(customerId);
      events.push({ action: 'customer.created', customerId, after: { version: 1, golden: state.golden } });
    }
    events.push({
      action: 'record.created',
      customerId,
      ...p.ref,
      before: null,
      after: { version: 1, customerId, payloadHash: p.hash, deleted: false, raw: p.raw },
    });
    const reviewTaskId = taskOf.get(i);
    if (reviewTaskId && d.decision.kind === 'review') {
      const best = d.decision.best;
      events.push({
        action: 'review.opened',
        customerId,
        ...p.ref,
        after: { reviewTaskId, otherCustomerId: idOf(best.customerId), probability: best.probability },
      });
    }
    const kind = d.decision.kind === 'attach' ? 'attached' : d.decision.kind === 'review' ? 'review' : 'created';
    return {
      ...p.ref,
      customerId,
      decision: kind,
      score: d.decision.best?.probability ?? null,
      ...(reviewTaskId ? { reviewTaskId } : {}),
      recordVersion: 1,
      problems: p.problems,
    };
  });
  events.push(...recomputed.events);
  return results;
}

/** Real ids for the chunk's placeholder customers, allocated in creation order. */
async function realCustomerIds(trx: Transaction<DB>, decisions: ChunkDecision[]): Promise<(id: string) => string> {
  const placeholders = [...new Set(decisions.map((d) => d.customerId).filter(isPlaceholder))].sort();
  const ids = await allocateCustomerIds(trx, placeholders.length);
  const map = new Map(placeholders.map((p, i) => [p, ids[i] as string]));
  return (id) => map.get(id) ?? id;
}

/** Golden record and counts of each customer created in the chunk, from all its chunk records. */
function newCustomers(
  ctx: MdmContext,
  records: PreparedUpsert[],
  decisions: ChunkDecision[],
  customerOf: string[],
): Map<string, NewCustomerWithId> {
  // A placeholder is also the customer of a record that attached to one created earlier in the chunk.
  const members = new Map<string, PreparedUpsert[]>();
  decisions.forEach((d, i) => {
    if (!isPlaceholder(d.customerId)) return;
    const id = customerOf[i] as string;
    const list = members.get(id);
    if (list) list.push(records[i] as PreparedUpsert);
    else members.set(id, [records[i] as PreparedUpsert]);
  });
  const now = new Date();
  const out = new Map<string, NewCustomerWithId>();
  for (const [id, ps] of members) {
    const state = stateOf(
      ps.map((p) => ({ ...p.ref, raw: p.raw, std: p.std, updatedAt: now })),
      ps.map((p) => p.std.annualValue),
      ctx.sourceSystems.trustOf,
    );
    out.set(id, { id, ...state, values: ps.map((p) => p.std.annualValue) });
  }
  return out;
}

/** The decided pair of each attach/review record, with its explanation; the review tasks. */
function pairsOf(
  chunk: DecidedChunk,
  recordIds: number[],
  customerOf: string[],
  idOf: (id: string) => string,
): { links: BulkLink[]; tasks: Array<{ pos: number; task: BulkReviewTask }> } {
  const links: BulkLink[] = [];
  const tasks: Array<{ pos: number; task: BulkReviewTask }> = [];
  chunk.decisions.forEach((d, i) => {
    if (!d.best || (d.decision.kind !== 'attach' && d.decision.kind !== 'review')) return;
    const p = chunk.records[i] as PreparedUpsert;
    const bestRef = d.best;
    const other =
      'stored' in bestRef
        ? {
            id: bestRef.stored.id,
            std: bestRef.stored.std as PreparedUpsert['std'],
            value: bestRef.stored.annual_value,
          }
        : {
            id: recordIds[bestRef.chunk] as number,
            std: (chunk.records[bestRef.chunk] as PreparedUpsert).std,
            value: (chunk.records[bestRef.chunk] as PreparedUpsert).std.annualValue,
          };
    const evidence = explainPair(chunk.active.model, p.std, other.std) as unknown as JsonObject;
    const best = d.decision.best;
    const link = {
      recordA: recordIds[i] as number,
      recordB: other.id,
      weight: best.weight,
      probability: best.probability,
    };
    links.push({
      ...link,
      decision: d.decision.kind === 'attach' ? 'auto_merge' : 'review',
      evidence,
      modelVersion: chunk.active.version,
    });
    if (d.decision.kind === 'review') {
      tasks.push({
        pos: i,
        task: {
          ...link,
          customerA: customerOf[i] as string,
          customerB: idOf(best.customerId),
          evidence,
          priorityValue: (p.std.annualValue ?? 0) + (other.value ?? 0),
        },
      });
    }
  });
  return { links, tasks };
}
