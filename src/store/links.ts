/**
 * SQL for match_links: scored record pairs with their decision and evidence. A pair is stored
 * once (record_a < record_b); a steward's decision is never overwritten by automatic scoring.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { evidenceInStoredOrder } from './evidence-sides.js';
import { jsonb } from './json.js';
import type { DB, JsonObject, LinkDecision, MatchLinkRow } from './schema.js';

export interface NewLink {
  recordA: number;
  recordB: number;
  weight: number;
  probability: number;
  decision: LinkDecision;
  decidedBy: string | null;
  evidence: JsonObject;
  modelVersion: number | null;
}

const STEWARD: LinkDecision[] = ['steward_merge', 'steward_separate'];

function ordered(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

/** Inserts or re-scores automatic links; rows a steward decided keep their decision. */
export async function upsertAutoLinks(trx: Transaction<DB>, links: NewLink[]): Promise<void> {
  if (links.length === 0) return;
  await trx
    .insertInto('match_links')
    .values(
      links.map((l) => {
        const [a, b] = ordered(l.recordA, l.recordB);
        return {
          record_a: a,
          record_b: b,
          weight: l.weight,
          probability: l.probability,
          decision: l.decision,
          decided_by: l.decidedBy,
          evidence: jsonb(evidenceInStoredOrder(l.recordA, l.recordB, l.evidence)),
          model_version: l.modelVersion,
        };
      }),
    )
    .onConflict((oc) =>
      oc
        .columns(['record_a', 'record_b'])
        .doUpdateSet((eb) => ({
          weight: eb.ref('excluded.weight'),
          probability: eb.ref('excluded.probability'),
          decision: eb.ref('excluded.decision'),
          decided_by: eb.ref('excluded.decided_by'),
          evidence: eb.ref('excluded.evidence'),
          model_version: eb.ref('excluded.model_version'),
          updated_at: sql`now()`,
        }))
        .where('match_links.decision', 'not in', STEWARD),
    )
    .execute();
}

/** Records a steward decision for each pair (overrides whatever was there). */
export async function setStewardDecision(
  trx: Transaction<DB>,
  pairs: Array<[number, number]>,
  decision: 'steward_merge' | 'steward_separate',
  decidedBy: string,
): Promise<void> {
  if (pairs.length === 0) return;
  await trx
    .insertInto('match_links')
    .values(
      pairs.map(([x, y]) => {
        const [a, b] = ordered(x, y);
        return { record_a: a, record_b: b, weight: 0, probability: 0, decision, decided_by: decidedBy };
      }),
    )
    .onConflict((oc) =>
      oc.columns(['record_a', 'record_b']).doUpdateSet({ decision, decided_by: decidedBy, updated_at: sql`now()` }),
    )
    .execute();
}

/** Steward decisions involving any of the given records (both directions, both indexes used). */
export async function findStewardLinks(db: Kysely<DB>, recordIds: number[]): Promise<MatchLinkRow[]> {
  if (recordIds.length === 0) return [];
  return db
    .selectFrom('match_links')
    .selectAll()
    .where('decision', 'in', STEWARD)
    .where((eb) => eb.or([eb('record_a', 'in', recordIds), eb('record_b', 'in', recordIds)]))
    .execute();
}

/**
 * Marks records that leave a customer as separated from up to `perRecord` of the records that stay
 * (set-based: one statement, whatever the sizes). Automatic matching checks whether a candidate's
 * customer holds any separated partner, so a sample of the staying records is enough to keep the
 * parts apart; the cap bounds the rows a split of a very large customer writes.
 */
export async function separateFromCustomer(
  trx: Transaction<DB>,
  leavingIds: number[],
  stayingCustomerId: string,
  perRecord: number,
  decidedBy: string,
): Promise<void> {
  if (leavingIds.length === 0) return;
  await sql`
    insert into match_links (record_a, record_b, weight, probability, decision, decided_by)
    select least(l.id, s.id), greatest(l.id, s.id), 0, 0, 'steward_separate', ${decidedBy}
    from unnest(${leavingIds}::bigint[]) as l(id)
    cross join (
      select id from source_records
      where customer_id = ${stayingCustomerId} and deleted_at is null
      order by id limit ${perRecord}
    ) as s
    order by 1, 2
    on conflict (record_a, record_b) do update set
      decision = excluded.decision, decided_by = excluded.decided_by, updated_at = now()`.execute(trx);
}
