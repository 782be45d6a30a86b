/**
 * Match weight (prior log-odds + sum of log2 Bayes factors, with term-frequency adjustment on exact
 * levels) and match probability. `scorePair` serves one pair; `compareBatch` + `scoreBatch` serve
 * millions: levels go into one Uint8Array (pairs × comparisons) and weights into a Float64Array,
 * with no object per pair.
 */
import type { StdRecord } from '../standardize/types.js';
import { levelOf, type ComparisonDef } from './comparisons.js';
import { compileModel, probabilityOf, tfAdjustment, type CompiledModel, type MatchModel } from './model.js';

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
  return { weight, probability: probabilityOf(weight) };
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

/** Per TF-adjusted comparison, the adjustment bits of each record's own value (0 elsewhere). */
export function recordTfBits(cm: CompiledModel, records: readonly StdRecord[]): Array<Float32Array | null> {
  return cm.defs.map((def, c) => {
    if (!cm.tf[c]) return null;
    const bits = new Float32Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const v = def.get(records[i]!);
      if (v !== null) bits[i] = tfAdjustment(cm, c, v);
    }
    return bits;
  });
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
    out[p] = w;
  }
  return out;
}
