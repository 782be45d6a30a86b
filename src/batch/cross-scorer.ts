/**
 * Probability of any two records, for clustering's chain guard (which checks the support between
 * two clusters over all their cross pairs, again each time a link between them is tried). Most of
 * those pairs are candidate pairs whose probability the batch has already computed: they are looked
 * up (CSR index on the sorted pair list, no map of millions of entries). The others are scored once
 * and remembered, so a pair is never compared twice.
 */
import { scorePair, type MatchModel, type PairList } from '../match/index.js';
import type { StdRecord } from '../standardize/types.js';

/** Remembered non-candidate scores at most (then the memo starts afresh): bounds memory. */
const MAX_MEMO = 2_000_000;

export function crossScorer(
  model: MatchModel,
  records: readonly StdRecord[],
  pairs: PairList,
  probability: ArrayLike<number>,
): (i: number, j: number) => number {
  const n = records.length;
  const index = candidateIndex(pairs, n);
  let memo = new Map<number, number>();
  return (i, j) => {
    const lo = i < j ? i : j;
    const hi = i < j ? j : i;
    if (index) {
      const p = findPair(index, pairs.right, lo, hi);
      if (p >= 0) return probability[p]!;
    }
    const code = lo * n + hi;
    const hit = memo.get(code);
    if (hit !== undefined) return hit;
    const prob = scorePair(model, records[lo]!, records[hi]!).probability;
    if (memo.size >= MAX_MEMO) memo = new Map();
    memo.set(code, prob);
    return prob;
  };
}

/** Offsets of each record's run in `left`, or null when the list is not sorted by (left, right). */
function candidateIndex(pairs: PairList, n: number): Int32Array | null {
  const start = new Int32Array(n + 1);
  for (let p = 0; p < pairs.length; p++) {
    const l = pairs.left[p]!;
    const r = pairs.right[p]!;
    if (l >= r) return null;
    if (p > 0) {
      const pl = pairs.left[p - 1]!;
      if (l < pl || (l === pl && r <= pairs.right[p - 1]!)) return null;
    }
    start[l + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  return start;
}

/** Binary search of `hi` among the pairs whose left is `lo`; -1 when absent. */
function findPair(start: Int32Array, right: Int32Array, lo: number, hi: number): number {
  let a = start[lo]!;
  let b = start[lo + 1]! - 1;
  while (a <= b) {
    const mid = (a + b) >> 1;
    const r = right[mid]!;
    if (r === hi) return mid;
    if (r < hi) a = mid + 1;
    else b = mid - 1;
  }
  return -1;
}
