/**
 * Multi-row writes of the bulk ingest path: each statement writes a whole chunk (thousands of rows)
 * from one parameter — a JSON array expanded by jsonb_to_recordset, or parallel arrays expanded by
 * unnest — so a chunk costs a fixed handful of round trips and never meets the 65,535 bind-parameter
 * limit that a VALUES list of thousands of rows would. All run inside the caller's transaction
 * (atomic with its locks), on pg and on PGlite alike.
 */
import type { NewAuditEvent } from './audit-events.js';
import { sql, type Transaction } from 'kysely';
import type { CustomerState } from './customers.js';
import type { DB, JsonObject, LinkDecision } from './schema.js';
import type { NewRecord, RecordRow } from './source-records.js';

/** `n` new customer ids, ascending (the order of the sequence, so older ids still sort first). */
export async function allocateCustomerIds(trx: Transaction<DB>, n: number): Promise<string[]> {
  if (n === 0) return [];
  const result = await sql<{ id: string }>`
    select 'C' || lpad(v::text, 10, '0') as id
    from (select nextval('customer_id_seq') as v from generate_series(1, ${n}::int)) as s
    order by v`.execute(trx);
  return result.rows.map((r) => r.id);
}

export interface NewCustomerWithId extends CustomerState {
  id: string;
  /** Annual values of its records: the total is summed in numeric by the database (a JS sum of
   * decimals drifts: 2.28 would be stored as 2.2800000000000002 and disagree with its records). */
  values: Array<number | null>;
}

export async function insertCustomersBulk(trx: Transaction<DB>, rows: NewCustomerWithId[]): Promise<void> {
  if (rows.length === 0) return;
  const data = rows.map((c) => ({
    id: c.id,
    golden: c.golden,
    display_name: c.displayName,
    search_name: c.searchName,
    record_count: c.recordCount,
    vals: c.values,
  }));
  await sql`
    insert into customers (id, golden, display_name, search_name, record_count, total_value)
    select id, golden, display_name, search_name, record_count,
      (select coalesce(sum(v::numeric), 0) from jsonb_array_elements_text(vals) as v)
    from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as c(
      id text, golden jsonb, display_name text, search_name text, record_count int, vals jsonb)`.execute(trx);
}

/**
 * Inserts the records in the given order; returns their rows in the same order. Rows are inserted in
 * input order (ORDER BY ordinality), so identity values ascend with the input. Only the generated
 * columns travel back; the rest of each row is the input itself.
 */
export async function insertRecordsBulk(trx: Transaction<DB>, rows: NewRecord[]): Promise<RecordRow[]> {
  if (rows.length === 0) return [];
  const data = rows.map((r) => ({
    s: r.sourceSystem,
    i: r.sourceRecordId,
    c: r.customerId,
    raw: r.raw,
    std: r.std,
    problems: r.problems,
    h: r.payloadHash,
    v: r.annualValue,
  }));
  const result = await sql<{ n: string | number; id: number; version: number; created_at: Date; updated_at: Date }>`
    with input as (
      select e.n, r.*
      from jsonb_array_elements(${JSON.stringify(data)}::jsonb) with ordinality as e(value, n),
        jsonb_to_record(e.value) as r(s text, i text, c text, raw jsonb, std jsonb, problems jsonb, h text, v numeric)
    ),
    ins as (
      insert into source_records
        (source_system, source_record_id, customer_id, raw, std, problems, payload_hash, annual_value)
      select s, i, c, raw, std, problems, h, v from input order by n
      returning id, source_system, source_record_id, version, created_at, updated_at
    )
    select input.n, ins.id, ins.version, ins.created_at, ins.updated_at
    from ins join input on input.s = ins.source_system and input.i = ins.source_record_id`.execute(trx);
  const out: RecordRow[] = new Array(rows.length);
  for (const g of result.rows) {
    const r = rows[Number(g.n) - 1] as NewRecord;
    out[Number(g.n) - 1] = {
      id: Number(g.id),
      source_system: r.sourceSystem,
      source_record_id: r.sourceRecordId,
      customer_id: r.customerId,
      raw: r.raw,
      std: r.std,
      problems: r.problems,
      payload_hash: r.payloadHash,
      annual_value: r.annualValue,
      version: g.version,
      created_at: g.created_at,
      updated_at: g.updated_at,
      deleted_at: null,
    };
  }
  return out;
}

