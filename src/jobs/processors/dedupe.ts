/**
 * `dedupe`: re-standardise, re-block and re-score every live record with the active model (C's
 * in-memory batch pipeline, src/batch), re-cluster, and merge customers whose records cluster
 * together above the upper threshold (E1's mergeCustomers: the older id survives, audited).
 * Scope 'changed' acts only on clusters that hold a record changed since the last completed
 * dedupe run (blocking still sees every record, so a changed record finds its old partners).
 * A steward decision is never undone: two customers are not merged when any steward_separate
 * link joins their records. Middle-band pairs are counted, not yet opened as review tasks: that
 * needs an mdm/ use case (see `reviewCandidates` in the counts and the report).
 */
import { runBatchDedupe } from '../../batch/pipeline.js';
import { mergeCustomers } from '../../mdm/merge.js';
import type { Actor } from '../../mdm/types.js';
import { lastCompletedBatchRun } from '../../store/batch-runs.js';
import { listLiveRecordsForDedupe, type DedupeRecordRow } from '../../store/dedupe-scan.js';
import { findStewardLinks } from '../../store/links.js';
import type { DedupePayload } from '../catalog.js';
import type { JobContext, JobOutcome } from '../types.js';

export async function processDedupe(payload: DedupePayload, ctx: JobContext): Promise<JobOutcome> {
  const db = ctx.mdm.database.db;
  const scope = payload.scope ?? 'changed';
  const since = scope === 'changed' ? (await lastCompletedBatchRun(db, 'dedupe'))?.started_at : undefined;
  const rows = await listLiveRecordsForDedupe(db);
  const active = await ctx.mdm.models.current();
  const { upperThreshold, lowerThreshold, standardize } = ctx.mdm.settings;
  const result = await runBatchDedupe(
    rows.map((r) => r.raw),
    { standardize, model: active.model, train: false, thresholds: { merge: upperThreshold, review: lowerThreshold } },
  );
  await ctx.save({ progress: 50, counts: { records: rows.length, stage: 'scored' }, errors: [] });

  const byRef = new Map(rows.map((r) => [`${r.source_system}\u0000${r.source_record_id}`, r]));
  const rowOf = result.records.map((s) => byRef.get(`${s.sourceSystem}\u0000${s.sourceRecordId}`));
  const clusters = new Map<number, DedupeRecordRow[]>();
  result.clustering.clusterOf.forEach((c, i) => {
    const row = rowOf[i];
    if (row) clusters.set(c, [...(clusters.get(c) ?? []), row]);
  });
  const actor: Actor = { type: 'system', id: `dedupe:${ctx.jobId}` };
  const counts = {
    records: rows.length,
    candidatePairs: result.summary.candidatePairs,
    clusters: result.summary.clusters,
    merges: 0,
    skippedBySteward: 0,
    reviewCandidates: result.clustering.review.length,
    scope,
    since: since?.toISOString() ?? null,
  };
  for (const members of clusters.values()) {
    if (since && !members.some((m) => m.updated_at > since)) continue;
    const r = await mergeCluster(ctx, actor, members);
    counts.merges += r.merges;
    counts.skippedBySteward += r.skipped;
  }
  return { status: 'completed', counts };
}

/** Merges the customers of one cluster into its oldest, except across a steward's "separate". */
async function mergeCluster(
  ctx: JobContext,
  actor: Actor,
  members: DedupeRecordRow[],
): Promise<{ merges: number; skipped: number }> {
  const customers = [...new Set(members.map((m) => m.customer_id).filter((c): c is string => c !== null))].sort();
  if (customers.length < 2) return { merges: 0, skipped: 0 };
  const customerOfRecord = new Map(members.map((m) => [m.id, m.customer_id]));
  const separated = new Set<string>();
  for (const link of await findStewardLinks(
    ctx.mdm.database.db,
    members.map((m) => m.id),
  )) {
    if (link.decision !== 'steward_separate') continue;
    const a = customerOfRecord.get(link.record_a);
    const b = customerOfRecord.get(link.record_b);
    if (a && b) separated.add(`${a}|${b}`).add(`${b}|${a}`);
  }
  const [survivor, ...others] = customers as [string, ...string[]];
  const joined = [survivor];
  let merges = 0;
  let skipped = 0;
  for (const other of others) {
    if (joined.some((j) => separated.has(`${j}|${other}`))) {
      skipped += 1;
      continue;
    }
    try {
      await mergeCustomers(ctx.mdm, actor, survivor, other, 'dedupe: records cluster above the merge threshold');
      joined.push(other);
      merges += 1;
    } catch (err) {
      // Already merged through another cluster, or changed meanwhile: the next run sees the new state.
      ctx.logger.warn({ err, survivor, other }, 'dedupe merge skipped');
      skipped += 1;
    }
  }
  return { merges, skipped };
}
