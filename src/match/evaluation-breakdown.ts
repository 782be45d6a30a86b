/**
 * Evaluation beyond pairwise P/R/F1: what the steward's review queue adds (recall with review, review
 * precision, queue size), recall and precision by corruption kind, and how many pairs of one household
 * (different people at one address) were merged. Counted from contingencies of (cluster, entity) cells
 * wherever possible, so a large cluster costs no pair enumeration.
 */

const pairs2 = (k: number): number => (k * (k - 1)) / 2;

export interface ReviewEvaluation {
  reviewPairs: number;
  /** Share of review pairs whose two records are the same entity. */
  reviewPrecision: number;
  reviewPairsPer1000Records: number;
  /** True pairs in one cluster, or in two clusters that a review pair joins directly. */
  recallWithReview: number;
}

function group<K, V>(keys: readonly K[], value: (i: number) => V): Map<K, V[]> {
  const out = new Map<K, V[]>();
  keys.forEach((k, i) => {
    const list = out.get(k);
    if (list) list.push(value(i));
    else out.set(k, [value(i)]);
  });
  return out;
}

/**
 * `predicted[i]`/`truth[i]`: cluster and entity of record i; `review` pairs of record indices.
 * A review pair joins two clusters, not transitively: a steward decides one pair at a time.
 */
export function evaluateReview(
  predicted: readonly string[],
  truth: readonly string[],
  review: ReadonlyArray<readonly [number, number]>,
): ReviewEvaluation {
  const joined = new Set<string>();
  let trueReview = 0;
  for (const [a, b] of review) {
    if (truth[a] === truth[b]) trueReview++;
    const ca = predicted[a]!;
    const cb = predicted[b]!;
    joined.add(ca < cb ? `${ca}\u0000${cb}` : `${cb}\u0000${ca}`);
  }
  let truePairs = 0;
  let found = 0;
  for (const clusters of group(truth, (i) => predicted[i]!).values()) {
    truePairs += pairs2(clusters.length);
    const counts = [...group(clusters, () => 1).entries()].map(([c, ones]) => [c, ones.length] as const);
    for (let x = 0; x < counts.length; x++) {
      found += pairs2(counts[x]![1]);
      for (let y = x + 1; y < counts.length; y++) {
        const [cx, nx] = counts[x]!;
        const [cy, ny] = counts[y]!;
        if (joined.has(cx < cy ? `${cx}\u0000${cy}` : `${cy}\u0000${cx}`)) found += nx * ny;
      }
    }
  }
  const n = predicted.length;
  return {
    reviewPairs: review.length,
    reviewPrecision: review.length === 0 ? 1 : trueReview / review.length,
    reviewPairsPer1000Records: n === 0 ? 0 : (review.length * 1000) / n,
    recallWithReview: truePairs === 0 ? 1 : found / truePairs,
  };
}

export interface KindEvaluation {
  /** True pairs with at least one record carrying this corruption kind. */
  truePairs: number;
  found: number;
  recall: number;
  /** Predicted pairs (same cluster) with at least one record carrying it, and the true ones among them. */
  predictedPairs: number;
  precision: number;
}

/**
 * Pairs "with kind k" are pairs where at least one record has k: C(n,2) − C(n − n_k,2) per group,
 * summed over entities (true pairs), clusters (predicted) and (cluster, entity) cells (found).
 * `kinds[i]`: the corruption kinds of record i (`typo:given_name` counts as `typo`); "none" marks
 * pairs of two uncorrupted records.
 */
export function evaluateByKind(
  predicted: readonly string[],
  truth: readonly string[],
  kinds: ReadonlyArray<readonly string[]>,
): Record<string, KindEvaluation> {
  const all = new Set<string>(['none']);
  for (const ks of kinds) for (const k of ks) all.add(k);
  const has = (i: number, k: string) => (k === 'none' ? kinds[i]!.length === 0 : kinds[i]!.includes(k));
  const withKind = (groups: Map<string, number[]>, k: string) => {
    let total = 0;
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      const nk = members.filter((i) => has(i, k)).length;
      total += k === 'none' ? pairs2(nk) : pairs2(members.length) - pairs2(members.length - nk);
    }
    return total;
  };
  const byEntity = group(truth, (i) => i);
  const byCluster = group(predicted, (i) => i);
  const byCell = group(
    predicted.map((c, i) => `${c}\u0000${truth[i]}`),
    (i) => i,
  );
  const out: Record<string, KindEvaluation> = {};
  for (const k of [...all].sort()) {
    const truePairs = withKind(byEntity, k);
    const predictedPairs = withKind(byCluster, k);
    const found = withKind(byCell, k);
    out[k] = {
      truePairs,
      found,
      recall: truePairs === 0 ? 1 : found / truePairs,
      predictedPairs,
      precision: predictedPairs === 0 ? 1 : found / predictedPairs,
    };
  }
  return out;
}

/** Corruption kinds of one truth row's `corruptions` (`typo:given_name;address_move` → typo, address_move). */
export function corruptionKinds(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set(text.split(';').map((c) => c.split(':')[0]!.trim()))].filter((k) => k !== '');
}

export interface HouseholdEvaluation {
  /** Pairs of different people of one household. */
  pairs: number;
  /** Of those, pairs put into one cluster (false merges within a household). */
  merged: number;
  keptApart: number;
}

export function evaluateHouseholds(
  predicted: readonly string[],
  truth: readonly string[],
  household: readonly string[],
): HouseholdEvaluation {
  const sum = (keys: readonly string[]) => {
    let s = 0;
    for (const members of group(keys, () => 1).values()) s += pairs2(members.length);
    return s;
  };
  const key = (a: readonly string[], b: readonly string[]) => a.map((x, i) => `${x}\u0000${b[i]}`);
  // Entities nest in households: pairs of one household minus pairs of one entity.
  const pairs = sum(household) - sum(truth);
  const merged = sum(key(predicted, household)) - sum(key(predicted, truth));
  return { pairs, merged, keptApart: pairs - merged };
}
