/** Maps a batch_runs row to what the API shows for a job. */
import type { BatchRunRow } from '../store/schema.js';
import type { JobState, JobView, RowError } from './types.js';

export function toJobView(row: BatchRunRow): JobView {
  return {
    id: row.id,
    type: row.type,
    state: jobState(row),
    progress: row.progress,
    counts: row.counts,
    errors: row.errors as RowError[],
    params: row.params,
    attempts: row.attempts,
    failure: row.failure,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at ? row.started_at.toISOString() : null,
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

/** A queued run that already failed an attempt is waiting for its backoff: show it as retrying. */
function jobState(row: BatchRunRow): JobState {
  if (row.status === 'queued' && row.attempts > 0 && row.failure) return 'retrying';
  return row.status;
}
