-- Related customers (issue #11 item 4): two different people who share an address, a phone or a
-- family email (a household, or a shared contact). They stay two customers; the relationship is
-- recorded here. One row per unordered pair (customer_a < customer_b), so re-runs are idempotent.
create table related_customers (
  customer_a text not null references customers (id),
  customer_b text not null references customers (id),
  kind text not null check (kind in ('household', 'shared_contact')),
  -- {shared: [comparison names], records: [[system, id], [system, id]]}: what linked them.
  evidence jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (customer_a, customer_b),
  check (customer_a < customer_b)
);
-- The other direction of the pair (the primary key serves customer_a lookups).
create index related_customers_b_idx on related_customers (customer_b, customer_a);
