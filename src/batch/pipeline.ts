/**
 * In-memory batch deduplication: read → standardise → block → compare → train (or load) → score →
 * cluster. A library with a function API (the CLI and the nightly dedupe job both call it): progress
 * through a callback, timings and peak memory in the result, never exits the process.
 */
import {
  buildCandidatePairs,
  clusterPairs,
  compileModel,
  defaultModel,
  applyEvidencePolicy,
  findRelatedPairs,
  pairsCompleteness,
  probabilityOf,
  recordTfBits,
  scoreBatch,
  trainModel,
  type BlockingOptions,
  type CandidatePairs,
  type Clustering,
  type GenericValues,
  type RelatedPair,
  type MatchModel,
  type TrainingSanity,
} from '../match/index.js';
import type { RawRecord, StandardizeOptions, StdRecord } from '../standardize/types.js';
import { crossScorer } from './cross-scorer.js';
import { compareColumns, comparisonFields } from './parallel-compare.js';
import { buildRecordColumns } from './record-columns.js';
import { standardizeInline, standardizeParallel } from './parallel-standardize.js';
import { StageClock, type BatchStage } from './stage-clock.js';

export type { BatchStage } from './stage-clock.js';

export interface BatchProgress {
  stage: BatchStage;
  done: number;
  total?: number;
}

export interface BatchOptions {
  standardize: StandardizeOptions;
  /** A stored model; when absent (or `train` is set) a model is trained on the input. */
  model?: MatchModel;
  train?: boolean;
  /** MATCH_UPPER_THRESHOLD / MATCH_LOWER_THRESHOLD from the caller's config: the same pair as real time. */
  thresholds: { merge: number; review: number };
  blocking?: BlockingOptions;
  /** True entity of a record, when known: adds pairs completeness to the summary. */
  truthOf?: (std: StdRecord) => string | undefined;
  onProgress?: (p: BatchProgress) => void;
  /** Worker threads for standardisation and comparison (1 = in this thread). */
  threads?: number;
  now?: Date;
}

export interface BatchSummary {
  records: number;
  duplicateRowsSkipped: number;
  candidatePairs: number;
  links: number;
  clusters: number;
  reviewCandidates: number;
  /** Pairs of different customers found related (household, shared contact). */
  relatedPairs: number;
  /** Values found generic (shared by many different names), and scored pairs that agreed on one. */
  genericValues: number;
  genericPairs: number;
  trained: boolean;
  /** When trained: the check of the trained model against the expert model (fell back when degenerate). */
  trainingSanity?: TrainingSanity;
  pairsCompleteness?: number;
  seconds: Record<BatchStage | 'total', number>;
  /** User + system CPU seconds, all threads (the machine may be shared: wall time includes waiting). */
  cpuSeconds: number;
  /** Peak resident memory of the whole process so far (worker threads included). */
  peakRssMiB: number;
}

export interface BatchResult {
  records: StdRecord[];
  /** Customer id of each record (same id for one cluster). */
  customerIds: string[];
  model: MatchModel;
  candidates: CandidatePairs;
  probabilities: Float64Array;
  clustering: Clustering;
  /** Generic values found in the input (phones, emails, addresses … shared by many different names). */
  generic: GenericValues;
  /** Pairs of records of different customers that are related (household, shared contact). */
  related: RelatedPair[];
  summary: BatchSummary;
}

export async function runBatchDedupe(
  input: AsyncIterable<RawRecord> | Iterable<RawRecord>,
  options: BatchOptions,
): Promise<BatchResult> {
  const clock = new StageClock();
  const onStd = (done: number) => options.onProgress?.({ stage: 'standardize', done });
  const threads = options.threads ?? 1;
  const { records, duplicates } =
    threads > 1
      ? await standardizeParallel(input, options.standardize, threads, onStd)
      : await standardizeInline(input, options.standardize, onStd);
  clock.end('standardize');
  const candidates = buildCandidatePairs(records, options.blocking);
  clock.end('block');
  const progress = (stage: BatchStage, total: number) => (done: number) => options.onProgress?.({ stage, done, total });
  const baseModel = options.model ?? defaultModel();
  const columns = buildRecordColumns(records, comparisonFields(baseModel));
  const gamma = await compareColumns(baseModel, columns, candidates, threads, progress('compare', candidates.length));
  clock.end('compare');
  const trained = options.train === true || options.model === undefined;
  let model = trained ? trainModel(records, candidates, gamma, { now: options.now }) : baseModel;
  model = { ...model, thresholds: { ...options.thresholds } };
  clock.end('train');
  const cm = compileModel(model);
  const tfBits = recordTfBits(cm, records);
  // The decision side: generic values lose their weight, the evidence policy blocks uncorroborated merges.
  const evidence = applyEvidencePolicy(
    cm,
    records,
    candidates,
    gamma,
    scoreBatch(cm, gamma, candidates, tfBits),
    tfBits,
  );
  const probabilities = evidence.weights.map(probabilityOf);
  clock.end('score');
  const clustering = clusterPairs({
    records: records.length,
    left: candidates.left,
    right: candidates.right,
    // A pair the policy keeps apart (a name conflict) is a non-match: no link, no review, no support.
    probability: probabilities.map((x, p) => (evidence.rejected[p] ? 0 : x)),
    thresholds: model.thresholds,
    scoreCross: crossScorer(model, records, candidates, probabilities),
    mergeBlocked: evidence.blocked,
    blockReasons: evidence.reasons,
  });
  const related = findRelatedPairs(cm, gamma, candidates, clustering.clusterOf, evidence.flags);
  clock.end('cluster');
  const summary: BatchSummary = {
    records: records.length,
    duplicateRowsSkipped: duplicates,
    candidatePairs: candidates.length,
    links: clustering.links,
    clusters: clustering.clusters,
    reviewCandidates: clustering.review.length,
    relatedPairs: related.length,
    genericValues: Object.values(evidence.generic.values).reduce((n, v) => n + v.length, 0),
    genericPairs: evidence.genericPairs,
    trained,
    ...(trained && model.training ? { trainingSanity: model.training.sanity } : {}),
    ...completeness(records, candidates, options.truthOf),
    seconds: clock.seconds(),
    cpuSeconds: clock.cpuSeconds(),
    peakRssMiB: clock.peakRssMiB(),
  };
  const customerIds = Array.from(clustering.clusterOf, (c) => `C${String(c + 1).padStart(8, '0')}`);
  const generic = evidence.generic;
  return { records, customerIds, model, candidates, probabilities, clustering, generic, related, summary };
}

function completeness(records: StdRecord[], cands: CandidatePairs, truthOf?: (s: StdRecord) => string | undefined) {
  if (!truthOf) return {};
  const ids = new Map<string, number>();
  const entityOf = Int32Array.from(records, (r) => {
    const t = truthOf(r);
    if (t === undefined) return -1;
    if (!ids.has(t)) ids.set(t, ids.size);
    return ids.get(t)!;
  });
  return { pairsCompleteness: pairsCompleteness(entityOf, cands).completeness };
}
