-- Source files name their systems by slug or by display name (src/mdm/source-system-names.ts), so a
-- display name must identify one system as surely as its slug. Existing duplicates get the slug
-- appended before the unique index is built (only the younger names change).
update source_systems s
   set display_name = s.display_name || ' (' || s.name || ')'
 where exists (select 1 from source_systems o where o.display_name = s.display_name and o.name < s.name);

create unique index source_systems_display_name_key on source_systems (display_name);
