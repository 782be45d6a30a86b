-- Identity Hub core model (see DESIGN.md). Sized for ~16 million customers: bigint keys on the
-- large tables, every hot look-up backed by a btree index, JSON columns only ever read by key
-- (never scanned). Forward-only: once merged, this file is never edited; add 0002_... instead.

-- Both extensions ship with PostgreSQL contrib and are preloaded by PGlite (src/store/db.ts).
-- pg_trgm: fuzzy customer search by name; fuzzystrmatch: levenshtein/dmetaphone in candidate SQL.
create extension if not exists pg_trgm;
create extension if not exists fuzzystrmatch;

-- Systems that send records; trust_rank feeds golden-record survivorship (lower = more trusted).
create table source_systems (
  name text primary key check (name ~ '^[A-Za-z0-9_.-]{1,64}$'),
  display_name text not null,
  trust_rank integer not null default 100,
  created_at timestamptz not null default now()
);

-- API keys are stored only as sha256 hex; a 'source' key is bound to exactly one source system.
create table api_keys (
  id bigint generated always as identity primary key,
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  role text not null check (role in ('admin', 'steward', 'source')),
  source_system text references source_systems (name),
  label text not null default '',
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  constraint api_keys_source_binding check ((role = 'source') = (source_system is not null))
);

-- Readable, stable customer ids that sort oldest first: C0000000001, C0000000002, ...
create sequence customer_id_seq as bigint;

create table customers (
  id text primary key default ('C' || lpad(nextval('customer_id_seq')::text, 10, '0')),
  status text not null default 'active' check (status in ('active', 'merged', 'retired')),
  -- On a merge the younger id becomes a redirect to the surviving one.
  merged_into text references customers (id),
  -- Golden record: per attribute { value, lineage (source record), rule }. Read whole, never searched.
  golden jsonb not null default '{}'::jsonb,
  -- Cleaned display name of the golden record (for lists), and its folded search form (set by mdm/).
  display_name text,
  search_name text,
  record_count integer not null default 0,
  total_value numeric not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint customers_merge_redirect check ((status = 'merged') = (merged_into is not null)),
  constraint customers_not_self_merged check (merged_into <> id)
);
-- Reverse redirect look-up: which ids point at this customer (re-pointing chains after a merge).
create index customers_merged_into_idx on customers (merged_into) where merged_into is not null;
-- Call-centre / steward "find customer by name" (similarity / % / ILIKE on search_name).
create index customers_search_name_trgm_idx on customers using gin (search_name gin_trgm_ops)
  where status = 'active';

create table source_records (
  id bigint generated always as identity primary key,
  source_system text not null references source_systems (name),
  source_record_id text not null,
  customer_id text references customers (id),
  raw jsonb not null, -- the payload exactly as received
  std jsonb, -- StdRecord (src/standardize/types.ts)
  problems jsonb not null default '[]'::jsonb, -- Problem[]
  payload_hash text not null, -- unchanged hash on re-send => idempotent no-op upsert
  annual_value numeric,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz, -- soft delete: the row stays for audit and cross-reference history
  constraint source_records_natural_key unique (source_system, source_record_id)
);
-- Members of a customer (cluster, golden record, cross-reference).
create index source_records_customer_idx on source_records (customer_id);
-- Work queue: live records not yet assigned to a customer (batch resume, re-matching).
create index source_records_unassigned_idx on source_records (id)
  where customer_id is null and deleted_at is null;
-- Per-source quality profile and counts. (The natural-key unique index already leads with
-- source_system, so it serves per-system scans; no separate index is needed.)

-- Blocking keys of live records: candidate search is `where key = any($1)`, served by the PK.
create table blocking_keys (
  key text not null,
  record_id bigint not null references source_records (id) on delete cascade,
  primary key (key, record_id)
);
create index blocking_keys_record_idx on blocking_keys (record_id);

-- Scored pairs of source records with their decision and field-by-field explanation.
create table match_links (
  id bigint generated always as identity primary key,
  record_a bigint not null references source_records (id) on delete cascade,
  record_b bigint not null references source_records (id) on delete cascade,
  weight double precision not null,
  probability double precision not null check (probability between 0 and 1),
  decision text not null check (
    decision in ('auto_merge', 'review', 'no_match', 'steward_merge', 'steward_separate')
  ),
  decided_by text,
  evidence jsonb not null default '{}'::jsonb,
  model_version integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint match_links_ordered check (record_a < record_b),
  constraint match_links_pair unique (record_a, record_b)
);
create index match_links_record_b_idx on match_links (record_b);

create table review_tasks (
  id bigint generated always as identity primary key,
  record_a bigint not null references source_records (id) on delete cascade,
  record_b bigint not null references source_records (id) on delete cascade,
  customer_a text references customers (id),
  customer_b text references customers (id),
  probability double precision not null check (probability between 0 and 1),
  weight double precision not null,
  evidence jsonb not null default '{}'::jsonb,
  priority_value numeric not null default 0, -- customer value, to work the valuable cases first
  status text not null default 'open' check (status in ('open', 'merged', 'separated', 'obsolete')),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by text,
  reason text,
  constraint review_tasks_ordered check (record_a < record_b)
);
-- At most one open task per record pair (re-scoring updates it instead of adding another).
create unique index review_tasks_open_pair_idx on review_tasks (record_a, record_b) where status = 'open';
-- Steward queue orderings.
create index review_tasks_open_probability_idx on review_tasks (probability desc, id) where status = 'open';
create index review_tasks_open_priority_idx on review_tasks (priority_value desc, id) where status = 'open';
-- Obsoleting open tasks when a customer is merged/split, and "tasks for this customer".
create index review_tasks_open_customer_a_idx on review_tasks (customer_a) where status = 'open';
create index review_tasks_open_customer_b_idx on review_tasks (customer_b) where status = 'open';
create index review_tasks_record_b_idx on review_tasks (record_b);

-- Append-only history of every change (who, when, why, before/after).
create table audit_events (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor text not null,
  actor_type text not null check (actor_type in ('source', 'steward', 'admin', 'system')),
  action text not null,
  customer_id text,
  source_system text,
  source_record_id text,
  reason text,
  before jsonb,
  after jsonb
);
create index audit_events_customer_idx on audit_events (customer_id, id) where customer_id is not null;
create index audit_events_record_idx on audit_events (source_system, source_record_id)
  where source_record_id is not null;
-- Time-range queries on an append-only table: BRIN is tiny and fits insertion order.
create index audit_events_occurred_brin on audit_events using brin (occurred_at);

-- Versioned Fellegi-Sunter models (m/u per comparison level, thresholds, term frequencies).
create table match_models (
  version integer generated always as identity primary key,
  created_at timestamptz not null default now(),
  status text not null default 'candidate' check (status in ('candidate', 'active', 'retired')),
  model jsonb not null,
  training_stats jsonb not null default '{}'::jsonb,
  promoted_at timestamptz
);
create unique index match_models_one_active_idx on match_models ((status)) where status = 'active';

-- Batch jobs (imports, re-match, training): progress, capped bad-row list, and resume checkpoint.
create table batch_runs (
  id text primary key, -- the job id
  type text not null,
  status text not null default 'queued' check (
    status in ('queued', 'running', 'completed', 'failed', 'cancelled')
  ),
  params jsonb not null default '{}'::jsonb,
  progress real not null default 0 check (progress between 0 and 100),
  counts jsonb not null default '{}'::jsonb,
  errors jsonb not null default '[]'::jsonb,
  checkpoint jsonb,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now()
);
create index batch_runs_type_created_idx on batch_runs (type, created_at desc);
