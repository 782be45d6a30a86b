/**
 * The evidence policy for one pair, as the real-time path needs it: the same `mergeBlockReason` the
 * batch pipeline applies to its pair vectors, on the levels of two standardised records. Generic
 * values are those known by rule (role mailboxes, placeholder ids); the batch also learns them from
 * frequencies, which one upsert cannot see.
 */
import type { StdRecord } from '../standardize/types.js';
import { levelOf } from './comparisons.js';
import { mergeBlockReason, REJECT_REASONS } from './evidence-policy.js';
import { isRuleGeneric } from './generic-values.js';
import { compileModel, type MatchModel } from './model.js';
import { scorePair, type PairScore } from './score.js';

export interface PairPolicy {
  /** Why an automatic merge is refused (null: allowed). */
  blockReason: string | null;
  /** The refusal keeps the pair apart without a review task (a contradicting name). */
  rejected: boolean;
}

export function pairPolicy(model: MatchModel, a: StdRecord, b: StdRecord): PairPolicy {
  const cm = compileModel(model);
  const levels = cm.defs.map((def) => levelOf(def, a, b));
  const isGeneric = (c: number): boolean => {
    const def = cm.defs[c]!;
    return [def.get(a), def.get(b)].some((v) => v !== null && isRuleGeneric(def.name, v));
  };
  const blockReason = mergeBlockReason(cm, levels, isGeneric);
  return { blockReason, rejected: blockReason !== null && REJECT_REASONS.has(blockReason) };
}

/**
 * Score and policy of one pair: what every real-time path (a single upsert, a bulk chunk) decides
 * on, so no path can score a pair without the policy the batch applies.
 */
export function judgePair(model: MatchModel, a: StdRecord, b: StdRecord): PairScore & PairPolicy {
  return { ...scorePair(model, a, b), ...pairPolicy(model, a, b) };
}
