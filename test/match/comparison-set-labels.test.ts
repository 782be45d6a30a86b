/**
 * Comparison sets are immutable once a model may have been trained on them: a stored model's m/u
 * belong to exactly these levels, in this order. Changing a level (adding, removing, renaming or
 * reordering one) must come with a new DEFAULT_COMPARISON_SET_VERSION — then update this pin, and
 * stored models of the old version are retrained (the next ingest trains a new model when the
 * active one no longer parses: mdm/matching/auto-train.ts).
 */
import { describe, expect, it } from 'vitest';
import { levelLabels } from '../../src/match/comparisons.js';
import { DEFAULT_COMPARISON_SET_VERSION, defaultComparisons } from '../../src/match/settings.js';

const PINNED: Record<number, Record<string, string[]>> = {
  2: {
    givenName: [
      'missing',
      'exact',
      'nickname',
      'jaro-winkler>=0.92',
      'swapped given/family',
      'phonetic',
      'jaro-winkler>=0.8',
      'initial',
      'else',
    ],
    familyName: [
      'missing',
      'exact',
      'jaro-winkler>=0.92',
      'swapped given/family',
      'phonetic',
      'jaro-winkler>=0.8',
      'initial',
      'else',
    ],
    middleName: ['missing', 'exact', 'initial', 'else'],
    gender: ['missing', 'exact', 'else'],
    organization: [
      'missing',
      'exact',
      'jaro-winkler>=0.92',
      'token overlap >= 0.75',
      'fuzzy token overlap >= 0.5',
      'jaro-winkler>=0.8',
      'one shared word',
      'else',
    ],
    dateOfBirth: [
      'missing',
      'exact',
      'day/month transposed',
      'one component off',
      'one digit off',
      'same year',
      'else',
    ],
    address: ['missing', 'exact', 'house number and street', 'same street', 'jaro-winkler>=0.85', 'else'],
    locality: ['missing', 'exact', 'jaro-winkler>=0.88', 'else'],
    postalCode: ['missing', 'exact', 'one edit', 'else'],
    phone: ['missing', 'exact', 'same last 7 digits', 'one edit or transposition', 'else'],
    email: ['missing', 'exact', 'same local part', 'jaro-winkler>=0.88', 'else'],
    nationalId: ['missing', 'exact', 'one edit or transposition', 'else'],
  },
};

describe('comparison set levels', () => {
  it('are pinned per set version', () => {
    const pinned = PINNED[DEFAULT_COMPARISON_SET_VERSION];
    expect(pinned, `pin the labels of comparison set v${DEFAULT_COMPARISON_SET_VERSION} here`).toBeDefined();
    const labels = Object.fromEntries(defaultComparisons().map((d) => [d.name, levelLabels(d)]));
    expect(labels).toEqual(pinned);
  });
});
