import { describe, expect, it } from 'vitest';
import { corruptionKinds, evaluateByKind, evaluateHouseholds, evaluateReview } from './evaluation-breakdown.js';

describe('evaluateReview', () => {
  // Entity X = records 0,1,2 split into clusters a (0,1) and b (2); entity Y = 3 in c, Z = 4 in d.
  const predicted = ['a', 'a', 'b', 'c', 'd'];
  const truth = ['X', 'X', 'X', 'Y', 'Z'];
  it('counts a true pair found when a review pair joins its two clusters', () => {
    const r = evaluateReview(predicted, truth, [
      [1, 2],
      [3, 4],
    ]);
    expect(r.recallWithReview).toBe(1);
    expect(r.reviewPrecision).toBe(0.5);
    expect(r.reviewPairsPer1000Records).toBe(400);
  });
  it('without review, recall with review is the clusters recall', () => {
    const r = evaluateReview(predicted, truth, []);
    expect(r.recallWithReview).toBeCloseTo(1 / 3);
    expect(r.reviewPairs).toBe(0);
  });
  it('a review pair between other clusters does not help', () => {
    expect(evaluateReview(predicted, truth, [[2, 3]]).recallWithReview).toBeCloseTo(1 / 3);
  });
});

describe('evaluateByKind', () => {
  it('splits recall and precision by the kinds on either record of a pair', () => {
    // X = 0,1 (1 has a typo) merged; Y = 2,3 (3 moved) not merged; 4 (W) merged wrongly with 2.
    const predicted = ['a', 'a', 'b', 'c', 'b'];
    const truth = ['X', 'X', 'Y', 'Y', 'W'];
    const kinds = [[], ['typo'], [], ['address_move'], []];
    const r = evaluateByKind(predicted, truth, kinds);
    expect(r.typo).toMatchObject({ truePairs: 1, found: 1, recall: 1, predictedPairs: 1, precision: 1 });
    expect(r.address_move).toMatchObject({ truePairs: 1, found: 0, recall: 0, predictedPairs: 0 });
    expect(r.none).toMatchObject({ truePairs: 0, predictedPairs: 1, found: 0, precision: 0 });
  });
  it('reads kinds from the truth column', () => {
    expect(corruptionKinds('typo:given_name;typo:family_name;address_move')).toEqual(['typo', 'address_move']);
    expect(corruptionKinds('')).toEqual([]);
  });
});

describe('evaluateHouseholds', () => {
  it('counts pairs of different people of one household put in one cluster', () => {
    // Household H: people P (0,1) and Q (2); Q merged with P's record 1.
    const r = evaluateHouseholds(['a', 'b', 'b', 'c'], ['P', 'P', 'Q', 'R'], ['H', 'H', 'H', 'R']);
    expect(r).toEqual({ pairs: 2, merged: 1, keptApart: 1 });
  });
});
