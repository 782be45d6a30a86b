/**
 * Match weight (prior log-odds + sum of log2 Bayes factors, with term-frequency adjustment on exact
 * levels) and match probability. `scorePair` serves one pair; `compareBatch` + `scoreBatch` serve
 * millions: levels go into one Uint8Array (pairs × comparisons) and weights into a Float64Array,
 * with no object per pair.
 */
import type { StdRecord } from '../standardize/types.js';
import { levelOf, type ComparisonDef } from './comparisons.js';
import {
  compileModel,
  fullNameAdjustment,
  probabilityOf,
  tfAdjustment,
  type CompiledModel,
  type MatchModel,
} from './model.js';

export interface PairScore {
  weight: number;
  probability: number;
}

/** Weight and probability of one pair under a model. */
export function scorePair(model: MatchModel, a: StdRecord, b: StdRecord): PairScore {
  const cm = compileModel(model);
  let weight = cm.priorWeight;
  for (let c = 0; c < cm.defs.length; c++) {
    const def = cm.defs[c]!;
    const level = levelOf(def, a, b);
    weight += cm.weights[c]![level]!;
    if (level === 1 && cm.tf[c]) weight += tfAdjustment(cm, c, def.get(a)!);
  }
  weight += pairFullNameBits(cm, a, b);
  return { weight, probability: probabilityOf(weight) };
}

/** The full-name adjustment of a pair: non-zero only when both name parts are equal. */
export function pairFullNameBits(cm: CompiledModel, a: StdRecord, b: StdRecord): number {
  if (!cm.fullName || a.givenName === null || a.familyName === null) return 0;
  if (a.givenName !== b.givenName || a.familyName !== b.familyName) return 0;
  return fullNameAdjustment(cm, a.givenName, a.familyName);
}

/** Candidate pairs as two parallel arrays of record indices. */
export interface PairList {
  left: Int32Array;
  right: Int32Array;
  length: number;
}

/** Comparison levels of every pair: gamma[p * C + c]. */
export function compareBatch(
  defs: readonly ComparisonDef[],
  records: readonly StdRecord[],
  pairs: PairList,
  onProgress?: (done: number) => void,
): Uint8Array {
  const C = defs.length;
  const gamma = new Uint8Array(pairs.length * C);
  for (let p = 0; p < pairs.length; p++) {
    const a = records[pairs.left[p]!]!;
    const b = records[pairs.right[p]!]!;
    const base = p * C;
    for (let c = 0; c < C; c++) gamma[base + c] = levelOf(defs[c]!, a, b);
    if (onProgress && (p & 0xffff) === 0) onProgress(p);
  }
  return gamma;
}

/**
 * Per TF-adjusted comparison, the adjustment bits of each record's own value (0 elsewhere); at index
 * `defs.length` (one past the comparisons), each record's full-name adjustment, applied to a pair
 * whose given and family names are both at level 1 (exact).
 */
export function recordTfBits(cm: CompiledModel, records: readonly StdRecord[]): Array<Float32Array | null> {
  const byComparison = cm.defs.map((def, c) => {
    if (!cm.tf[c]) return null;
    const bits = new Float32Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const v = def.get(records[i]!);
      if (v !== null) bits[i] = tfAdjustment(cm, c, v);
    }
    return bits;
  });
  return [...byComparison, fullNameBits(cm, records)];
}

function fullNameBits(cm: CompiledModel, records: readonly StdRecord[]): Float32Array | null {
  if (!cm.fullName) return null;
  const bits = new Float32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.givenName !== null && r.familyName !== null) bits[i] = fullNameAdjustment(cm, r.givenName, r.familyName);
  }
  return bits;
}

/** Match weights of all pairs from their levels (TF adjustment where the level is exact). */
export function scoreBatch(
  cm: CompiledModel,
  gamma: Uint8Array,
  pairs: PairList,
  tfBits: Array<Float32Array | null>,
): Float64Array {
  const C = cm.defs.length;
  const out = new Float64Array(pairs.length);
  const full = cm.fullName ? (tfBits[C] ?? null) : null;
  const g = cm.fullName?.given ?? 0;
  const f = cm.fullName?.family ?? 0;
  for (let p = 0; p < pairs.length; p++) {
    let w = cm.priorWeight;
    const base = p * C;
    for (let c = 0; c < C; c++) {
      const level = gamma[base + c]!;
      w += cm.weights[c]![level]!;
      if (level === 1) {
        const bits = tfBits[c];
        if (bits) w += bits[pairs.left[p]!]!;
      }
    }
    // Level 1 of both name parts is exact equality, so the pair shares the left record's full name.
    if (full && gamma[base + g] === 1 && gamma[base + f] === 1) w += full[pairs.left[p]!]!;
    out[p] = w;
  }
  return out;
}
