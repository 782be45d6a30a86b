/**
 * Kysely table types for migrations/*.sql. Keep in step with the SQL: one interface per table,
 * snake_case column names exactly as in the database.
 *
 * Value mapping (set up in db.ts, identical on pg and PGlite):
 * - bigint (int8) columns and count(*) arrive as JS `number` (safe up to 2^53; ids will not get near).
 * - numeric arrives as JS `number` (double precision: exact for money-like values up to ~15 digits);
 *   writes accept number or decimal string.
 * - timestamptz arrives as `Date`.
 * - jsonb arrives parsed. Writes must go through `jsonb(value)` from json.ts: the `pg` driver would
 *   turn a JS array into a Postgres array literal, so JSON is always sent as text and cast.
 */
import type { ColumnType, Generated, Insertable, RawBuilder, Selectable, Updateable } from 'kysely';
import type { Problem, RawRecord, StdRecord } from '../standardize/types.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: unknown };

/** A jsonb column read as T and written with `jsonb(value)`. */
export type Jsonb<T> = ColumnType<T, RawBuilder<T>, RawBuilder<T>>;
/** A jsonb column with a database default (optional on insert). */
export type JsonbWithDefault<T> = ColumnType<T, RawBuilder<T> | undefined, RawBuilder<T>>;
/** Nullable jsonb column. */
export type NullableJsonb<T> = ColumnType<T | null, RawBuilder<T> | null | undefined, RawBuilder<T> | null>;

/** Timestamp with a default of now(): optional on insert, settable on update. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** numeric: read as number, written as number or decimal string. */
export type Numeric = ColumnType<number, number | string, number | string>;
export type NumericWithDefault = ColumnType<number, number | string | undefined, number | string>;
export type NullableNumeric = ColumnType<number | null, number | string | null | undefined, number | string | null>;
/** Identity column: generated always, never written. */
export type Identity = ColumnType<number, never, never>;

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface SourceSystemsTable {
  name: string;
  display_name: string;
  trust_rank: Generated<number>;
  created_at: CreatedAt;
}

export type ApiKeyRole = 'admin' | 'steward' | 'source';
export interface ApiKeysTable {
  id: Identity;
  key_hash: string;
  role: ApiKeyRole;
  source_system: string | null;
  label: Generated<string>;
  created_at: CreatedAt;
  revoked_at: NullableTimestamp;
}

export type CustomerStatus = 'active' | 'merged' | 'retired';
export interface CustomersTable {
  /** 'C' + 10 digits from customer_id_seq; sorts oldest first. */
  id: Generated<string>;
  status: Generated<CustomerStatus>;
  merged_into: string | null;
  /** Golden record; its shape is owned by mdm/ (values + lineage per attribute). */
  golden: JsonbWithDefault<JsonObject>;
  display_name: string | null;
  /** Folded name for trigram search (customers_search_name_trgm_idx). */
  search_name: string | null;
  record_count: Generated<number>;
  total_value: NumericWithDefault;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  /** golden_values / customer_system_totals are built and kept in step (0007). */
  golden_ready: Generated<boolean>;
}

/** 0007: per customer, golden attribute and value, its frequency and best holders (mdm/ owns `best`). */
export interface GoldenValuesTable {
  customer_id: string;
  attr: string;
  key: string;
  n: number;
  best: Jsonb<unknown[]>;
}

export interface CustomerSystemTotalsTable {
  customer_id: string;
  source_system: string;
  record_count: number;
  total_value: Numeric;
}

