/**
 * Related customers (issue #11 item 4): two customers whose records share an address, a phone or a
 * family email but differ in given name or birth date are different people who belong together — a
 * household, or a shared contact. The matcher keeps them apart; this use case records the
 * relationship (idempotent, audited when new) and serves it for the customer 360 and the API.
 */
import type { Transaction } from 'kysely';
import { AppError } from '../../errors.js';
import {
  compileModel,
  levelOf,
  relationshipOf,
  type MatchModel,
  type PairList,
  type RelatedPair,
} from '../../match/index.js';
import type { StdRecord } from '../../standardize/types.js';
import { listRedirectsTo, resolveCustomer } from '../../store/customers.js';
import { listRelatedCustomers, upsertRelatedPairs, type NewRelatedPair } from '../../store/related-customers.js';
import type { DB, RelatedEvidence, RelatedKind } from '../../store/schema.js';
import { writeAuditEvents } from '../audit.js';
import type { MdmContext } from '../context.js';
import { resolveCustomerOrThrow } from '../golden/customer-state.js';
import { inTransaction } from '../tx.js';
import type { Actor } from '../types.js';

export type { RelatedEvidence, RelatedKind };

/** One related record pair, by the customers its records belonged to when it was found. */
export interface RelatedCustomerPair {
  customerA: string;
  customerB: string;
  kind: RelatedKind;
  evidence: RelatedEvidence;
}

const PAIRS_PER_TX = 500;

/**
 * The batch result's related record pairs as customer pairs (the customers the records belonged to
 * when the batch read them; recordRelatedCustomers follows merges since). In scope 'changed', only
 * pairs holding a changed record.
 */
export function relatedCustomerPairs(
  related: readonly RelatedPair[],
  candidates: PairList,
  rowOf: ReadonlyArray<{ customer_id: string | null; source_system: string; source_record_id: string } | undefined>,
  changed: (i: number) => boolean,
): RelatedCustomerPair[] {
  const out: RelatedCustomerPair[] = [];
  for (const { pair, relationship, shared } of related) {
    const l = candidates.left[pair] as number;
    const r = candidates.right[pair] as number;
    const a = rowOf[l];
    const b = rowOf[r];
    if (!a?.customer_id || !b?.customer_id || !(changed(l) || changed(r))) continue;
    out.push({
      customerA: a.customer_id,
      customerB: b.customer_id,
      kind: relationship,
      evidence: {
        shared,
        records: [
          [a.source_system, a.source_record_id],
          [b.source_system, b.source_record_id],
        ],
      },
    });
  }
  return out;
}

/**
 * Records the relationships between the customers the pairs' records belong to now (merges since
 * are followed); a pair whose two sides are now one customer is no relationship. Returns how many
 * relationships were new.
 */
export async function recordRelatedCustomers(
  ctx: MdmContext,
  actor: Actor,
  pairs: readonly RelatedCustomerPair[],
): Promise<number> {
  const current = new Map<string, string | null>();
  const resolve = async (id: string): Promise<string | null> => {
    if (!current.has(id)) current.set(id, (await resolveCustomer(ctx.database.db, id))?.id ?? null);
    return current.get(id) ?? null;
  };
  const resolved: NewRelatedPair[] = [];
  for (const p of pairs) {
    const [a, b] = [await resolve(p.customerA), await resolve(p.customerB)];
    if (a && b && a !== b) resolved.push({ ...p, customerA: a, customerB: b });
  }
  let created = 0;
  for (let i = 0; i < resolved.length; i += PAIRS_PER_TX) {
    created += await inTransaction(ctx, (trx) => writeRelated(trx, actor, resolved.slice(i, i + PAIRS_PER_TX)));
  }
  return created;
}

