/**
 * SQL for the incremental golden record (0007): golden_values (per customer, attribute and value: its
 * frequency and best holders) and customer_system_totals (live records and value per system). The
 * holder lists are merged in SQL (golden_best_merge) so two writers adding to the same value never
 * overwrite each other's holder.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonb } from './json.js';
import type { CustomerRow, DB } from './schema.js';

export interface KeyRemoval {
  customerId: string;
  attr: string;
  key: string;
  /** Records leaving the key (all of them count, whether or not they are among the kept holders). */
  count: number;
  dropIds: number[];
}

export interface KeyAddition {
  customerId: string;
  attr: string;
  key: string;
  count: number;
  /** All the added holders, best first (a complete list of the added side). */
  holders: unknown[];
}

export interface TotalsDelta {
  customerId: string;
  sourceSystem: string;
  count: number;
  value: number;
}

export interface StoredKeyRow {
  customer_id: string;
  attr: string;
  key: string;
  n: number;
  best: unknown[];
}

/** Locks the customers (in id order, so two use cases never wait on each other crosswise). */
export async function lockCustomers(trx: Transaction<DB>, ids: string[]): Promise<CustomerRow[]> {
  if (ids.length === 0) return [];
  return trx.selectFrom('customers').selectAll().where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

/** Removes records from keys; returns the keys left with records but no kept holder (to rebuild). */
export async function removeFromKeys(
  trx: Transaction<DB>,
  removals: KeyRemoval[],
): Promise<Array<{ customer_id: string; attr: string; key: string }>> {
  if (removals.length === 0) return [];
  const ops = removals.map((r) => ({ c: r.customerId, a: r.attr, k: r.key, n: r.count, d: r.dropIds }));
  const result = await sql<{ customer_id: string; attr: string; key: string }>`
    with x as (
      select c, a, k, n, array(select jsonb_array_elements_text(d)::bigint) as d
      from jsonb_to_recordset(${jsonb(ops)}) as x(c text, a text, k text, n integer, d jsonb)
    ),
    del as (
      delete from golden_values g using x
      where g.customer_id = x.c and g.attr = x.a and g.key = x.k and g.n <= x.n
    ),
    upd as (
      update golden_values g set n = g.n - x.n, best = golden_best_drop(g.best, x.d)
      from x where g.customer_id = x.c and g.attr = x.a and g.key = x.k and g.n > x.n
      returning g.customer_id, g.attr, g.key, g.best
    )
    select customer_id, attr, key from upd where jsonb_array_length(best) = 0`.execute(trx);
  return result.rows;
}

/** Adds records to keys, merging holder lists (at most `k` kept per key). */
export async function addToKeys(trx: Transaction<DB>, additions: KeyAddition[], k: number): Promise<void> {
  if (additions.length === 0) return;
  const ops = additions.map((a) => ({ c: a.customerId, a: a.attr, k: a.key, n: a.count, h: a.holders }));
  // Rows are locked in key order (deadlock-free between writers sharing keys).
  await sql`
    insert into golden_values as g (customer_id, attr, key, n, best)
    select x.c, x.a, x.k, x.n, golden_best_merge(null, true, x.h, true, ${k})
    from jsonb_to_recordset(${jsonb(ops)}) as x(c text, a text, k text, n integer, h jsonb)
    order by x.c, x.a, x.k
    on conflict (customer_id, attr, key) do update set
      n = g.n + excluded.n,
      best = golden_best_merge(g.best, jsonb_array_length(g.best) >= g.n, excluded.best, true, ${k})`.execute(trx);
}

/** Replaces the stored rows of the given keys (a rebuild from the records). */
export async function replaceKeys(trx: Transaction<DB>, rows: StoredKeyRow[]): Promise<void> {
  if (rows.length === 0) return;
  const ops = rows.map((r) => ({ c: r.customer_id, a: r.attr, k: r.key, n: r.n, h: r.best }));
  await sql`
    insert into golden_values as g (customer_id, attr, key, n, best)
    select x.c, x.a, x.k, x.n, x.h from jsonb_to_recordset(${jsonb(ops)}) as x(c text, a text, k text, n integer, h jsonb)
    on conflict (customer_id, attr, key) do update set n = excluded.n, best = excluded.best`.execute(trx);
}

/** Drops every key row and total of the customers (before a full build, or when merged away). */
export async function clearGoldenState(trx: Transaction<DB>, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await trx.deleteFrom('golden_values').where('customer_id', 'in', customerIds).execute();
  await trx.deleteFrom('customer_system_totals').where('customer_id', 'in', customerIds).execute();
}

export async function addTotals(trx: Transaction<DB>, deltas: TotalsDelta[]): Promise<void> {
  const ops = deltas
    .filter((d) => d.count !== 0 || d.value !== 0)
    .map((d) => ({ c: d.customerId, s: d.sourceSystem, n: d.count, v: d.value }));
  if (ops.length === 0) return;
  await sql`
    insert into customer_system_totals as t (customer_id, source_system, record_count, total_value)
    select x.c, x.s, x.n, x.v from jsonb_to_recordset(${jsonb(ops)}) as x(c text, s text, n integer, v numeric)
    order by x.c, x.s
    on conflict (customer_id, source_system) do update set
      record_count = t.record_count + excluded.record_count,
      total_value = t.total_value + excluded.total_value`.execute(trx);
}

/**
 * The best `limit` keys of each attribute of a customer in survivorship order (one index probe
 * per attribute).
 */
export async function findTopKeys(
  db: Kysely<DB>,
  customerId: string,
  attrs: string[],
  limit: number,
): Promise<StoredKeyRow[]> {
  const result = await sql<StoredKeyRow>`
    select g.customer_id, g.attr, g.key, g.n, g.best
    from unnest(${attrs}::text[]) as a(attr)
    cross join lateral (
      select * from golden_values v
      where v.customer_id = ${customerId} and v.attr = a.attr
      order by v.trust, v.t desc, v.n desc, v.c desc, v.sys collate "C", v.rid collate "C"
      limit ${limit}
    ) as g`.execute(db);
  return result.rows;
}

/** Every key row of one attribute of a customer (the rare case where the best keys are not enough). */
export async function findAttrKeys(db: Kysely<DB>, customerId: string, attr: string): Promise<StoredKeyRow[]> {
  return (await db
    .selectFrom('golden_values')
    .select(['customer_id', 'attr', 'key', 'n', 'best'])
    .where('customer_id', '=', customerId)
    .where('attr', '=', attr)
    .execute()) as StoredKeyRow[];
}

/**
 * Which of the candidate keys abbreviate another key of their attribute: `pattern` (a regular
 * expression over dot-less keys, from mdm/) matches the keys a candidate would abbreviate.
 */
export async function findAbbreviatingKeys(
  db: Kysely<DB>,
  customerId: string,
  candidates: Array<{ attr: string; key: string; pattern: string }>,
): Promise<Array<{ attr: string; key: string }>> {
  if (candidates.length === 0) return [];
  const result = await sql<{ attr: string; key: string }>`
    select x.a as attr, x.k as key
    from jsonb_to_recordset(${jsonb(candidates.map((c) => ({ a: c.attr, k: c.key, p: c.pattern })))})
      as x(a text, k text, p text)
    where exists (
      select 1 from golden_values g
      where g.customer_id = ${customerId} and g.attr = x.a
        and replace(g.key, '.', '') ~ x.p and replace(g.key, '.', '') <> replace(x.k, '.', ''))`.execute(db);
  return result.rows;
}

/**
 * Writes the golden record and moves the counters of a locked customer: by a delta, or recounted
 * from its live records (after a full build). A customer left without live records is retired.
 */
export async function writeCustomerGolden(
  trx: Transaction<DB>,
  id: string,
  state: { golden: unknown; displayName: string | null; searchName: string | null },
  counters: { count: number; value: number } | 'recount',
): Promise<CustomerRow> {
  const live = sql`(select count(*)::int from source_records where customer_id = ${id} and deleted_at is null)`;
  const count = counters === 'recount' ? live : sql`record_count + ${counters.count}::int`;
  const value =
    counters === 'recount'
      ? sql`(select coalesce(sum(annual_value), 0) from source_records where customer_id = ${id} and deleted_at is null)`
      : sql`total_value + ${counters.value}::numeric`;
  const result = await sql<CustomerRow>`
    update customers set
      golden = ${jsonb(state.golden)}, display_name = ${state.displayName}, search_name = ${state.searchName},
      record_count = ${count}, total_value = ${value},
      status = case when ${count} > 0 then 'active' else 'retired' end,
      golden_ready = true, version = version + 1, updated_at = now()
    where id = ${id}
    returning *`.execute(trx);
  return result.rows[0] as CustomerRow;
}

/** Per-system record counts and values of a customer, largest value first. */
export async function findSystemTotals(
  db: Kysely<DB>,
  customerId: string,
): Promise<Array<{ source_system: string; record_count: number; total_value: number }>> {
  return db
    .selectFrom('customer_system_totals')
    .select(['source_system', 'record_count', 'total_value'])
    .where('customer_id', '=', customerId)
    .where('record_count', '>', 0)
    .orderBy('total_value', 'desc')
    .orderBy('source_system')
    .execute();
}

/** Totals of live records per (customer, system), for a full build. */
export async function countLiveBySystem(
  db: Kysely<DB>,
  customerIds: string[],
): Promise<Array<{ customer_id: string; source_system: string; record_count: number; total_value: string }>> {
  if (customerIds.length === 0) return [];
  const result = await sql<{ customer_id: string; source_system: string; record_count: number; total_value: string }>`
    select customer_id, source_system, count(*)::int as record_count, coalesce(sum(annual_value), 0)::text as total_value
    from source_records where customer_id = any(${customerIds}::text[]) and deleted_at is null
    group by customer_id, source_system`.execute(db);
  return result.rows;
}

/**
 * Moves the golden state of a merged-away customer into its survivor, set-based: key frequencies add
 * up, holder lists merge (each side's list stays a prefix of its true order), per-system totals add.
 */
export async function mergeGoldenState(trx: Transaction<DB>, fromId: string, toId: string, k: number): Promise<void> {
  await sql`
    with moved as (delete from golden_values where customer_id = ${fromId} returning attr, key, n, best)
    insert into golden_values as g (customer_id, attr, key, n, best)
    select ${toId}, attr, key, n, best from moved order by attr, key
    on conflict (customer_id, attr, key) do update set
      n = g.n + excluded.n,
      best = golden_best_merge(g.best, jsonb_array_length(g.best) >= g.n,
        excluded.best, jsonb_array_length(excluded.best) >= excluded.n, ${k})`.execute(trx);
  await sql`
    with moved as (
      delete from customer_system_totals where customer_id = ${fromId}
      returning source_system, record_count, total_value
    )
    insert into customer_system_totals as t (customer_id, source_system, record_count, total_value)
    select ${toId}, source_system, record_count, total_value from moved order by source_system
    on conflict (customer_id, source_system) do update set
      record_count = t.record_count + excluded.record_count,
      total_value = t.total_value + excluded.total_value`.execute(trx);
}

/** Marks a customer's golden state as built (a new customer whose keys were written with it). */
export async function markGoldenReady(trx: Transaction<DB>, id: string): Promise<void> {
  await trx.updateTable('customers').set({ golden_ready: true }).where('id', '=', id).execute();
}

/**
 * Marks customers' golden state stale: their next change rebuilds it from their records. For
 * writers that change memberships without applyRecordChanges (bulk loads, batch clustering).
 */
export async function markGoldenStale(trx: Transaction<DB>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('customers').set({ golden_ready: false }).where('id', 'in', ids).execute();
}

/** Whether the customer keeps a live record other than the given ones (one index probe). */
export async function hasOtherLiveRecords(db: Kysely<DB>, customerId: string, exceptIds: number[]): Promise<boolean> {
  const r = await sql<{ one: number }>`
    select 1 as one from source_records
    where customer_id = ${customerId} and deleted_at is null and not (id = any(${exceptIds}::bigint[]))
    limit 1`.execute(db);
  return r.rows.length > 0;
}
