-- Caller look-up (issue #16): a customer's total annual value across systems and its live record
-- count, kept in step with source_records by a row trigger — so every write path (API upserts,
-- bulk COPY loads, merges that move records, deletes) keeps it right — and "what is this customer
-- worth, and where does that rank among all customers" is one range count on the value index.
-- A customer whose last live record leaves (merged away, all deleted) loses its row.
create table customer_values (
  -- No foreign key: a derived table must not stop `truncate customers, source_records`.
  customer_id text primary key,
  live_records integer not null,
  total_value numeric not null
);
create index customer_values_total_idx on customer_values (total_value);

insert into customer_values (customer_id, live_records, total_value)
select customer_id, count(*), coalesce(sum(annual_value), 0)
from source_records where customer_id is not null and deleted_at is null
group by customer_id;

create function customer_values_add(cid text, n integer, v numeric) returns void
language plpgsql as $$
begin
  insert into customer_values as c (customer_id, live_records, total_value) values (cid, n, v)
  on conflict (customer_id) do update
    set live_records = c.live_records + excluded.live_records, total_value = c.total_value + excluded.total_value;
  if n < 0 then
    delete from customer_values where customer_id = cid and live_records <= 0;
  end if;
end $$;

create function customer_values_follow_records() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and new.customer_id is not distinct from old.customer_id
     and new.annual_value is not distinct from old.annual_value
     and new.deleted_at is not distinct from old.deleted_at then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') and old.customer_id is not null and old.deleted_at is null then
    perform customer_values_add(old.customer_id, -1, -coalesce(old.annual_value, 0));
  end if;
  if tg_op in ('UPDATE', 'INSERT') and new.customer_id is not null and new.deleted_at is null then
    perform customer_values_add(new.customer_id, 1, coalesce(new.annual_value, 0));
  end if;
  return null;
end $$;

create trigger customer_values_follow_records
after insert or update or delete on source_records
for each row execute function customer_values_follow_records();

-- TRUNCATE fires no row triggers: empty the derived table with its source.
create function customer_values_clear() returns trigger
language plpgsql as $$
begin
  truncate customer_values;
  return null;
end $$;

create trigger customer_values_clear
after truncate on source_records
for each statement execute function customer_values_clear();
