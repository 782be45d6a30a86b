/**
 * Expectation–maximisation of m probabilities (Fellegi & Sunter 1969; Winkler 1988) with u fixed,
 * as in Splink: pairs are first reduced to distinct comparison-vector patterns with counts, so each
 * iteration costs O(patterns × comparisons), not O(pairs). Comparisons listed in `excluded` (those
 * whose fields the session's blocking rule used: all its pairs agree there, which says nothing about
 * m) are left out of the likelihood and not estimated.
 *
 * With `priorM` the M step is a MAP estimate under a Dirichlet prior centred on the expert m with
 * `priorStrength` pseudo-matches: where the session holds few matches with a value for a comparison,
 * its m stays near the expert's; with many, the data decide.
 */

export interface EmInput {
  /** Levels of the session's pairs: gamma[p * C + c]. */
  gamma: Uint8Array;
  comparisons: number;
  /** Indices of the pairs in this session. */
  pairs: ArrayLike<number>;
  excluded: ReadonlySet<number>;
  /** Starting m and fixed u, per comparison, by level without "missing". */
  m: number[][];
  u: number[][];
  lambda?: number;
  /** Expert m (Dirichlet centre), per comparison, by level without "missing". */
  priorM?: number[][];
  /** Pseudo-matches the prior is worth (Dirichlet concentration). */
  priorStrength?: number;
  maxIterations?: number;
  tolerance?: number;
}

/** Pseudo-matches of the Dirichlet prior when `priorM` is given and `priorStrength` is not. */
export const DEFAULT_PRIOR_STRENGTH = 10;

export interface EmResult {
  m: number[][];
  lambda: number;
  iterations: number;
  converged: boolean;
  /** Per comparison, expected matches with a value (the data behind its m); 0 where excluded. */
  expectedMatches: Float64Array;
}

interface Patterns {
  levels: Uint8Array;
  counts: Float64Array;
  size: number;
}

/** Distinct comparison vectors with their counts (excluded comparisons zeroed out). */
export function toPatterns(input: Pick<EmInput, 'gamma' | 'comparisons' | 'pairs' | 'excluded'>): Patterns {
  const C = input.comparisons;
  const index = new Map<string, number>();
  const levels: number[] = [];
  const counts: number[] = [];
  const row = new Array<number>(C);
  for (let k = 0; k < input.pairs.length; k++) {
    const base = input.pairs[k]! * C;
    for (let c = 0; c < C; c++) row[c] = input.excluded.has(c) ? 0 : input.gamma[base + c]!;
    const key = row.join(',');
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, counts.length);
      counts.push(1);
      levels.push(...row);
    } else counts[at]!++;
  }
  return { levels: Uint8Array.from(levels), counts: Float64Array.from(counts), size: counts.length };
}

export function runEm(input: EmInput): EmResult {
  const C = input.comparisons;
  const pats = toPatterns(input);
  const m = input.m.map((l) => [...l]);
  const logU = input.u.map((l) => l.map(Math.log));
  let lambda = input.lambda ?? 0.5;
  let expected = new Float64Array(C);
  const maxIterations = input.maxIterations ?? 50;
  const tolerance = input.tolerance ?? 1e-5;
  const total = pats.counts.reduce((s, x) => s + x, 0);
  for (let it = 1; it <= maxIterations; it++) {
    const logM = m.map((l) => l.map(Math.log));
    const acc = m.map((l) => new Float64Array(l.length));
    let matched = 0;
    for (let p = 0; p < pats.size; p++) {
      let lm = Math.log(lambda);
      let lu = Math.log(1 - lambda);
      for (let c = 0; c < C; c++) {
        const g = pats.levels[p * C + c]!;
        if (g === 0) continue;
        lm += logM[c]![g - 1]!;
        lu += logU[c]![g - 1]!;
      }
      const post = pats.counts[p]! / (1 + Math.exp(lu - lm));
      matched += post;
      for (let c = 0; c < C; c++) {
        const g = pats.levels[p * C + c]!;
        if (g !== 0) acc[c]![g - 1]! += post;
      }
    }
    let change = Math.abs(matched / total - lambda);
    lambda = Math.min(1 - 1e-9, Math.max(1e-9, matched / total));
    expected = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      if (input.excluded.has(c)) continue;
      const sum = acc[c]!.reduce((s, x) => s + x, 0);
      expected[c] = sum;
      const prior = input.priorM?.[c];
      if (sum <= 0 && !prior) continue;
      const L = acc[c]!.length;
      const strength = prior ? (input.priorStrength ?? DEFAULT_PRIOR_STRENGTH) : 1e-3 * L;
      for (let l = 0; l < L; l++) {
        // The pseudo-counts also keep every m above 0, so no level becomes an absolute veto.
        const next = (acc[c]![l]! + strength * (prior ? prior[l]! : 1 / L)) / (sum + strength);
        change = Math.max(change, Math.abs(next - m[c]![l]!));
        m[c]![l] = next;
      }
    }
    if (change < tolerance) return { m, lambda, iterations: it, converged: true, expectedMatches: expected };
  }
  return { m, lambda, iterations: maxIterations, converged: false, expectedMatches: expected };
}
