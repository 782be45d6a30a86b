-- Per-source data-quality profiles, written by refreshQualitySummaries (src/quality/) from the
-- nightly quality job, so GET /v1/quality/sources reads one row per system instead of scanning
-- every record (seconds per million records). The live computation stays available (?live=true).
create table source_quality_summaries (
  source_system text primary key references source_systems (name) on delete cascade,
  summary jsonb not null, -- SourceQuality (src/quality/index.ts)
  computed_at timestamptz not null default now()
);
