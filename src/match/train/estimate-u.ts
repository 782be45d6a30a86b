/**
 * u probabilities from random pairs (Splink's estimate_u_using_random_sampling): among random pairs
 * almost none match, so level frequencies there estimate P(level | non-match). The exact level's u
 * is replaced by the value-frequency figure Σ f², and never-seen levels get half a count, so no u is 0.
 */
import type { StdRecord } from '../../standardize/types.js';
import { levelOf, type ComparisonDef } from '../comparisons.js';
import { priorLevels } from '../model.js';
import { mulberry32 } from './prng.js';
import { exactAgreementU, type ValueCounts } from './term-frequencies.js';

export interface URandomOptions {
  maxPairs?: number;
  seed?: number;
}

/** Per comparison, u by engine level without "missing" (index i = level i + 1). */
export function estimateU(
  defs: readonly ComparisonDef[],
  records: readonly StdRecord[],
  valueCounts: readonly ValueCounts[],
  options: URandomOptions = {},
): { u: number[][]; pairs: number } {
  const n = records.length;
  const counts = defs.map((d) => new Float64Array(d.levels.length + 2));
  const maxPairs = options.maxPairs ?? 400_000;
  const pairs = n < 2 ? 0 : Math.min(maxPairs, (n * (n - 1)) / 2);
  const rand = mulberry32(options.seed ?? 42);
  for (let k = 0; k < pairs; k++) {
    const i = Math.floor(rand() * n);
    let j = Math.floor(rand() * (n - 1));
    if (j >= i) j++;
    const a = records[i]!;
    const b = records[j]!;
    for (let c = 0; c < defs.length; c++) counts[c]![levelOf(defs[c]!, a, b)]!++;
  }
  const u = defs.map((def, c) => levelsFromCounts(def, counts[c]!, valueCounts[c]!));
  return { u, pairs };
}

/** Below this many non-missing random pairs the sample says too little: the definition's prior u stays. */
const MIN_OBSERVED = 100;

function levelsFromCounts(def: ComparisonDef, counts: Float64Array, vc: ValueCounts): number[] {
  const seen = counts.subarray(1).reduce((s, x) => s + x, 0);
  if (seen < MIN_OBSERVED) return priorLevels(def).map((l) => l.u);
  const observed = Array.from(counts.subarray(1)).map((x) => Math.max(x, 0.5));
  const total = observed.reduce((s, x) => s + x, 0);
  let u = observed.map((x) => x / total);
  if (def.exactFirst) {
    const exact = Math.max(exactAgreementU(vc), 0.5 / Math.max(1, vc.total * vc.total));
    const rest = 1 - u[0]!;
    u = u.map((x, i) => (i === 0 ? exact : (x * (1 - exact)) / rest));
  }
  return u;
}
