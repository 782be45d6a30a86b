/**
 * `dedupe`: re-standardise, re-block and re-score every live record with the active model (the
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
import {
  type Actor,
  type DedupeRecordRow,
  listDedupeInput,
  mergeClusterCustomers,
  openReviewTasks,
  recordRelatedCustomers,
  type RelatedCustomerPair,
  type ReviewPair,
} from '../../mdm/index.js';
import type { DedupePayload } from '../catalog.js';
import type { JobContext, JobOutcome } from '../types.js';

/** Clusters handled between two progress saves (each save is also a cancellation check). */
const CLUSTERS_PER_SAVE = 50;
const REVIEW_PAIRS_PER_TX = 200;

interface DedupeCounts {
  [key: string]: number | string | null;
  records: number;
  candidatePairs: number;
  clusters: number;
  merges: number;
  skippedBySteward: number;
  reviewTasks: number;
  relatedCustomers: number;
  scope: string;
  since: string | null;
}

export async function processDedupe(payload: DedupePayload, ctx: JobContext): Promise<JobOutcome> {
  const scope = payload.scope ?? 'changed';
  const { rows, since } = await listDedupeInput(ctx.mdm, scope);
  const active = await ctx.mdm.models.current();
  const result = await runBatchDedupe(
    rows.map((r) => r.raw),
    {
      standardize: ctx.mdm.settings.standardize,
      model: active.model,
      train: false,
      thresholds: batchThresholds(ctx.mdm.settings),
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
    relatedCustomers: 0,
    scope,
    since: since?.toISOString() ?? null,
  };
  if (!(await ctx.save({ progress: 40, counts, errors: [] }))) return { status: 'cancelled', counts };

  const actor: Actor = { type: 'system', id: `dedupe:${ctx.jobId}` };
  const clusters = clustersToMerge(result, rowOf, changed);
  for (const [i, members] of clusters.entries()) {
    const ids = members.map((m) => m.customer_id).filter((c): c is string => c !== null);
    const r = await mergeClusterCustomers(ctx.mdm, actor, ids, 'dedupe: records cluster above the merge threshold');
    counts.merges += r.merges;
    counts.skippedBySteward += r.skipped;
    if ((i + 1) % CLUSTERS_PER_SAVE === 0) {
      const progress = 40 + (50 * (i + 1)) / clusters.length;
      if (!(await ctx.save({ progress, counts, errors: [] }))) return { status: 'cancelled', counts };
    }
  }
  if (!(await ctx.save({ progress: 90, counts, errors: [] }))) return { status: 'cancelled', counts };

  // Review after merging, so a pair whose records were just merged is not sent to a steward.
  const pairs = reviewPairs(result, rowOf, changed);
  for (let i = 0; i < pairs.length; i += REVIEW_PAIRS_PER_TX) {
    counts.reviewTasks += await openReviewTasks(ctx.mdm, actor, pairs.slice(i, i + REVIEW_PAIRS_PER_TX));
  }
  // Households and shared contacts, between the customers their records belong to after the merges.
  counts.relatedCustomers = await recordRelatedCustomers(ctx.mdm, actor, relatedPairs(result, rowOf, changed));
  return { status: 'completed', counts };
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

function relatedPairs(
  result: BatchResult,
  rowOf: Array<DedupeRecordRow | undefined>,
  changed: (i: number) => boolean,
): RelatedCustomerPair[] {
  const out: RelatedCustomerPair[] = [];
  for (const { pair, relationship, shared } of result.related) {
    const l = result.candidates.left[pair] as number;
    const r = result.candidates.right[pair] as number;
    const a = rowOf[l];
    const b = rowOf[r];
    if (!a?.customer_id || !b?.customer_id || !(changed(l) || changed(r))) continue;
    out.push({
      customerA: a.customer_id,
      customerB: b.customer_id,
      kind: relationship,
      evidence: {
        shared,
        records: [
          [a.source_system, a.source_record_id],
          [b.source_system, b.source_record_id],
        ],
      },
    });
  }
  return out;
}
