/**
 * Evaluation against truth: pairwise precision/recall/F1 (counted from the cluster × entity
 * contingency, never by enumerating pairs), B-cubed precision/recall/F1, and the pairs completeness
 * of a candidate set (share of true pairs that blocking kept).
 */
import type { PairList } from './score.js';

export interface Evaluation {
  records: number;
  clusters: { predicted: number; truth: number };
  pairwise: {
    precision: number;
    recall: number;
    f1: number;
    truePositives: number;
    predictedPairs: number;
    truePairs: number;
  };
  bcubed: { precision: number; recall: number; f1: number };
}

const pairs2 = (k: number): number => (k * (k - 1)) / 2;
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function tally<T>(labels: readonly T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

/** `predicted[i]` and `truth[i]` are the cluster and the true entity of record i. */
export function evaluateClusters(predicted: readonly string[], truth: readonly string[]): Evaluation {
  const n = Math.min(predicted.length, truth.length);
  const pred = tally(predicted.slice(0, n));
  const ent = tally(truth.slice(0, n));
  const joint = tally(Array.from({ length: n }, (_, i) => `${predicted[i]}\u0000${truth[i]}`));
  let tp = 0;
  for (const c of joint.values()) tp += pairs2(c);
  let predictedPairs = 0;
  for (const c of pred.values()) predictedPairs += pairs2(c);
  let truePairs = 0;
  for (const c of ent.values()) truePairs += pairs2(c);
  let bp = 0;
  let br = 0;
  for (let i = 0; i < n; i++) {
    const both = joint.get(`${predicted[i]}\u0000${truth[i]}`)!;
    bp += both / pred.get(predicted[i]!)!;
    br += both / ent.get(truth[i]!)!;
  }
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const bcp = n === 0 ? 1 : bp / n;
  const bcr = n === 0 ? 1 : br / n;
  return {
    records: n,
    clusters: { predicted: pred.size, truth: ent.size },
    pairwise: { precision, recall, f1: f1(precision, recall), truePositives: tp, predictedPairs, truePairs },
    bcubed: { precision: bcp, recall: bcr, f1: f1(bcp, bcr) },
  };
}

/** Share of true pairs among the candidate pairs; `entityOf[i]` < 0 means unknown. */
export function pairsCompleteness(
  entityOf: Int32Array,
  pairs: PairList,
): { truePairs: number; found: number; completeness: number } {
  const sizes = new Map<number, number>();
  for (const e of entityOf) if (e >= 0) sizes.set(e, (sizes.get(e) ?? 0) + 1);
  let truePairs = 0;
  for (const s of sizes.values()) truePairs += pairs2(s);
  let found = 0;
  for (let p = 0; p < pairs.length; p++) {
    const e = entityOf[pairs.left[p]!]!;
    if (e >= 0 && e === entityOf[pairs.right[p]!]) found++;
  }
  return { truePairs, found, completeness: truePairs === 0 ? 1 : found / truePairs };
}
