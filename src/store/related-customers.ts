/**
 * SQL for related_customers: pairs of different customers found related (household, shared
 * contact). A pair is stored once (customer_a < customer_b); recording it again refreshes the kind
 * and evidence, so re-runs are idempotent.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonb } from './json.js';
import type { DB, RelatedEvidence, RelatedKind } from './schema.js';

export interface NewRelatedPair {
  customerA: string;
  customerB: string;
  kind: RelatedKind;
  evidence: RelatedEvidence;
}

/** Upserts the pairs; returns those that were new (for the audit trail). */
export async function upsertRelatedPairs(trx: Transaction<DB>, pairs: NewRelatedPair[]): Promise<NewRelatedPair[]> {
  const unique = new Map<string, NewRelatedPair>();
  for (const p of pairs) {
    if (p.customerA === p.customerB) continue;
    const [a, b] = p.customerA < p.customerB ? [p.customerA, p.customerB] : [p.customerB, p.customerA];
    const key = `${a}\u0000${b}`;
    // A household outranks a shared contact when two record pairs of the same customers disagree.
    const seen = unique.get(key);
    if (!seen || (seen.kind === 'shared_contact' && p.kind === 'household')) {
      unique.set(key, { ...p, customerA: a, customerB: b });
    }
  }
  if (unique.size === 0) return [];
  const rows = await trx
    .insertInto('related_customers')
    .values(
      [...unique.values()].map((p) => ({
        customer_a: p.customerA,
        customer_b: p.customerB,
        kind: p.kind,
        evidence: jsonb(p.evidence),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['customer_a', 'customer_b']).doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        evidence: eb.ref('excluded.evidence'),
        updated_at: sql`now()`,
      })),
    )
    // xmax is 0 on a row this statement inserted, non-zero on one it updated.
    .returning(['customer_a', 'customer_b', sql<boolean>`(xmax = 0)`.as('inserted')])
    .execute();
  const fresh = new Set(rows.filter((r) => r.inserted).map((r) => `${r.customer_a}\u0000${r.customer_b}`));
  return [...unique.entries()].filter(([k]) => fresh.has(k)).map(([, p]) => p);
}

export interface RelatedRow {
  otherId: string;
  otherName: string | null;
  /** Set when the other customer was merged away since (the caller follows the redirect). */
  otherMergedInto: string | null;
  kind: RelatedKind;
  evidence: RelatedEvidence;
  updatedAt: Date;
}

/** The customers related to any of `ids` (a customer and the ids merged into it), by other id, after `afterId`. */
export async function listRelatedCustomers(
  db: Kysely<DB>,
  ids: string[],
  limit: number,
  afterId?: string,
): Promise<RelatedRow[]> {
  const after = afterId ?? '';
  const result = await sql<RelatedRow>`
    select r.other_id as "otherId", c.display_name as "otherName",
      c.merged_into as "otherMergedInto", r.kind, r.evidence,
      r.updated_at as "updatedAt"
    from (
      select customer_b as other_id, kind, evidence, updated_at from related_customers
      where customer_a = any(${ids}::text[]) and customer_b > ${after}
      union all
      select customer_a, kind, evidence, updated_at from related_customers
      where customer_b = any(${ids}::text[]) and customer_a > ${after}
    ) as r
    join customers c on c.id = r.other_id
    order by r.other_id
    limit ${limit}`.execute(db);
  return result.rows;
}
