/**
 * Clustering: union-find over links at or above the merge threshold, strongest first, with a guard
 * against chaining. Joining two clusters of which one has more than one record needs support across
 * the pair of clusters: the share of cross pairs scoring at least the review threshold must reach
 * `minSupport` (average-linkage check). A link that fails it is not applied and goes to review as a
 * weak bridge, so "A~B, B~C" never merges A and C on one weak link alone.
 */

export interface ClusterInput {
  records: number;
  left: ArrayLike<number>;
  right: ArrayLike<number>;
  probability: ArrayLike<number>;
  thresholds: { merge: number; review: number };
  /** Probability of any two records (used for cross-cluster support); defaults to the scored pairs only. */
  scoreCross?: (i: number, j: number) => number;
  minSupport?: number;
  /** Beyond this many cross pairs, support is judged on the scored pairs between the clusters. */
  maxCrossPairs?: number;
  /** Per pair, non-zero when the pair must not merge automatically (see evidence-policy.ts): it goes to review. */
  mergeBlocked?: ArrayLike<number>;
  /** Review reason of block code k at index k − 1 (default "name-conflict"). */
  blockReasons?: readonly string[];
}

export interface ReviewCandidate {
  pair: number;
  /** 'between-thresholds', 'weak-bridge', or the evidence policy's reason (e.g. 'no-corroboration'). */
  reason: string;
}

export interface Clustering {
  /** Cluster number of each record, numbered in order of first appearance. */
  clusterOf: Int32Array;
  clusters: number;
  /** Links applied (merge threshold and support passed). */
  links: number;
  review: ReviewCandidate[];
}

/**
 * Union-find on typed arrays (no array per record: at millions of records those dominated memory and
 * GC). Each cluster's members form a circular list through `next`, so a union splices two lists in
 * O(1) and the chain guard can still walk both clusters' members.
 */
class UnionFind {
  readonly parent: Int32Array;
  readonly size: Int32Array;
  readonly next: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.next = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = this.next[i] = i;
    this.size = new Int32Array(n).fill(1);
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) [x, this.parent[x]] = [this.parent[x]!, r];
    return r;
  }
  union(a: number, b: number): void {
    const [big, small] = this.size[a]! >= this.size[b]! ? [a, b] : [b, a];
    this.parent[small] = big;
    this.size[big]! += this.size[small]!;
    const t = this.next[big]!;
    this.next[big] = this.next[small]!;
    this.next[small] = t;
  }
}

/** Share of cross pairs between two clusters (given by their roots) scoring at least `review`. */
function support(uf: UnionFind, a: number, b: number, score: (i: number, j: number) => number, review: number) {
  let hits = 0;
  let x = a;
  do {
    let y = b;
    do {
      if (score(x, y) >= review) hits++;
      y = uf.next[y]!;
    } while (y !== b);
    x = uf.next[x]!;
  } while (x !== a);
  return hits / (uf.size[a]! * uf.size[b]!);
}

export function clusterPairs(input: ClusterInput): Clustering {
  const { thresholds } = input;
  const minSupport = input.minSupport ?? 0.5;
  const maxCross = input.maxCrossPairs ?? 10_000;
  const scored = new Map<number, number>();
  const code = (i: number, j: number) => (i < j ? i * input.records + j : j * input.records + i);
  const edges: number[] = [];
  const review: ReviewCandidate[] = [];
  for (let p = 0; p < input.probability.length; p++) {
    const prob = input.probability[p]!;
    if (prob >= thresholds.review) scored.set(code(input.left[p]!, input.right[p]!), prob);
    if (prob < thresholds.merge) continue;
    const blocked = input.mergeBlocked?.[p] ?? 0;
    if (blocked) review.push({ pair: p, reason: input.blockReasons?.[blocked - 1] ?? 'name-conflict' });
    else edges.push(p);
  }
  edges.sort((x, y) => input.probability[y]! - input.probability[x]!);
  const fromScored = (i: number, j: number) => scored.get(code(i, j)) ?? 0;
  const uf = new UnionFind(input.records);
  let links = 0;
  for (const p of edges) {
    const a = uf.find(input.left[p]!);
    const b = uf.find(input.right[p]!);
    if (a === b) continue;
    const sa = uf.size[a]!;
    const sb = uf.size[b]!;
    if (sa > 1 || sb > 1) {
      const score = input.scoreCross && sa * sb <= maxCross ? input.scoreCross : fromScored;
      if (support(uf, a, b, score, thresholds.review) < minSupport) {
        review.push({ pair: p, reason: 'weak-bridge' });
        continue;
      }
    }
    uf.union(a, b);
    links++;
  }
  for (let p = 0; p < input.probability.length; p++) {
    const prob = input.probability[p]!;
    if (prob >= thresholds.review && prob < thresholds.merge && uf.find(input.left[p]!) !== uf.find(input.right[p]!))
      review.push({ pair: p, reason: 'between-thresholds' });
  }
  // A blocked pair whose records joined through other links needs no review of its own.
  const open = review.filter((r) => uf.find(input.left[r.pair]!) !== uf.find(input.right[r.pair]!));
  return { ...numberClusters(uf, input.records), links, review: open };
}

function numberClusters(uf: UnionFind, n: number): { clusterOf: Int32Array; clusters: number } {
  const clusterOf = new Int32Array(n).fill(-1);
  const byRoot = new Int32Array(n).fill(-1);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    if (byRoot[r] === -1) byRoot[r] = next++;
    clusterOf[i] = byRoot[r]!;
  }
  return { clusterOf, clusters: next };
}
