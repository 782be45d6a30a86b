-- Large customers (issue #18): golden records and counters maintained per change instead of being
-- recomputed from every member record.

-- Per customer, golden attribute and distinct (standardised) value: how many live records carry the
-- value (n: survivorship's frequency) and its few best holders in survivorship order (best: a jsonb
-- array of {id, sys, rid, trust, t, c, d, s}: record id, source system, source record id, trust
-- rank, updated-at in ms, completeness, display value, search name). The best holder's ranking
-- fields are generated columns so the winner of an attribute is one index probe.
create table golden_values (
  customer_id text not null references customers (id),
  attr text not null,
  key text not null,
  n integer not null check (n > 0),
  best jsonb not null,
  trust integer generated always as ((best -> 0 ->> 'trust')::integer) stored,
  t bigint generated always as ((best -> 0 ->> 't')::bigint) stored,
  c integer generated always as ((best -> 0 ->> 'c')::integer) stored,
  sys text generated always as (best -> 0 ->> 'sys') stored,
  rid text generated always as (best -> 0 ->> 'rid') stored,
  primary key (customer_id, attr, key)
);
-- Survivorship order: trust, recency, frequency, completeness, then the record key.
create index golden_values_rank_idx on golden_values
  (customer_id, attr, trust, t desc, n desc, c desc, sys collate "C", rid collate "C");

-- Live record count and annual value per customer and source system (the cross-reference summary).
create table customer_system_totals (
  customer_id text not null references customers (id),
  source_system text not null,
  record_count integer not null, -- no check: an upsert proposes the (negative) delta as its row
  total_value numeric not null,
  primary key (customer_id, source_system)
);

-- False until golden_values / customer_system_totals of the customer are built from its records
-- (customers created before 0007, by bulk loads, or marked stale); the first change builds them.
alter table customers add column golden_ready boolean not null default false;

-- Holder order within one key: trust, recency, completeness, record key (the frequency is the
-- row's own, the same for all its holders).
create function golden_holder_rank(e jsonb) returns text
language sql immutable as $$
  select lpad(((e ->> 'trust')::bigint + 1000000000)::text, 12, '0')
    || lpad((9999999999999 - (e ->> 't')::bigint)::text, 14, '0')
    || lpad((999 - (e ->> 'c')::integer)::text, 4, '0')
$$;

-- Merges two holder lists of one key, each the best holders of its side in order (complete: it
-- holds every holder of its side). The result stays a prefix of the true order: it is cut at the
-- last holder of an incomplete side (the side's missing holders all rank below it), then at k.
-- A holder of a with the id of one in b is an older version of the same record and is dropped.
create function golden_best_merge(a jsonb, a_complete boolean, b jsonb, b_complete boolean, k integer)
returns jsonb language sql immutable as $$
  with u as (
    select e, true as from_a from jsonb_array_elements(coalesce(a, '[]'::jsonb)) as e
    where not exists (select 1 from jsonb_array_elements(coalesce(b, '[]'::jsonb)) as x
      where x ->> 'id' = e ->> 'id')
    union all
    select e, false from jsonb_array_elements(coalesce(b, '[]'::jsonb)) as e
  ),
  o as (
    select e, from_a, row_number() over (
      order by golden_holder_rank(e), e ->> 'sys' collate "C", e ->> 'rid' collate "C") as pos
    from u
  ),
  cut as (
    select least(
      case when a_complete then null else max(pos) filter (where from_a) end,
      case when b_complete then null else max(pos) filter (where not from_a) end) as p
    from o
  )
  select coalesce(jsonb_agg(o.e order by o.pos), '[]'::jsonb)
  from o, cut where o.pos <= k and (cut.p is null or o.pos <= cut.p)
$$;

-- Drops the holders of the given records (the rest stays a prefix of the true order).
create function golden_best_drop(a jsonb, drop_ids bigint[]) returns jsonb
language sql immutable as $$
  select coalesce(jsonb_agg(e order by i), '[]'::jsonb)
  from jsonb_array_elements(a) with ordinality as x(e, i)
  where not ((e ->> 'id')::bigint = any(drop_ids))
$$;

-- Paging a customer's records by id (keyset): served by this index instead of sorting all members.
-- It serves every use of the single-column index it replaces.
create index source_records_customer_id_idx on source_records (customer_id, id);
drop index source_records_customer_idx;
