/**
 * Related customers (issue #11 item 4): two customers whose records share an address, a phone or a
 * family email but differ in given name or birth date are different people who belong together — a
 * household, or a shared contact. The matcher keeps them apart; this use case records the
 * relationship (idempotent, audited when new) and serves it for the customer 360 and the API.
 */
import { AppError } from '../../errors.js';
import { listRedirectsTo, resolveCustomer } from '../../store/customers.js';
import { listRelatedCustomers, upsertRelatedPairs, type NewRelatedPair } from '../../store/related-customers.js';
import type { RelatedEvidence, RelatedKind } from '../../store/schema.js';
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
    created += await inTransaction(ctx, async (trx) => {
      const fresh = await upsertRelatedPairs(trx, resolved.slice(i, i + PAIRS_PER_TX));
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
    });
  }
  return created;
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
