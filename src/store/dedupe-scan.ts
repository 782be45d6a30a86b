/** Read side of the nightly dedupe job: every live record with its customer and last change. */
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

export interface DedupeRecordRow {
  id: number;
  source_system: string;
  source_record_id: string;
  customer_id: string | null;
  raw: DB['source_records']['raw']['__select__'];
  updated_at: Date;
}

export async function listLiveRecordsForDedupe(db: Kysely<DB>): Promise<DedupeRecordRow[]> {
  return db
    .selectFrom('source_records')
    .select(['id', 'source_system', 'source_record_id', 'customer_id', 'raw', 'updated_at'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

export interface StewardPairRow {
  decision: 'steward_merge' | 'steward_separate';
  raw_a: DB['source_records']['raw']['__select__'];
  raw_b: DB['source_records']['raw']['__select__'];
}

/** Record pairs a steward decided (merge or separate), newest first: the retrain job's yardstick. */
export async function listStewardDecisionPairs(db: Kysely<DB>, limit: number): Promise<StewardPairRow[]> {
  const rows = await db
    .selectFrom('match_links as l')
    .innerJoin('source_records as a', 'a.id', 'l.record_a')
    .innerJoin('source_records as b', 'b.id', 'l.record_b')
    .select(['l.decision', 'a.raw as raw_a', 'b.raw as raw_b'])
    .where('l.decision', 'in', ['steward_merge', 'steward_separate'])
    .orderBy('l.updated_at', 'desc')
    .limit(limit)
    .execute();
  return rows as StewardPairRow[];
}

/**
 * True when a steward separated any record of customer `a` from any record of customer `b` (ids as
 * they are now, after earlier merges): the dedupe job never joins such customers.
 */
export async function customersSeparatedBySteward(db: Kysely<DB>, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('match_links as l')
    .innerJoin('source_records as ra', 'ra.id', 'l.record_a')
    .innerJoin('source_records as rb', 'rb.id', 'l.record_b')
    .select('l.record_a')
    .where('l.decision', '=', 'steward_separate')
    .where((eb) =>
      eb.or([
        eb.and([eb('ra.customer_id', '=', a), eb('rb.customer_id', '=', b)]),
        eb.and([eb('ra.customer_id', '=', b), eb('rb.customer_id', '=', a)]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Live records in the store (checked while no trained model exists yet, i.e. while the store is small). */
export async function countLiveRecords(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('source_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
