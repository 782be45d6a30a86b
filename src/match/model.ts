/**
 * The Fellegi–Sunter model as a versioned JSON document, the untrained default, and its compiled
 * form (weights as typed arrays, TF tables as maps) used by scoring and explanation.
 */
import { levelLabels, type ComparisonDef } from './comparisons.js';
import { comparisonSet, DEFAULT_COMPARISON_SET } from './settings.js';

export const MODEL_FORMAT = 'identity-hub.match-model';
export const MODEL_FORMAT_VERSION = 1;

export interface ModelLevel {
  label: string;
  /** P(level | match) and P(level | non-match), both among pairs where neither value is missing. */
  m: number;
  u: number;
}

/** Levels in engine order without "missing" (index i is engine level i + 1). */
export interface ModelComparison {
  name: string;
  levels: ModelLevel[];
}

/** Relative frequency of each value among non-missing values; unlisted values count as seen once. */
export interface TermFrequencies {
  total: number;
  values: Record<string, number>;
}

export interface TrainingStats {
  trainedAt: string;
  records: number;
  candidatePairs: number;
  randomPairs: number;
  sessions: Array<{ rule: string; pairs: number; iterations: number; converged: boolean; lambda: number }>;
  priorIterations: number;
}

export interface MatchModel {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  comparisonSet: string;
  /** Probability that two records drawn at random are the same entity. */
  prior: number;
  /** Match probability at or above `merge` links automatically; between `review` and `merge` goes to review. */
  thresholds: { merge: number; review: number };
  comparisons: ModelComparison[];
  termFrequencies: Record<string, TermFrequencies>;
  training: TrainingStats | null;
}

export const DEFAULT_THRESHOLDS = Object.freeze({ merge: 0.5, review: 0.2 });

/** Bound on one term-frequency adjustment (bits), so one very rare or very common value cannot dominate. */
export const MAX_TF_ADJUSTMENT = 6;

function normalise(values: number[]): number[] {
  const sum = values.reduce((s, v) => s + v, 0);
  return values.map((v) => v / sum);
}

/** Model levels from the definitions' prior m/u. */
export function priorLevels(def: ComparisonDef): ModelLevel[] {
  const m = normalise([...def.levels.map((l) => l.m), def.elseM]);
  const u = normalise([...def.levels.map((l) => l.u), def.elseU]);
  return levelLabels(def)
    .slice(1)
    .map((label, i) => ({ label, m: m[i]!, u: u[i]! }));
}

/** An untrained model with sensible prior m/u, usable before any training (real-time start-up). */
export function defaultModel(): MatchModel {
  const defs = comparisonSet(DEFAULT_COMPARISON_SET)!;
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    comparisonSet: DEFAULT_COMPARISON_SET,
    prior: 1e-4,
    thresholds: { ...DEFAULT_THRESHOLDS },
    comparisons: defs.map((d) => ({ name: d.name, levels: priorLevels(d) })),
    termFrequencies: {},
    training: null,
  };
}

export interface CompiledModel {
  model: MatchModel;
  defs: ComparisonDef[];
  /** Per comparison, log2(m/u) by engine level (index 0, missing, is 0). */
  weights: Float64Array[];
  priorWeight: number;
  /** Per comparison, the u of its exact level when TF-adjusted (else 0). */
  tfExactU: Float64Array;
  tf: Array<Map<string, number> | null>;
  tfMin: Float64Array;
}

const compiled = new WeakMap<MatchModel, CompiledModel>();

export function logOdds(p: number): number {
  return Math.log2(p / (1 - p));
}

export function probabilityOf(weight: number): number {
  const odds = 2 ** weight;
  return odds === Infinity ? 1 : odds / (1 + odds);
}

/** Compiles (and caches per model object) a validated model. Throws only on a model that failed `parseModel`. */
export function compileModel(model: MatchModel): CompiledModel {
  const hit = compiled.get(model);
  if (hit) return hit;
  const defs = comparisonSet(model.comparisonSet);
  if (!defs) throw new Error(`unknown comparison set ${model.comparisonSet}`);
  const byName = new Map(model.comparisons.map((c) => [c.name, c]));
  const weights = defs.map((d) => {
    const levels = byName.get(d.name)?.levels ?? priorLevels(d);
    const w = new Float64Array(levels.length + 1);
    levels.forEach((l, i) => (w[i + 1] = Math.log2(l.m / l.u)));
    return w;
  });
  const tfExactU = new Float64Array(defs.length);
  const tfMin = new Float64Array(defs.length);
  const tf = defs.map((d, i) => {
    const table = model.termFrequencies[d.name];
    if (!d.termFrequency || !d.exactFirst || !table) return null;
    tfExactU[i] = byName.get(d.name)?.levels[0]?.u ?? 0;
    tfMin[i] = 1 / Math.max(1, table.total);
    return new Map(Object.entries(table.values));
  });
  const result = { model, defs, weights, priorWeight: logOdds(model.prior), tfExactU, tf, tfMin };
  compiled.set(model, result);
  return result;
}

/** Bits added to an exact-level weight for this value: log2(u_exact / frequency(value)), bounded. */
export function tfAdjustment(cm: CompiledModel, c: number, value: string): number {
  const table = cm.tf[c];
  if (!table) return 0;
  const freq = table.get(value) ?? cm.tfMin[c]!;
  const bits = Math.log2(cm.tfExactU[c]! / freq);
  return Math.max(-MAX_TF_ADJUSTMENT, Math.min(MAX_TF_ADJUSTMENT, bits));
}
