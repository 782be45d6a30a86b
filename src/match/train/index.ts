/**
 * Unsupervised training of a Fellegi–Sunter model from blocked pairs (no labels):
 * u from random pairs, m by EM in one session per blocking rule (fields of the rule left out and
 * the session estimates averaged, as Splink does), term frequencies from the records, and the prior
 * as the fixed point of the expected number of matches over all pairs.
 */
import type { StdRecord } from '../../standardize/types.js';
import type { CandidatePairs } from '../blocking.js';
import {
  compileModel,
  DEFAULT_THRESHOLDS,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  priorLevels,
  type MatchModel,
  type TrainingStats,
} from '../model.js';
import { recordTfBits, scoreBatch } from '../score.js';
import { comparisonSet, DEFAULT_COMPARISON_SET } from '../settings.js';
import { runEm } from './em.js';
import { estimateU } from './estimate-u.js';
import { estimatePrior } from './prior.js';
import { countValues, termFrequencyTable } from './term-frequencies.js';

export interface TrainOptions {
  randomPairs?: number;
  /** Pairs per EM session at most (a stride sample beyond). */
  maxSessionPairs?: number;
  minSessionPairs?: number;
  seed?: number;
  thresholds?: { merge: number; review: number };
  now?: Date;
}

function sessionPairs(cands: CandidatePairs, r: number, max: number): number[] {
  const out: number[] = [];
  const bit = 1 << r;
  for (let p = 0; p < cands.length; p++) if (cands.ruleMask[p]! & bit) out.push(p);
  if (out.length <= max) return out;
  const stride = out.length / max;
  return Array.from({ length: max }, (_, k) => out[Math.floor(k * stride)]!);
}

/** Trains a model on records and their candidate pairs whose levels (`gamma`) are already computed. */
export function trainModel(
  records: readonly StdRecord[],
  cands: CandidatePairs,
  gamma: Uint8Array,
  options: TrainOptions = {},
): MatchModel {
  const defs = comparisonSet(DEFAULT_COMPARISON_SET)!;
  const valueCounts = defs.map((d) => countValues(d, records));
  const { u, pairs: randomPairs } = estimateU(defs, records, valueCounts, {
    maxPairs: options.randomPairs,
    seed: options.seed,
  });
  const start = defs.map((d) => priorLevels(d).map((l) => l.m));
  const sums = start.map((l) => l.map(() => 0));
  const runs = defs.map(() => 0);
  const sessions: TrainingStats['sessions'] = [];
  cands.rules.forEach((rule, r) => {
    const pairs = sessionPairs(cands, r, options.maxSessionPairs ?? 300_000);
    if (pairs.length < (options.minSessionPairs ?? 30)) return;
    const excluded = new Set(defs.flatMap((d, c) => (d.fields.some((f) => rule.fields.includes(f)) ? [c] : [])));
    const res = runEm({ gamma, comparisons: defs.length, pairs, excluded, m: start, u, lambda: 0.3 });
    sessions.push({
      rule: rule.name,
      pairs: pairs.length,
      iterations: res.iterations,
      converged: res.converged,
      lambda: res.lambda,
    });
    defs.forEach((_, c) => {
      if (excluded.has(c)) return;
      runs[c]!++;
      res.m[c]!.forEach((x, l) => (sums[c]![l]! += x));
    });
  });
  const m = sums.map((l, c) => (runs[c]! > 0 ? l.map((x) => x / runs[c]!) : start[c]!));
  const model: MatchModel = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    comparisonSet: DEFAULT_COMPARISON_SET,
    prior: 1e-4,
    thresholds: { ...(options.thresholds ?? DEFAULT_THRESHOLDS) },
    comparisons: defs.map((d, c) => ({
      name: d.name,
      levels: priorLevels(d).map((l, i) => ({ label: l.label, m: clampP(m[c]![i]!), u: clampP(u[c]![i]!) })),
    })),
    termFrequencies: Object.fromEntries(
      defs.flatMap((d, c) => (d.termFrequency ? [[d.name, termFrequencyTable(valueCounts[c]!)]] : [])),
    ),
    training: null,
  };
  const prior = fitPrior(model, records, cands, gamma);
  model.prior = prior.prior;
  model.training = {
    trainedAt: (options.now ?? new Date()).toISOString(),
    records: records.length,
    candidatePairs: cands.length,
    randomPairs,
    sessions,
    priorIterations: prior.iterations,
  };
  return model;
}

const clampP = (p: number): number => Math.min(1 - 1e-9, Math.max(1e-9, p));

function fitPrior(model: MatchModel, records: readonly StdRecord[], cands: CandidatePairs, gamma: Uint8Array) {
  // A copy: compiled models are cached per object, and the caller changes `prior` afterwards.
  const cm = compileModel({ ...model });
  const weights = scoreBatch(cm, gamma, cands, recordTfBits(cm, records));
  for (let p = 0; p < weights.length; p++) weights[p] = weights[p]! - cm.priorWeight;
  const n = records.length;
  return estimatePrior(weights, (n * (n - 1)) / 2);
}
