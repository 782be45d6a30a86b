/**
 * Batch re-cluster of the stored records (the `dedupe` job; also run after the first model is
 * trained automatically): re-standardise, re-block and re-score every live record with the active model (the
 * in-memory batch pipeline, src/batch), re-cluster, then
 *  - merge the customers whose records cluster together above the upper threshold (mdm
 *    mergeCustomers: the older id survives, audited), and
 *  - open steward review tasks for the middle band (and for above-threshold links the clusterer
 *    refused as weak bridges) through mdm openReviewTasks.
 * Scope 'changed' acts only on clusters and pairs that hold a record changed since the last
 * completed dedupe run; blocking still sees every record, so a changed record finds old partners.
 * A steward decision is never undone: the job never splits (so a steward merge stands), never joins
 * two customers a steward separated (any record pair, checked against current ids right before each
 * merge), and never sends a steward-decided pair back to review.
 * Idempotent, so a retry after a crash simply runs again: merges done stay done.
 */
import { runBatchDedupe, type BatchResult } from '../../batch/pipeline.js';
import { batchThresholds } from '../../config.js';
import type { MdmContext } from '../context.js';
import { openReviewTasks, type ReviewPair } from '../steward/review-open.js';
import type { Actor } from '../types.js';
import { listDedupeInput, type DedupeRecordRow } from './dedupe-input.js';
import { mergeClusterCustomers } from './merge-cluster.js';

/** Clusters handled between two progress saves (each save is also a cancellation check). */
const CLUSTERS_PER_SAVE = 50;
const REVIEW_PAIRS_PER_TX = 200;

export interface DedupeCounts {
  [key: string]: number | string | null;
  records: number;
  candidatePairs: number;
  clusters: number;
  merges: number;
  skippedBySteward: number;
  reviewTasks: number;
  scope: string;
  since: string | null;
}

/** Called at a safe point with the progress (0-100) and counts so far; false stops the run (cancelled). */
export type ReclusterCheckpoint = (progress: number, counts: DedupeCounts) => Promise<boolean>;

export async function reclusterRecords(
  ctx: MdmContext,
  actor: Actor,
  scope: 'changed' | 'all',
  checkpoint: ReclusterCheckpoint,
): Promise<{ cancelled: boolean; counts: DedupeCounts }> {
  const { rows, since } = await listDedupeInput(ctx, scope);
  const active = await ctx.models.current();
  const result = await runBatchDedupe(
    rows.map((r) => r.raw),
    {
      standardize: ctx.settings.standardize,
      model: active.model,
      train: false,
      thresholds: batchThresholds(ctx.settings),
    },
  );
  const rowOf = recordRows(rows, result);
  const changed = (i: number): boolean => !since || (rowOf[i]?.updated_at ?? 0) > since;
  const counts: DedupeCounts = {
    records: rows.length,
    candidatePairs: result.summary.candidatePairs,
    clusters: result.summary.clusters,
    merges: 0,
    skippedBySteward: 0,
    reviewTasks: 0,
    scope,
    since: since?.toISOString() ?? null,
  };
  if (!(await checkpoint(40, counts))) return { cancelled: true, counts };

  const clusters = clustersToMerge(result, rowOf, changed);
  for (const [i, members] of clusters.entries()) {
    const ids = members.map((m) => m.customer_id).filter((c): c is string => c !== null);
    const r = await mergeClusterCustomers(ctx, actor, ids, 'dedupe: records cluster above the merge threshold');
    counts.merges += r.merges;
    counts.skippedBySteward += r.skipped;
    if ((i + 1) % CLUSTERS_PER_SAVE === 0) {
      const progress = 40 + (50 * (i + 1)) / clusters.length;
      if (!(await checkpoint(progress, counts))) return { cancelled: true, counts };
    }
  }
  if (!(await checkpoint(90, counts))) return { cancelled: true, counts };

  // Review after merging, so a pair whose records were just merged is not sent to a steward.
  const pairs = reviewPairs(result, rowOf, changed);
  for (let i = 0; i < pairs.length; i += REVIEW_PAIRS_PER_TX) {
    counts.reviewTasks += await openReviewTasks(ctx, actor, pairs.slice(i, i + REVIEW_PAIRS_PER_TX));
  }
  return { cancelled: false, counts };
}

/** The stored row of each batch record (the batch pipeline may reorder its input). */
function recordRows(rows: DedupeRecordRow[], result: BatchResult): Array<DedupeRecordRow | undefined> {
  const byRef = new Map(rows.map((r) => [`${r.source_system}\u0000${r.source_record_id}`, r]));
  return result.records.map((s) => byRef.get(`${s.sourceSystem}\u0000${s.sourceRecordId}`));
}

/** Clusters whose records belong to two or more customers (and, in scope 'changed', hold a changed record). */
function clustersToMerge(
  result: BatchResult,
  rowOf: Array<DedupeRecordRow | undefined>,
  changed: (i: number) => boolean,
): DedupeRecordRow[][] {
  const byCluster = new Map<number, number[]>();
  result.clustering.clusterOf.forEach((c, i) => byCluster.set(c, [...(byCluster.get(c) ?? []), i]));
  const out: DedupeRecordRow[][] = [];
  for (const members of byCluster.values()) {
    if (members.length < 2 || !members.some(changed)) continue;
    const rows = members.map((i) => rowOf[i]).filter((r): r is DedupeRecordRow => r !== undefined);
    if (new Set(rows.map((r) => r.customer_id)).size > 1) out.push(rows);
  }
  return out;
}

function reviewPairs(
  result: BatchResult,
  rowOf: Array<DedupeRecordRow | undefined>,
  changed: (i: number) => boolean,
): ReviewPair[] {
  const pairs: ReviewPair[] = [];
  for (const { pair } of result.clustering.review) {
    const l = result.candidates.left[pair] as number;
    const r = result.candidates.right[pair] as number;
    const a = rowOf[l];
    const b = rowOf[r];
    if (a && b && (changed(l) || changed(r))) pairs.push({ recordA: a.id, recordB: b.id });
  }
  return pairs;
}