/** 0005: two different customers related by a shared address or contact (customer_a < customer_b). */
export type RelatedKind = 'household' | 'shared_contact';
export interface RelatedEvidence {
  /** Comparisons whose values the two share (address, phone, email). */
  shared: string[];
  /** The two source records that showed it, as [source system, source record id]. */
  records: Array<[string, string]>;
}
export interface RelatedCustomersTable {
  customer_a: string;
  customer_b: string;
  kind: RelatedKind;
  evidence: Jsonb<RelatedEvidence>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface SourceRecordsTable {
  id: Identity;
  source_system: string;
  source_record_id: string;
  customer_id: string | null;
  raw: Jsonb<RawRecord>;
  std: NullableJsonb<StdRecord>;
  problems: JsonbWithDefault<Problem[]>;
  payload_hash: string;
  annual_value: NullableNumeric;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  deleted_at: NullableTimestamp;
}

export interface BlockingKeysTable {
  key: string;
  record_id: number;
}

export type LinkDecision = 'auto_merge' | 'review' | 'no_match' | 'steward_merge' | 'steward_separate';
export interface MatchLinksTable {
  id: Identity;
  /** Always record_a < record_b (check constraint). */
  record_a: number;
  record_b: number;
  weight: number;
  probability: number;
  decision: LinkDecision;
  decided_by: string | null;
  evidence: JsonbWithDefault<JsonObject>;
  model_version: number | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export type ReviewTaskStatus = 'open' | 'merged' | 'separated' | 'obsolete';
export interface ReviewTasksTable {
  id: Identity;
  record_a: number;
  record_b: number;
  customer_a: string | null;
  customer_b: string | null;
  probability: number;
  weight: number;
  evidence: JsonbWithDefault<JsonObject>;
  priority_value: NumericWithDefault;
  status: Generated<ReviewTaskStatus>;
  created_at: CreatedAt;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  reason: string | null;
}

export type ActorType = 'source' | 'steward' | 'admin' | 'system';
export interface AuditEventsTable {
  id: Identity;
  occurred_at: CreatedAt;
  actor: string;
  actor_type: ActorType;
  action: string;
  customer_id: string | null;
  source_system: string | null;
  source_record_id: string | null;
  reason: string | null;
  before: NullableJsonb<unknown>;
  after: NullableJsonb<unknown>;
}

export type MatchModelStatus = 'candidate' | 'active' | 'retired';
export interface MatchModelsTable {
  version: Identity;
  created_at: CreatedAt;
  status: Generated<MatchModelStatus>;
  model: Jsonb<JsonObject>;
  training_stats: JsonbWithDefault<JsonObject>;
  promoted_at: NullableTimestamp;
}

export type BatchRunStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export interface BatchRunsTable {
  id: string;
  type: string;
  status: Generated<BatchRunStatus>;
  params: JsonbWithDefault<JsonObject>;
  progress: Generated<number>;
  counts: JsonbWithDefault<JsonObject>;
  errors: JsonbWithDefault<unknown[]>;
  checkpoint: NullableJsonb<unknown>;
  /** 0004: the error of the last failed attempt (kept when the run failed for good). */
  failure: string | null;
  /** 0004: attempts started so far. */
  attempts: Generated<number>;
  created_at: CreatedAt;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  updated_at: CreatedAt;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  source_systems: SourceSystemsTable;
  api_keys: ApiKeysTable;
  customers: CustomersTable;
  source_records: SourceRecordsTable;
  blocking_keys: BlockingKeysTable;
  match_links: MatchLinksTable;
  review_tasks: ReviewTasksTable;
  audit_events: AuditEventsTable;
  match_models: MatchModelsTable;
  batch_runs: BatchRunsTable;
  golden_values: GoldenValuesTable;
  customer_system_totals: CustomerSystemTotalsTable;
  related_customers: RelatedCustomersTable;
}

export type SchemaMigrationRow = Selectable<SchemaMigrationsTable>;
export type SourceSystemRow = Selectable<SourceSystemsTable>;
export type NewSourceSystemRow = Insertable<SourceSystemsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
export type CustomerRow = Selectable<CustomersTable>;
export type NewCustomerRow = Insertable<CustomersTable>;
export type CustomerUpdate = Updateable<CustomersTable>;
export type SourceRecordRow = Selectable<SourceRecordsTable>;
export type NewSourceRecordRow = Insertable<SourceRecordsTable>;
export type SourceRecordUpdate = Updateable<SourceRecordsTable>;
export type BlockingKeyRow = Selectable<BlockingKeysTable>;
export type NewBlockingKeyRow = Insertable<BlockingKeysTable>;
export type MatchLinkRow = Selectable<MatchLinksTable>;
export type NewMatchLinkRow = Insertable<MatchLinksTable>;
export type ReviewTaskRow = Selectable<ReviewTasksTable>;
export type NewReviewTaskRow = Insertable<ReviewTasksTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEventRow = Insertable<AuditEventsTable>;
export type MatchModelRow = Selectable<MatchModelsTable>;
export type NewMatchModelRow = Insertable<MatchModelsTable>;
export type BatchRunRow = Selectable<BatchRunsTable>;
export type NewBatchRunRow = Insertable<BatchRunsTable>;
export type BatchRunUpdate = Updateable<BatchRunsTable>;
