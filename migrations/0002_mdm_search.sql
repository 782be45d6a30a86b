-- MDM look-ups not covered by 0001 (E1). Search by a standardised attribute answers from an exact
-- match on live records, then groups by customer: each needs its own expression index, or a search
-- over 16 M records would be a sequential scan.
create index source_records_std_email_idx on source_records ((std ->> 'email')) where deleted_at is null;
create index source_records_std_phone_idx on source_records ((std ->> 'phone')) where deleted_at is null;
create index source_records_std_postal_code_idx on source_records ((std ->> 'postalCode'))
  where deleted_at is null;
-- Free-text search by a source record id whose system the caller does not know (call centre).
create index source_records_source_record_id_idx on source_records (source_record_id);
