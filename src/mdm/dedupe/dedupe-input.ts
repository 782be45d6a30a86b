/** What the nightly dedupe re-clusters: every live record, and since when records count as changed. */
import { lastCompletedBatchRun } from '../../store/batch-runs.js';
import { listLiveRecordsForDedupe, type DedupeRecordRow } from '../../store/dedupe-scan.js';
import type { MdmContext } from '../context.js';

export type { DedupeRecordRow };

export interface DedupeInput {
  rows: DedupeRecordRow[];
  /** Scope 'changed': the start of the last completed dedupe run (undefined: every record counts). */
  since: Date | null | undefined;
}

export async function listDedupeInput(ctx: MdmContext, scope: 'changed' | 'all'): Promise<DedupeInput> {
  const db = ctx.database.db;
  const since = scope === 'changed' ? (await lastCompletedBatchRun(db, 'dedupe'))?.started_at : undefined;
  return { rows: await listLiveRecordsForDedupe(db), since };
}
