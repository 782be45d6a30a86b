/**
 * Unsupervised training of a Fellegi–Sunter model from blocked pairs (no labels), after Splink's
 * guidance and constrained so that it cannot learn the wrong thing:
 * - u from random pairs (and exact-level u from value frequencies);
 * - m by EM in one session per blocking rule, the rule's own fields left out of that session, each a
 *   MAP estimate shrunk towards the expert m; a session whose match class does not agree on names
 *   or date of birth is discarded; the others are averaged;
 * - monotonicity and strong disagreement imposed on the result (constraints.ts);
 * - term frequencies of the TF comparisons and of full names; the prior as a fixed point;
 * - a sanity check against the expert m, falling back to them (with the data's u) when degenerate.
 */
import type { StdRecord } from '../../standardize/types.js';
import type { CandidatePairs } from '../blocking.js';
import type { ComparisonDef } from '../comparisons.js';
import {
  compileModel,
  DEFAULT_THRESHOLDS,
  FULL_NAME_TF,
  fullNameOf,
  logOdds,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  priorLevels,
  type MatchModel,
  type ModelComparison,
  type TermFrequencies,
  type TrainingStats,
} from '../model.js';
import { recordTfBits, scoreBatch } from '../score.js';
import { comparisonSet, DEFAULT_COMPARISON_SET, DEFAULT_COMPARISON_SET_VERSION } from '../settings.js';
import { constrainM } from './constraints.js';
import { runEm } from './em.js';
import { estimateU } from './estimate-u.js';
import { estimatePrior } from './prior.js';
import { contestedMerges, identityProblems, MAX_CONTESTED_MERGES } from './sanity.js';
import { countValues, termFrequencyTable, type ValueCounts } from './term-frequencies.js';

export interface TrainOptions {
  randomPairs?: number;
  /** Pairs per EM session at most (a stride sample beyond). */
  maxSessionPairs?: number;
  minSessionPairs?: number;
  /** Pseudo-matches of the Dirichlet prior on m (see em.ts). */
  priorStrength?: number;
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

interface Sessions {
  m: number[][];
  stats: TrainingStats['sessions'];
}

/** EM per blocking rule, MAP towards the expert m; degenerate sessions left out of the average. */
function estimateM(
  defs: readonly ComparisonDef[],
  cands: CandidatePairs,
  gamma: Uint8Array,
  u: number[][],
  expertM: number[][],
  options: TrainOptions,
): Sessions {
  const sums = expertM.map((l) => l.map(() => 0));
  const runs = defs.map(() => 0);
  const stats: TrainingStats['sessions'] = [];
  cands.rules.forEach((rule, r) => {
    const pairs = sessionPairs(cands, r, options.maxSessionPairs ?? 300_000);
    if (pairs.length < (options.minSessionPairs ?? 30)) return;
    const excluded = new Set(defs.flatMap((d, c) => (d.fields.some((f) => rule.fields.includes(f)) ? [c] : [])));
    const res = runEm({
      gamma,
      comparisons: defs.length,
      pairs,
      excluded,
      m: expertM,
      u,
      lambda: 0.3,
      priorM: expertM,
      priorStrength: options.priorStrength,
    });
    const problems = identityProblems(defs, res.m, expertM, excluded);
    const { iterations, converged, lambda } = res;
    stats.push({ rule: rule.name, pairs: pairs.length, iterations, converged, lambda });
    if (problems.length > 0) {
      stats[stats.length - 1]!.discarded = problems.join('; ');
      return;
    }
    defs.forEach((_, c) => {
      if (excluded.has(c)) return;
      runs[c]!++;
      res.m[c]!.forEach((x, l) => (sums[c]![l]! += x));
    });
  });
  const m = sums.map((l, c) => (runs[c]! > 0 ? l.map((x) => x / runs[c]!) : expertM[c]!));
  return { m, stats };
}

function levelsOf(defs: readonly ComparisonDef[], m: number[][], u: number[][]): ModelComparison[] {
  return defs.map((d, c) => {
    const constrained = constrainM(d, m[c]!, u[c]!);
    return {
      name: d.name,
      levels: priorLevels(d).map((l, i) => ({ label: l.label, m: clampP(constrained[i]!), u: clampP(u[c]![i]!) })),
    };
  });
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
  const expertM = defs.map((d) => priorLevels(d).map((l) => l.m));
  const sessions = estimateM(defs, cands, gamma, u, expertM, options);
  const model: MatchModel = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    comparisonSet: DEFAULT_COMPARISON_SET,
    comparisonSetVersion: DEFAULT_COMPARISON_SET_VERSION,
    prior: 1e-4,
    thresholds: { ...(options.thresholds ?? DEFAULT_THRESHOLDS) },
    comparisons: levelsOf(defs, sessions.m, u),
    termFrequencies: termFrequencies(defs, valueCounts, records),
    training: null,
  };
  const expert: MatchModel = { ...model, comparisons: levelsOf(defs, expertM, u) };
  const trained = fitPrior(model, records, cands, gamma);
  const reference = fitPrior(expert, records, cands, gamma);
  const problems = identityProblems(defs, sessions.m, expertM);
  const contested = contestedMerges(trained.weights, logOdds(model.thresholds.merge), reference.bayesBits);
  if (contested.merges > 0 && contested.contested / contested.merges > MAX_CONTESTED_MERGES)
    problems.push(
      `${contested.contested} of ${contested.merges} trained merges have evidence the expert model reads as against a match`,
    );
  const fellBack = problems.length > 0;
  // Sessions left out are worth a warning even when the combined model is sound.
  const warnings = sessions.stats.flatMap((st) =>
    st.discarded ? [`session ${st.rule} left out: ${st.discarded}`] : [],
  );
  const chosen = fellBack ? expert : model;
  const fit = fellBack ? reference : trained;
  chosen.prior = fit.prior;
  chosen.training = {
    trainedAt: (options.now ?? new Date()).toISOString(),
    records: records.length,
    candidatePairs: cands.length,
    randomPairs,
    sessions: sessions.stats,
    priorIterations: fit.iterations,
    sanity: { ok: !fellBack && warnings.length === 0, fellBack, problems: [...problems, ...warnings] },
  };
  return chosen;
}

