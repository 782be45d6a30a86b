/**
 * SQL for blocking_keys (the real-time candidate index) and the advisory locks that serialise
 * concurrent upserts touching the same keys.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, SourceRecordRow } from './schema.js';

/**
 * Lock space of the ingest gate: a two-key advisory lock, which never collides with the one-key
 * (hashtext) locks below. Every key-locking transaction holds it shared; a bulk chunk holds it
 * exclusively (lockAllKeys) — a chunk touches tens of thousands of keys, more than the shared lock
 * table could hold one by one.
 */
const INGEST_GATE = 0x1d4b;

/**
 * Transaction-scoped advisory locks on the given keys. The ingest gate is taken first (shared), then
 * the keys in ascending order of their 32-bit hash, so two transactions locking overlapping sets
 * cannot deadlock (a hash collision only means two keys share a lock). Released at commit/rollback.
 */
export async function lockKeys(trx: Transaction<DB>, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`select count(case when l.h is null then pg_advisory_xact_lock_shared(${INGEST_GATE}::int, 0)
      else pg_advisory_xact_lock(l.h) end)
    from (
      select null::int as h
      union all
      select distinct hashtext(k) as h from unnest(${keys}::text[]) as k
      order by h nulls first
    ) as l`.execute(trx);
}

/**
 * Locks every key at once (the ingest gate, exclusively): waits for the key-locking transactions in
 * flight and holds new ones back until commit. The bulk path takes it for a whole chunk.
 */
export async function lockAllKeys(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${INGEST_GATE}::int, 0)`.execute(trx);
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

/**
 * The blocks of many keys at once (bulk path): for each key its record ids, at most maxBlockSize + 1
 * of them (so the caller can tell a block that is too common, as findCandidateRecords does).
 */
export async function findBlocks(db: Kysely<DB>, keys: string[], maxBlockSize: number): Promise<Map<string, number[]>> {
  const blocks = new Map<string, number[]>();
  if (keys.length === 0) return blocks;
  const result = await sql<{ key: string; ids: Array<number | string> }>`
    select k.key, b.ids
    from unnest(${keys}::text[]) as k(key)
    cross join lateral (
      select array_agg(bk.record_id) as ids
      from (select record_id from blocking_keys where key = k.key limit ${maxBlockSize + 1}) as bk
    ) as b
    where b.ids is not null`.execute(db);
  for (const r of result.rows) blocks.set(r.key, r.ids.map(Number));
  return blocks;
}

/** What the bulk path needs of a stored candidate: CandidateRow's fields and whether it is live. */
export type BlockRecordRow = Omit<CandidateRow, 'shared_keys'> & { live: boolean };

export async function findBlockRecords(db: Kysely<DB>, ids: number[]): Promise<BlockRecordRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<BlockRecordRow>`
    select r.id, r.source_system, r.source_record_id, r.customer_id, r.std, r.annual_value,
      (r.deleted_at is null and r.customer_id is not null) as live
    from source_records r where r.id = any(${ids}::bigint[])`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}
