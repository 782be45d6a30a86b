/**
 * SQL for customers: golden record, counts, optimistic version, merge redirects and name search.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonb } from './json.js';
import type { CustomerRow, DB, JsonObject, SourceRecordRow } from './schema.js';

export interface CustomerState {
  golden: JsonObject;
  displayName: string | null;
  searchName: string | null;
  recordCount: number;
  totalValue: number;
}

export async function insertCustomer(trx: Transaction<DB>, state: CustomerState): Promise<CustomerRow> {
  return trx
    .insertInto('customers')
    .values({
      golden: jsonb(state.golden),
      display_name: state.displayName,
      search_name: state.searchName,
      record_count: state.recordCount,
      total_value: state.totalValue,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findCustomer(db: Kysely<DB>, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCustomers(db: Kysely<DB>, ids: string[]): Promise<CustomerRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('customers').selectAll().where('id', 'in', ids).execute();
}

/** Turns `id` into a redirect to `survivorId` (its records must already have moved). */
export async function markCustomerMerged(
  trx: Transaction<DB>,
  id: string,
  survivorId: string,
  expectedVersion: number,
): Promise<CustomerRow | undefined> {
  return trx
    .updateTable('customers')
    .set({
      status: 'merged',
      merged_into: survivorId,
      record_count: 0,
      total_value: 0,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Re-points older redirects at the new survivor, so chains stay one hop long. */
export async function repointRedirects(trx: Transaction<DB>, fromId: string, toId: string): Promise<void> {
  await trx.updateTable('customers').set({ merged_into: toId }).where('merged_into', '=', fromId).execute();
}

/**
 * Follows merged_into from `id` to the customer that answers for it (at most 32 hops; merges keep
 * chains short by re-pointing, this guards against anything older). Undefined when id is unknown.
 */
export async function resolveCustomer(db: Kysely<DB>, id: string): Promise<CustomerRow | undefined> {
  let row = await findCustomer(db, id);
  for (let hop = 0; row?.merged_into && hop < 32; hop++) row = await findCustomer(db, row.merged_into);
  return row;
}

/**
 * Fuzzy name search on the trigram index of active customers. Two index-backed tests: `%` (whole-name
 * similarity, pg_trgm.similarity_threshold 0.3) finds "Robert Smyth" for "robert smith", and `<%`
 * (word similarity: the query against the best-matching part of the name) finds a customer from one
 * word, "Smyth" or "Begum", which whole-name similarity misses because the rest of the name dilutes it.
 * The word threshold is lowered to 0.3 for this transaction only (default 0.6 misses one-letter typos).
 */
export async function searchCustomersByName(
  db: Kysely<DB>,
  folded: string,
  limit: number,
): Promise<Array<CustomerRow & { similarity: number }>> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', '0.3', true)`.execute(trx);
    const result = await sql<CustomerRow & { similarity: number }>`
      select c.*, greatest(similarity(c.search_name, ${folded}), word_similarity(${folded}, c.search_name)) as similarity
      from customers c
      where c.status = 'active' and (c.search_name % ${folded} or ${folded} <% c.search_name)
      order by similarity desc, c.id
      limit ${limit}`.execute(trx);
    return result.rows;
  });
}

/** Ids that redirect to `id` (merges re-point chains, so this is every id merged into it). */
export async function listRedirectsTo(db: Kysely<DB>, id: string): Promise<string[]> {
  const rows = await db.selectFrom('customers').select('id').where('merged_into', '=', id).execute();
  return rows.map((r) => r.id);
}

/**
 * One page of a customer's records (deleted ones included), by record id after `afterId` (keyset:
 * a record inserted meanwhile lands after the cursor, so pages never repeat or skip one). Served by
 * source_records_customer_id_idx; reads `limit + 1` rows to know whether another page follows.
 */
export async function pageRecordsOfCustomer(
  db: Kysely<DB>,
  customerId: string,
  afterId: number,
  limit: number,
): Promise<SourceRecordRow[]> {
  return db
    .selectFrom('source_records')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

/** One page of the references (no payloads) of a customer's live records, keyset by record id. */
export async function pageLiveRefsOfCustomer(
  db: Kysely<DB>,
  customerId: string,
  afterId: number,
  limit: number,
): Promise<Array<{ id: number; source_system: string; source_record_id: string }>> {
  return db
    .selectFrom('source_records')
    .select(['id', 'source_system', 'source_record_id'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

/** Live records and value per system counted from the records (customers whose totals are not built). */
export async function countSystemsOfCustomer(
  db: Kysely<DB>,
  customerId: string,
): Promise<Array<{ source_system: string; record_count: number; total_value: number }>> {
  const result = await sql<{ source_system: string; record_count: number; total_value: number }>`
    select source_system, count(*)::int as record_count, coalesce(sum(annual_value), 0) as total_value
    from source_records where customer_id = ${customerId} and deleted_at is null
    group by source_system`.execute(db);
  return result.rows;
}

/** Whether the customer's golden state and per-system totals are built (0007). */
export async function isGoldenReady(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db.selectFrom('customers').select('golden_ready').where('id', '=', id).executeTakeFirst();
  return row?.golden_ready === true;
}