function termFrequencies(defs: readonly ComparisonDef[], valueCounts: ValueCounts[], records: readonly StdRecord[]) {
  const tables = Object.fromEntries(
    defs.flatMap((d, c) => (d.termFrequency ? [[d.name, termFrequencyTable(valueCounts[c]!)]] : [])),
  );
  return { ...tables, [FULL_NAME_TF]: fullNameHolders(records) };
}

/**
 * Full names held by several people: value = (holders − 1) / people, the chance that another person
 * bears the name. Holders are told apart by birth year, or by locality where a record has none,
 * since counting records would count one person's own duplicates as namesakes (every duplicated
 * name would look frequent); a name needs MIN_HOLDERS, so one person's typed-wrong year or move
 * does not make a namesake. Records with neither are not counted.
 */
function fullNameHolders(records: readonly StdRecord[]): TermFrequencies {
  const holders = new Map<string, Set<string>>();
  let people = 0;
  for (const r of records) {
    const name = fullNameOf(r.givenName, r.familyName);
    const who = r.birthYear !== null ? String(r.birthYear) : r.locality === null ? null : `@${r.locality}`;
    if (name === null || who === null) continue;
    let set = holders.get(name);
    if (!set) holders.set(name, (set = new Set()));
    if (!set.has(who)) {
      set.add(who);
      people++;
    }
  }
  const shared = [...holders.entries()].filter(([, s]) => s.size >= MIN_HOLDERS).sort((a, b) => b[1].size - a[1].size);
  const values: Record<string, number> = {};
  for (const [name, s] of shared.slice(0, MAX_FULL_NAMES)) values[name] = (s.size - 1) / people;
  return { total: people, values };
}

/** Distinct holders a full name needs before it counts as shared. */
const MIN_HOLDERS = 3;

/** Most frequent shared full names kept in the model (the rest get no full-name adjustment). */
const MAX_FULL_NAMES = 20_000;

const clampP = (p: number): number => Math.min(1 - 1e-9, Math.max(1e-9, p));

/** The model's prior fitted on the candidates; its weights (with that prior) and Bayes bits (without). */
function fitPrior(model: MatchModel, records: readonly StdRecord[], cands: CandidatePairs, gamma: Uint8Array) {
  // A copy: compiled models are cached per object, and the caller changes `prior` afterwards.
  const cm = compileModel({ ...model });
  const bayesBits = scoreBatch(cm, gamma, cands, recordTfBits(cm, records));
  for (let p = 0; p < bayesBits.length; p++) bayesBits[p] = bayesBits[p]! - cm.priorWeight;
  const n = records.length;
  const { prior, iterations } = estimatePrior(bayesBits, (n * (n - 1)) / 2);
  const shift = logOdds(prior);
  const weights = bayesBits.map((b) => b + shift);
  return { prior, iterations, weights, bayesBits };
}
