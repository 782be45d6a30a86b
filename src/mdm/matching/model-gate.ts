/**
 * The quality gate a retrained model passes before it replaces the active one: its decisions on a
 * sample of stored candidate pairs are compared with the active model's (merge / review / apart at
 * the configured thresholds), and it must agree with the stewards at least as well. A shift larger
 * than MODEL_GATE_MAX_SHIFT is held for an admin (POST /v1/models/{version}/promote) instead of
 * silently re-deciding that share of the customers.
 */
import type { BatchResult } from '../../batch/pipeline.js';
import { scorePair, type MatchModel } from '../../match/index.js';
import type { MdmSettings } from '../context.js';

/** Pairs re-scored by the gate: enough for a share to ±1 %, cheap next to training. */
const GATE_PAIRS = 5_000;

export interface GateReport {
  [key: string]: number | boolean | string;
  pairs: number;
  changed: number;
  /** changed / pairs. */
  shift: number;
  agreementActive: number;
  agreementNew: number;
  passed: boolean;
  reason: string;
}

type Band = 0 | 1 | 2;

function band(p: number, s: Pick<MdmSettings, 'matchUpperThreshold' | 'matchLowerThreshold'>): Band {
  return p >= s.matchUpperThreshold ? 2 : p >= s.matchLowerThreshold ? 1 : 0;
}

/** Pairs (of the training sample's blocked candidates) whose band differs between the two models. */
export function decisionShift(
  active: MatchModel,
  candidate: MatchModel,
  trained: Pick<BatchResult, 'records' | 'candidates'>,
  settings: Pick<MdmSettings, 'matchUpperThreshold' | 'matchLowerThreshold'>,
): { pairs: number; changed: number } {
  const total = trained.candidates.length;
  const step = Math.max(1, total / GATE_PAIRS);
  let pairs = 0;
  let changed = 0;
  for (let i = 0; i < total; i += step) {
    const k = Math.floor(i);
    const a = trained.records[trained.candidates.left[k]!]!;
    const b = trained.records[trained.candidates.right[k]!]!;
    pairs += 1;
    if (band(scorePair(active, a, b).probability, settings) !== band(scorePair(candidate, a, b).probability, settings))
      changed += 1;
  }
  return { pairs, changed };
}

/** The gate's verdict. `firstModel`: nothing trained is active yet, so there is nothing to shift from. */
export function gateVerdict(input: {
  firstModel: boolean;
  force: boolean;
  shift: { pairs: number; changed: number };
  agreementActive: number;
  agreementNew: number;
  maxShift: number;
}): GateReport {
  const shift = input.shift.pairs === 0 ? 0 : input.shift.changed / input.shift.pairs;
  const base = { ...input.shift, shift, agreementActive: input.agreementActive, agreementNew: input.agreementNew };
  if (input.firstModel) return { ...base, passed: true, reason: 'first trained model' };
  if (input.force) return { ...base, passed: true, reason: 'forced' };
  if (input.agreementNew < input.agreementActive)
    return { ...base, passed: false, reason: 'agrees less with the steward decisions than the active model' };
  if (shift > input.maxShift)
    return {
      ...base,
      passed: false,
      reason: `changes ${(shift * 100).toFixed(1)} % of sampled decisions: held for an admin`,
    };
  return { ...base, passed: true, reason: 'within the gate' };
}
