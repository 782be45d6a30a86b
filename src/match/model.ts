/**
 * The Fellegi–Sunter model as a versioned JSON document, the untrained default, and its compiled
 * form (weights as typed arrays, TF tables as maps) used by scoring and explanation.
 */
import { levelLabels, type ComparisonDef } from './comparisons.js';
import { comparisonSet, DEFAULT_COMPARISON_SET, DEFAULT_COMPARISON_SET_VERSION } from './settings.js';

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

/**
 * Key of the term-frequency table of full person names (given + family): a frequent full name
 * (David Smith, 王芳) is weak evidence even where its parts are individually less so.
 */
export const FULL_NAME_TF = 'fullName';

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
  sessions: Array<{
    rule: string;
    pairs: number;
    iterations: number;
    converged: boolean;
    lambda: number;
    /** Why the session's m were left out of the combination (its match class was not "same person"). */
    discarded?: string;
  }>;
  priorIterations: number;
  /** The check of the trained m against the expert model; `fellBack` when the expert m were used instead. */
  sanity: TrainingSanity;
}

export interface TrainingSanity {
  /** No problem found: no session left out and no fall-back. */
  ok: boolean;
  /** True when EM's m were degenerate and the model uses the expert m (with the data's u and TF). */
  fellBack: boolean;
  /** Human-readable findings: why the model fell back, and which EM sessions were left out and why. */
  problems: string[];
}

export interface MatchModel {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  comparisonSet: string;
  /** Version of the set the model was trained on (a model of an older version must be retrained). */
  comparisonSetVersion: number;
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
  const m = normalise([...def.levels.map((l) => l.m), def.elsePrior.m]);
  const u = normalise([...def.levels.map((l) => l.u), def.elsePrior.u]);
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
    comparisonSetVersion: DEFAULT_COMPARISON_SET_VERSION,
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
  /** Full-name frequencies, applied when both name parts agree exactly (null without a table). */
  fullName: FullNameTf | null;
}

export interface FullNameTf {
  given: number;
  family: number;
  table: Map<string, number>;
}

function compileFullNameTf(model: MatchModel, defs: readonly ComparisonDef[]): FullNameTf | null {
  const table = model.termFrequencies[FULL_NAME_TF];
  const given = defs.findIndex((d) => d.name === 'givenName');
  const family = defs.findIndex((d) => d.name === 'familyName');
  if (!table || given < 0 || family < 0) return null;
  return { given, family, table: new Map(Object.entries(table.values)) };
}

/** The full-name key of a record ("given family"), or null when a part is missing. */
export function fullNameOf(given: string | null, family: string | null): string | null {
  return given && family ? `${given} ${family}` : null;
}

/**
 * Bits added when both name parts agree exactly, on top of the parts' own TF adjustments: the parts'
 * adjustments assume the two are independent (frequency f_given · f_family); a full name more
 * frequent than that (a common pairing such as 王芳, or a family of namesakes) takes the difference
 * off. Never positive: a rare pairing of common parts adds no evidence of its own.
 */
export function fullNameAdjustment(cm: CompiledModel, given: string, family: string): number {
  const fn = cm.fullName;
  if (!fn) return 0;
  const full = fn.table.get(`${given} ${family}`);
  if (full === undefined) return 0;
  const g = cm.tf[fn.given];
  const f = cm.tf[fn.family];
  // Both tables come from the same training; without them the parts carry no frequency to correct.
  if (!g || !f) return 0;
  const bits = Math.log2(((g.get(given) ?? cm.tfMin[fn.given]!) * (f.get(family) ?? cm.tfMin[fn.family]!)) / full);
  return Math.max(-MAX_TF_ADJUSTMENT, Math.min(0, bits));
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
    // Agreement of a conflict-only comparison (gender) is no evidence of identity.
    if (d.conflictOnly) for (let i = 1; i < w.length; i++) w[i] = Math.min(0, w[i]!);
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
  const result = {
    model,
    defs,
    weights,
    priorWeight: logOdds(model.prior),
    tfExactU,
    tf,
    tfMin,
    fullName: compileFullNameTf(model, defs),
  };
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
