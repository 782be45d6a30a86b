/**
 * SQL for blocking_keys (the real-time candidate index) and the advisory locks that serialise
 * concurrent upserts touching the same keys.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, SourceRecordRow } from './schema.js';

/**
 * Transaction-scoped advisory locks on the given keys. Locks are taken in ascending order of their
 * 32-bit hash, so two transactions locking overlapping sets cannot deadlock (a hash collision only
 * means two keys share a lock). Released at commit/rollback.
 */
export async function lockKeys(trx: Transaction<DB>, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`select count(pg_advisory_xact_lock(h)) from (
      select distinct hashtext(k) as h from unnest(${keys}::text[]) as k order by h
    ) as locks`.execute(trx);
}

/** Replaces the keys of one record (a changed payload can change its keys). */
export async function replaceBlockingKeys(
  trx: Transaction<DB>,
  recordId: number,
  keys: string[],
  isNew: boolean,
): Promise<void> {
  if (!isNew) await deleteBlockingKeys(trx, recordId);
  await insertBlockingKeys(
    trx,
    keys.map((key) => ({ key, record_id: recordId })),
  );
}

export async function insertBlockingKeys(
  trx: Transaction<DB>,
  rows: Array<{ key: string; record_id: number }>,
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('blocking_keys')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function deleteBlockingKeys(trx: Transaction<DB>, recordId: number): Promise<void> {
  await trx.deleteFrom('blocking_keys').where('record_id', '=', recordId).execute();
}

/** What scoring needs of a candidate (not the raw payload: keeps the hot query small). */
export type CandidateRow = Pick<
  SourceRecordRow,
  'id' | 'source_system' | 'source_record_id' | 'customer_id' | 'std' | 'annual_value'
> & { shared_keys: number };

export interface CandidateQuery {
  keys: string[];
  /** A key whose block holds more than this many records is skipped (too common to be useful). */
  maxBlockSize: number;
  /** Cap on candidate records returned. */
  limit: number;
  /** Record ids never returned (the record itself). */
  excludeIds: number[];
}

/**
 * Live, assigned records sharing at least one useful key, with the number of keys shared (more
 * shared keys first). One round trip: each key's block is read with LIMIT maxBlockSize + 1 through
 * the primary key, and a block that reaches the limit is dropped before the join.
 */
export async function findCandidateRecords(db: Kysely<DB>, q: CandidateQuery): Promise<CandidateRow[]> {
  if (q.keys.length === 0 || q.limit <= 0) return [];
  const exclude = q.excludeIds.length > 0 ? q.excludeIds : [-1];
  const result = await sql<CandidateRow>`
    with hits as (
      select k.key, b.record_id
      from unnest(${q.keys}::text[]) as k(key)
      cross join lateral (
        select bk.record_id from blocking_keys bk where bk.key = k.key limit ${q.maxBlockSize + 1}
      ) as b
    ),
    useful as (select key from hits group by key having count(*) <= ${q.maxBlockSize}),
    ranked as (
      select h.record_id, count(*)::int as shared_keys
      from hits h join useful u on u.key = h.key
      where h.record_id <> all(${exclude}::bigint[])
      group by h.record_id
      order by shared_keys desc, h.record_id desc
      limit ${q.limit}
    )
    select r.id, r.source_system, r.source_record_id, r.customer_id, r.std, r.annual_value, ranked.shared_keys
    from ranked join source_records r on r.id = ranked.record_id
    where r.deleted_at is null and r.customer_id is not null
    order by ranked.shared_keys desc, r.id desc`.execute(db);
  return result.rows;
}
