-- Jobs (src/jobs): why a run failed for good, and how many attempts it took, kept beside its
-- progress so GET /v1/jobs/{id} answers the same whether BullMQ or the in-process runner ran it.
alter table batch_runs add column failure text;
alter table batch_runs add column attempts integer not null default 0;
