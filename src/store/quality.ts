/**
 * Data-quality aggregates over source_records, one source system at a time.
 *
 * How this scales: both queries read only the system's rows through the natural-key index that leads
 * with source_system, and the counters use jsonb containment (`problems @> ...`) per row instead of
 * unnesting. The per-code breakdown unnests `problems` with jsonb_array_elements, which is linear in
 * the system's problem count. Measured on PostgreSQL with 1 M loaded records, every one carrying a
 * problem (scripts/bench/api.ts data, a busy 2-core machine): ≈ 3.5 s for a 200 k-record system and
 * ≈ 7 s for an 800 k one — the cost is reading the system's heap rows (the wide raw/std jsonb live
 * in the same rows). That is fine for a few million records, not for an interactive page over 16 M.
 * At that size the nightly quality job should write these same rows into a per-system summary
 * table (source_system, code, field, records, sample ids, computed_at) and the report should read
 * it; the API shape does not change.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

export interface SourceCountsRow {
  records: number;
  customers: number;
  assigned: number;
  recordsWithProblems: number;
  invalidAddresses: number;
  invalidPhones: number;
  invalidEmails: number;
  missingRequired: number;
}

/** Codes counted by each headline figure (record counted once however many of its codes match). */
export interface CountedCodes {
  address: readonly string[];
  phone: readonly string[];
  email: readonly string[];
  missingRequired: readonly string[];
}

/** Any of these codes in the record's problems array, as one jsonb containment test per code. */
function hasAnyCode(codes: readonly string[]) {
  if (codes.length === 0) return sql<boolean>`false`;
  const tests = codes.map((code) => sql`problems @> ${JSON.stringify([{ code }])}::jsonb`);
  return sql<boolean>`(${sql.join(tests, sql` or `)})`;
}

export async function countSourceQuality(
  db: Kysely<DB>,
  system: string,
  codes: CountedCodes,
): Promise<SourceCountsRow> {
  const result = await sql<SourceCountsRow>`
    select
      count(*)::int as "records",
      count(distinct customer_id)::int as "customers",
      count(customer_id)::int as "assigned",
      count(*) filter (where jsonb_array_length(problems) > 0)::int as "recordsWithProblems",
      count(*) filter (where ${hasAnyCode(codes.address)})::int as "invalidAddresses",
      count(*) filter (where ${hasAnyCode(codes.phone)})::int as "invalidPhones",
      count(*) filter (where ${hasAnyCode(codes.email)})::int as "invalidEmails",
      count(*) filter (where ${hasAnyCode(codes.missingRequired)})::int as "missingRequired"
    from source_records
    where source_system = ${system} and deleted_at is null`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('count query returned no row');
  return row;
}

/**
 * Per (code, field): how many records have it, and a few of their ids. Standardisation reports a
 * code at most once per field of a record, so counting occurrences counts records (no distinct:
 * a sort over millions of ids would double the cost).
 */
export interface ProblemCodeRow {
  code: string;
  field: string;
  severity: string;
  records: number;
  sampleRecordIds: string[];
}

export async function countProblemCodes(db: Kysely<DB>, system: string, samples: number): Promise<ProblemCodeRow[]> {
  const result = await sql<ProblemCodeRow>`
    select
      p->>'code' as "code",
      coalesce(p->>'field', '') as "field",
      max(p->>'severity') as "severity",
      count(*)::int as "records",
      (array_agg(r.source_record_id))[1:${sql.lit(samples)}] as "sampleRecordIds"
    from source_records r
    cross join lateral jsonb_array_elements(r.problems) as p
    where r.source_system = ${system} and r.deleted_at is null and jsonb_array_length(r.problems) > 0
    group by 1, 2
    order by "records" desc, "code", "field"`.execute(db);
  return result.rows;
}

/** A stored profile (table from migrations/0003; raw SQL because its shape is owned by quality/). */
export interface QualitySummaryRow<T> {
  source_system: string;
  summary: T;
  computed_at: Date;
}

export async function saveQualitySummary<T>(
  db: Kysely<DB>,
  system: string,
  summary: T,
  computedAt: Date,
): Promise<void> {
  await sql`
    insert into source_quality_summaries (source_system, summary, computed_at)
    values (${system}, cast(${JSON.stringify(summary)} as jsonb), ${computedAt})
    on conflict (source_system) do update set summary = excluded.summary, computed_at = excluded.computed_at`.execute(
    db,
  );
}

export async function listQualitySummaries<T>(db: Kysely<DB>): Promise<Array<QualitySummaryRow<T>>> {
  const result = await sql<QualitySummaryRow<T>>`
    select source_system, summary, computed_at from source_quality_summaries`.execute(db);
  return result.rows;
}