export async function insertBlockingKeysBulk(
  trx: Transaction<DB>,
  rows: Array<{ recordId: number; key: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into blocking_keys (key, record_id)
    select k, r from unnest(${rows.map((x) => x.key)}::text[], ${rows.map((x) => x.recordId)}::bigint[]) as t(k, r)
    on conflict do nothing`.execute(trx);
}

export interface BulkLink {
  recordA: number;
  recordB: number;
  weight: number;
  probability: number;
  decision: LinkDecision;
  evidence: JsonObject;
  modelVersion: number | null;
}

/** Automatic links of new records; a pair a steward decided keeps its decision (as upsertAutoLinks). */
export async function upsertLinksBulk(trx: Transaction<DB>, links: BulkLink[]): Promise<void> {
  if (links.length === 0) return;
  const data = links.map((l) => ({
    a: Math.min(l.recordA, l.recordB),
    b: Math.max(l.recordA, l.recordB),
    w: l.weight,
    p: l.probability,
    d: l.decision,
    e: l.evidence,
    m: l.modelVersion,
  }));
  await sql`
    insert into match_links (record_a, record_b, weight, probability, decision, evidence, model_version)
    select a, b, w, p, d, e, m
    from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as l(
      a bigint, b bigint, w double precision, p double precision, d text, e jsonb, m int)
    on conflict (record_a, record_b) do update set
      weight = excluded.weight, probability = excluded.probability, decision = excluded.decision,
      decided_by = null, evidence = excluded.evidence, model_version = excluded.model_version, updated_at = now()
    where match_links.decision not in ('steward_merge', 'steward_separate')`.execute(trx);
}

export interface BulkReviewTask {
  recordA: number;
  recordB: number;
  customerA: string;
  customerB: string;
  probability: number;
  weight: number;
  evidence: JsonObject;
  priorityValue: number;
}

/**
 * Opens review tasks for pairs that involve a record new in this transaction (so no open task can
 * exist for them yet); returns the task ids in input order.
 */
export async function insertReviewTasksBulk(trx: Transaction<DB>, tasks: BulkReviewTask[]): Promise<number[]> {
  if (tasks.length === 0) return [];
  const data = tasks.map((t) => {
    const swap = t.recordA > t.recordB;
    return {
      a: swap ? t.recordB : t.recordA,
      b: swap ? t.recordA : t.recordB,
      ca: swap ? t.customerB : t.customerA,
      cb: swap ? t.customerA : t.customerB,
      p: t.probability,
      w: t.weight,
      e: t.evidence,
      v: t.priorityValue,
    };
  });
  const result = await sql<{ id: number; record_a: number; record_b: number }>`
    insert into review_tasks (record_a, record_b, customer_a, customer_b, probability, weight, evidence, priority_value)
    select a, b, ca, cb, p, w, e, v
    from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as t(
      a bigint, b bigint, ca text, cb text, p double precision, w double precision, e jsonb, v numeric)
    returning id, record_a, record_b`.execute(trx);
  const idOf = new Map(result.rows.map((r) => [`${r.record_a}|${r.record_b}`, Number(r.id)]));
  return data.map((d) => idOf.get(`${d.a}|${d.b}`) as number);
}

/** All audit events of a chunk in one statement (a VALUES list would pass 9 parameters per event). */
export async function insertAuditEventsBulk(trx: Transaction<DB>, events: NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const data = events.map((e) => ({
    actor: e.actor,
    actor_type: e.actorType,
    action: e.action,
    customer_id: e.customerId,
    source_system: e.sourceSystem ?? null,
    source_record_id: e.sourceRecordId ?? null,
    reason: e.reason ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
  }));
  await sql`
    insert into audit_events (actor, actor_type, action, customer_id, source_system, source_record_id, reason, before, after)
    select actor, actor_type, action, customer_id, source_system, source_record_id, reason,
      nullif(before, 'null'::jsonb), nullif(after, 'null'::jsonb)
    from jsonb_array_elements(${JSON.stringify(data)}::jsonb) with ordinality as x(value, n),
      jsonb_to_record(x.value) as e(actor text, actor_type text, action text, customer_id text, source_system text,
        source_record_id text, reason text, before jsonb, after jsonb)
    order by x.n`.execute(trx);
}