/** Upserts current-id pairs; audits the new ones. */
async function writeRelated(trx: Transaction<DB>, actor: Actor, pairs: NewRelatedPair[]): Promise<number> {
  const fresh = await upsertRelatedPairs(trx, pairs);
  // One event in each customer's history, so both 360 views show when the relationship began.
  await writeAuditEvents(
    trx,
    actor,
    fresh.flatMap((p) => [
      {
        action: 'customer.related',
        customerId: p.customerA,
        after: { relatedTo: p.customerB, kind: p.kind, evidence: p.evidence },
      },
      {
        action: 'customer.related',
        customerId: p.customerB,
        after: { relatedTo: p.customerA, kind: p.kind, evidence: p.evidence },
      },
    ]),
  );
  return fresh.length;
}

export interface RelatedCandidate {
  customerId: string;
  sourceSystem: string;
  sourceRecordId: string;
  std: StdRecord;
}

/**
 * The real-time form, inside the upsert's transaction: the candidates of other customers that the
 * same rule as the batch (match/related.ts) finds related to the record just written. Real time has
 * no frequency statistics, so a generic value (a switchboard) is not recognised here; the nightly
 * dedupe, which has them, sees the same pair with the flags.
 */
export async function recordRelatedCandidates(
  trx: Transaction<DB>,
  actor: Actor,
  model: MatchModel,
  record: { customerId: string; sourceSystem: string; sourceRecordId: string; std: StdRecord },
  candidates: readonly RelatedCandidate[],
): Promise<number> {
  const cm = compileModel(model);
  const pairs: NewRelatedPair[] = [];
  for (const c of candidates) {
    if (c.customerId === record.customerId) continue;
    const related = relationshipOf(
      cm,
      cm.defs.map((d) => levelOf(d, record.std, c.std)),
    );
    if (!related) continue;
    pairs.push({
      customerA: record.customerId,
      customerB: c.customerId,
      kind: related.relationship,
      evidence: {
        shared: related.shared,
        records: [
          [record.sourceSystem, record.sourceRecordId],
          [c.sourceSystem, c.sourceRecordId],
        ],
      },
    });
  }
  return pairs.length === 0 ? 0 : writeRelated(trx, actor, pairs);
}

export interface RelatedCustomer {
  customerId: string;
  displayName: string | null;
  kind: RelatedKind;
  evidence: RelatedEvidence;
  updatedAt: string;
}

const RELATED_PAGE = 50;

/** The customers related to this one (and to the ids merged into it), one page at a time by id. */
export async function getRelatedCustomers(
  ctx: MdmContext,
  id: string,
  req: { limit?: number | undefined; after?: string | undefined } = {},
): Promise<{ items: RelatedCustomer[]; nextCursor: string | null }> {
  const db = ctx.database.db;
  const { customer } = await resolveCustomerOrThrow(db, id);
  const limit = req.limit ?? RELATED_PAGE;
  const ids = [customer.id, ...(await listRedirectsTo(db, customer.id))];
  const rows = await listRelatedCustomers(db, ids, limit + 1, decodeRelatedCursor(req.after));
  const page = rows.slice(0, limit);
  const items: RelatedCustomer[] = [];
  for (const r of page) {
    // The other side may have been merged since: show the customer it lives on as now.
    const other = r.otherMergedInto ? await resolveCustomer(db, r.otherId) : undefined;
    const otherId = other?.id ?? r.otherId;
    if (otherId === customer.id || items.some((i) => i.customerId === otherId)) continue;
    items.push({
      customerId: otherId,
      displayName: other ? other.display_name : r.otherName,
      kind: r.kind,
      evidence: r.evidence,
      updatedAt: r.updatedAt.toISOString(),
    });
  }
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeRelatedCursor(last.otherId) : null };
}

function encodeRelatedCursor(otherId: string): string {
  return Buffer.from(`c:${otherId}`).toString('base64url');
}

function decodeRelatedCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const m = /^c:(C\d{1,20})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) {
    throw new AppError('IH_VALIDATION', 'malformed cursor', {
      details: [{ path: 'querystring/after', reason: 'not a cursor this API gave' }],
    });
  }
  return m[1];
}
