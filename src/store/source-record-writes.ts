/**
 * The hot-path writes of source records: each writes the record together with what must change
 * with it (blocking keys; for a new person the customer and the audit events) in one statement,
 * using data-modifying CTEs, so an upsert costs as few round trips as possible.
 */
import { sql, type Transaction } from 'kysely';
import type { CustomerState } from './customers.js';
import { jsonb } from './json.js';
import type { DB } from './schema.js';
import type { NewRecord, RecordRow } from './source-records.js';

/**
 * Inserts a record and its blocking keys in one statement (one round trip on the hot path).
 */
export async function insertRecord(trx: Transaction<DB>, rec: NewRecord, keys: string[]): Promise<RecordRow> {
  const result = await sql<RecordRow>`
    with rec as (
      insert into source_records
        (source_system, source_record_id, customer_id, raw, std, problems, payload_hash, annual_value)
      values (${rec.sourceSystem}, ${rec.sourceRecordId}, ${rec.customerId}, ${jsonb(rec.raw)}, ${jsonb(rec.std)},
        ${jsonb(rec.problems)}, ${rec.payloadHash}, ${rec.annualValue})
      returning *
    ),
    keys as (
      insert into blocking_keys (key, record_id)
      select k, rec.id from rec, unnest(${keys}::text[]) as k
      on conflict do nothing
    )
    select * from rec`.execute(trx);
  return result.rows[0] as RecordRow;
}

/**
 * A new customer with its first record, the record's blocking keys and (optionally) the audit
 * events of the creation, in one statement: the create path of an upsert in one round trip.
 */
export interface CreationAuditEvent {
  actor: string;
  actorType: string;
  action: string;
  sourceSystem: string | null;
  sourceRecordId: string | null;
  after: unknown;
  /** Adds `customerId` (known only once the customer row exists) to `after`. */
  withCustomerId: boolean;
}

export async function insertCustomerWithRecord(
  trx: Transaction<DB>,
  state: CustomerState,
  rec: Omit<NewRecord, 'customerId'>,
  keys: string[],
  audit: CreationAuditEvent[] = [],
): Promise<{ customer: { id: string }; record: RecordRow }> {
  const result = await sql<RecordRow>`
    with c as (
      insert into customers (golden, display_name, search_name, record_count, total_value)
      values (${jsonb(state.golden)}, ${state.displayName}, ${state.searchName}, ${state.recordCount}, ${state.totalValue})
      returning id
    ),
    rec as (
      insert into source_records
        (source_system, source_record_id, customer_id, raw, std, problems, payload_hash, annual_value)
      select ${rec.sourceSystem}, ${rec.sourceRecordId}, c.id, ${jsonb(rec.raw)}, ${jsonb(rec.std)},
        ${jsonb(rec.problems)}, ${rec.payloadHash}, ${rec.annualValue}
      from c
      returning *
    ),
    keys as (
      insert into blocking_keys (key, record_id)
      select k, rec.id from rec, unnest(${keys}::text[]) as k
      on conflict do nothing
    ),
    audit as (
      insert into audit_events (actor, actor_type, action, customer_id, source_system, source_record_id, after)
      select e.actor, e.actor_type, e.action, c.id, e.source_system, e.source_record_id,
        case when e.with_customer_id then e.after || jsonb_build_object('customerId', c.id) else e.after end
      from c, jsonb_to_recordset(${jsonb(audit.map(auditRow))}) as e(
        actor text, actor_type text, action text, source_system text, source_record_id text, after jsonb,
        with_customer_id boolean)
    )
    select * from rec`.execute(trx);
  const record = result.rows[0] as RecordRow;
  return { customer: { id: record.customer_id as string }, record };
}

function auditRow(e: CreationAuditEvent): Record<string, unknown> {
  return {
    actor: e.actor,
    actor_type: e.actorType,
    action: e.action,
    source_system: e.sourceSystem,
    source_record_id: e.sourceRecordId,
    after: e.after,
    with_customer_id: e.withCustomerId,
  };
}

/**
 * New version of an existing record (also revives a soft-deleted one), with its blocking keys
 * brought in step in the same statement: keys no longer produced are removed, new ones added (the
 * two sets are disjoint, so the data-modifying CTEs never touch the same row).
 *
 * Only the version the caller read is updated (`expectedVersion`): a row that moved meanwhile (a
 * split or merge re-assigned it) is not written back to a stale customer; the caller gets undefined
 * and retries its transaction. Keys are only touched when the record row was.
 */
export async function updateRecordPayload(
  trx: Transaction<DB>,
  id: number,
  expectedVersion: number,
  rec: NewRecord,
  keys: string[],
): Promise<RecordRow | undefined> {
  const result = await sql<RecordRow>`
    with rec as (
      update source_records set
        customer_id = ${rec.customerId}, raw = ${jsonb(rec.raw)}, std = ${jsonb(rec.std)},
        problems = ${jsonb(rec.problems)}, payload_hash = ${rec.payloadHash}, annual_value = ${rec.annualValue},
        version = version + 1, updated_at = now(), deleted_at = null
      where id = ${id} and version = ${expectedVersion}
      returning *
    ),
    gone as (
      delete from blocking_keys b using rec
      where b.record_id = rec.id and b.key <> all(${keys}::text[])
    ),
    added as (
      insert into blocking_keys (key, record_id)
      select k, rec.id from rec, unnest(${keys}::text[]) as k
      on conflict do nothing
    )
    select * from rec`.execute(trx);
  return result.rows[0];
}
