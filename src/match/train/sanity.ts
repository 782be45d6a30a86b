/**
 * Sanity check of trained m against the expert model. EM finds *a* two-class split of the pairs; on
 * data where most candidate pairs are different people of one town or household, that split can be
 * "same place" rather than "same person" (the match class then barely agrees on names). Two signs:
 * - an identity comparison (name part, date of birth) whose trained m(exact) fell below half the
 *   expert's: the learnt match class is not a class of people who share a name;
 * - the trained model merges many pairs whose evidence the expert m (same u and frequencies) reads
 *   as against a match.
 */
import type { ComparisonDef } from '../comparisons.js';

/** Trained m(exact) below this share of the expert m(exact) marks an identity comparison as degenerate. */
export const MIN_EXACT_SHARE = 0.25;

/** Share of trained merges the expert reading finds against a match above which the model is degenerate. */
export const MAX_CONTESTED_MERGES = 0.05;

/** Problems of trained m (per comparison, levels without "missing"), skipping `skip` comparisons. */
export function identityProblems(
  defs: readonly ComparisonDef[],
  m: readonly (readonly number[])[],
  expertM: readonly (readonly number[])[],
  skip: ReadonlySet<number> = new Set(),
): string[] {
  const out: string[] = [];
  defs.forEach((d, c) => {
    if (d.maxElseBits === null || !d.exactFirst || skip.has(c)) return;
    const trained = m[c]![0]!;
    const expert = expertM[c]![0]!;
    if (trained < expert * MIN_EXACT_SHARE)
      out.push(
        `${d.name}: trained share of matches agreeing exactly ${trained.toFixed(3)} < ${MIN_EXACT_SHARE} x expert ${expert.toFixed(3)}`,
      );
  });
  return out;
}

/**
 * Merges contested by the expert reading: among pairs the trained model merges (weight ≥ merge bits),
 * the share whose expert Bayes factor (field weights, no prior) is negative.
 */
export function contestedMerges(
  trainedWeights: Float64Array,
  mergeBits: number,
  expertBayesBits: Float64Array,
): { merges: number; contested: number } {
  let merges = 0;
  let contested = 0;
  for (let p = 0; p < trainedWeights.length; p++) {
    if (trainedWeights[p]! < mergeBits) continue;
    merges++;
    if (expertBayesBits[p]! < 0) contested++;
  }
  return { merges, contested };
}
