/**
 * SQL invariants of the master data, checked after concurrency and fault tests (Jepsen-style: run
 * the race, then look at what the database says). Each returns the rows that break it, so a
 * failure names the customers and records involved. Works on PGlite and PostgreSQL.
 *
 *   expect(await checkInvariants(database.db)).toEqual([]);
 *
 * 1. every live record belongs to exactly one active customer (not none, not a merged/retired one);
 * 2. no active customer is without live records;
 * 3. an active customer's record_count and total_value equal the count and sum of its live records;
 * 4. every change is audited: a record has at least as many record.* events as its version, every
 *    customer has its customer.created event, every merged customer a customer.merged event.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/store/schema.js';

export interface InvariantViolation {
  invariant: string;
  rows: unknown[];
}

const CHECKS: Array<{ invariant: string; query: ReturnType<typeof sql> }> = [
  {
    invariant: 'every live record belongs to one active customer',
    query: sql`
      select r.source_system, r.source_record_id, r.customer_id, c.status
      from source_records r left join customers c on c.id = r.customer_id
      where r.deleted_at is null and (c.id is null or c.status <> 'active')`,
  },
  {
    invariant: 'no active customer without live records',
    query: sql`
      select c.id from customers c
      where c.status = 'active'
        and not exists (select 1 from source_records r where r.customer_id = c.id and r.deleted_at is null)`,
  },
  {
    invariant: 'record_count and total_value equal the live records',
    query: sql`
      select c.id, c.record_count, count(r.id)::int as live, c.total_value::float8 as total_value,
             coalesce(sum(r.annual_value), 0)::float8 as live_value
      from customers c left join source_records r on r.customer_id = c.id and r.deleted_at is null
      where c.status = 'active'
      group by c.id, c.record_count, c.total_value
      having c.record_count <> count(r.id) or c.total_value <> coalesce(sum(r.annual_value), 0)`,
  },
  {
    invariant: 'every record version has its audit event',
    query: sql`
      select r.source_system, r.source_record_id, r.version, count(e.id)::int as events
      from source_records r
      left join audit_events e on e.source_system = r.source_system
        and e.source_record_id = r.source_record_id and e.action like 'record.%'
      group by r.id, r.source_system, r.source_record_id, r.version
      having count(e.id) < r.version`,
  },
  {
    invariant: 'every customer has its customer.created event, every merged one its customer.merged event',
    query: sql`
      select c.id, c.status from customers c
      where not exists (select 1 from audit_events e where e.customer_id = c.id and e.action = 'customer.created')
         or (c.status = 'merged'
             and not exists (select 1 from audit_events e where e.customer_id = c.id and e.action = 'customer.merged'))`,
  },
];

export async function checkInvariants(db: Kysely<DB>): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  for (const { invariant, query } of CHECKS) {
    const { rows } = await query.execute(db);
    if (rows.length > 0) violations.push({ invariant, rows: rows.slice(0, 10) });
  }
  return violations;
}
