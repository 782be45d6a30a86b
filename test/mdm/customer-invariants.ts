/**
 * SQL invariants of the customer model, checked after concurrency and property tests: they hold after
 * any interleaving of upserts, deletes, merges and splits, or something was lost.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/store/schema.js';

export async function customerInvariantViolations(db: Kysely<DB>): Promise<string[]> {
  const out: string[] = [];
  const orphans = await sql<{ id: number; customer_id: string | null; status: string | null }>`
    select r.id, r.customer_id, c.status from source_records r left join customers c on c.id = r.customer_id
    where r.deleted_at is null and (c.id is null or c.status <> 'active')`.execute(db);
  for (const r of orphans.rows) out.push(`live record ${r.id} is in ${r.customer_id ?? 'no customer'} (${r.status})`);
  const counts = await sql<{
    id: string;
    status: string;
    record_count: number;
    total_value: number;
    n: number;
    v: number;
  }>`
    select c.id, c.status, c.record_count, c.total_value::float8 as total_value,
      count(r.id)::int as n, coalesce(sum(r.annual_value), 0)::float8 as v
    from customers c left join source_records r on r.customer_id = c.id and r.deleted_at is null
    group by c.id
    having c.record_count <> count(r.id) or c.total_value <> coalesce(sum(r.annual_value), 0)
      or (c.status = 'active') <> (count(r.id) > 0)`.execute(db);
  for (const c of counts.rows) {
    out.push(`customer ${c.id} (${c.status}) says ${c.record_count} records / ${c.total_value}, holds ${c.n} / ${c.v}`);
  }
  // One record.created / updated / restored event per version of a record.
  const audit = await sql<{ id: number; version: number; events: number }>`
    select r.id, r.version, count(e.id)::int as events
    from source_records r left join audit_events e
      on e.source_system = r.source_system and e.source_record_id = r.source_record_id
      and e.action in ('record.created', 'record.updated', 'record.restored')
    group by r.id having count(e.id) <> r.version`.execute(db);
  for (const a of audit.rows) out.push(`record ${a.id} has version ${a.version} but ${a.events} change events`);
  return out;
}
