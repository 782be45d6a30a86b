import { describe, expect, it } from 'vitest';
import { clusterPairs } from '../../src/match/cluster.js';
import { compareBatch } from '../../src/match/score.js';
import { compileModel, defaultModel } from '../../src/match/model.js';
import { nameConflicts } from '../../src/match/name-conflict.js';
import type { StdRecord } from '../../src/standardize/types.js';
import { std } from './std.js';

function conflicts(a: Partial<StdRecord>, b: Partial<StdRecord>): number {
  const cm = compileModel(defaultModel());
  const pairs = { left: Int32Array.of(0), right: Int32Array.of(1), length: 1 };
  return nameConflicts(cm, compareBatch(cm.defs, [std(a), std(b)], pairs), pairs)[0]!;
}

const place = { addressLine: '3570 las vegas blvd s', locality: 'las vegas', phoneDigits: '7027317547' };

describe('name conflict', () => {
  it('flags organisations at one address whose names share nothing', () => {
    expect(conflicts({ ...place, organizationKey: 'palace court' }, { ...place, organizationKey: 'cafe roma' })).toBe(
      1,
    );
  });
  it('does not flag close organisation names', () => {
    expect(conflicts({ organizationKey: 'cafe roma' }, { organizationKey: 'cafe roma' })).toBe(0);
    expect(conflicts({ organizationKey: 'cafe roma' }, { organizationKey: 'caffe roma' })).toBe(0);
  });
  it('flags a different given name at one address, family name agreeing or not (a household)', () => {
    const anna = { givenName: 'anna', familyName: 'kowalski', ...place };
    expect(conflicts(anna, { ...anna, givenName: 'oluwaseun' })).toBe(1);
    expect(conflicts(anna, { ...anna, givenName: 'oluwaseun', familyName: 'harrington' })).toBe(1);
    expect(conflicts(anna, { ...anna, givenName: 'anya' })).toBe(0);
    expect(conflicts(anna, { ...anna, givenName: null })).toBe(0);
  });
  it('lets personal evidence lift the guard: national id, email, date of birth (not its year alone)', () => {
    const a = { givenName: 'anna', familyName: 'kowalski', nationalId: '6910821', dateOfBirth: '1980-05-04' };
    const garbled = { givenName: 'zsc', familyName: 'hiioh' };
    expect(conflicts(a, { ...garbled, nationalId: '6910821' })).toBe(0);
    expect(conflicts(a, { ...garbled, dateOfBirth: '1980-04-05' })).toBe(0);
    expect(conflicts(a, { ...garbled, nationalId: '1234567', dateOfBirth: '1980-11-23' })).toBe(1);
  });
  it('does not flag pairs without names on both sides', () => {
    expect(conflicts({ ...place, organizationKey: 'cafe roma' }, place)).toBe(0);
    expect(conflicts({}, {})).toBe(0);
  });
});

describe('clustering with blocked merges', () => {
  it('sends a blocked pair above the merge threshold to review and keeps it apart', () => {
    const res = clusterPairs({
      records: 3,
      left: [0, 1],
      right: [1, 2],
      probability: [0.99, 0.99],
      thresholds: { merge: 0.5, review: 0.2 },
      mergeBlocked: [1, 0],
    });
    expect(res.clusterOf[0]).not.toBe(res.clusterOf[1]);
    expect(res.clusterOf[1]).toBe(res.clusterOf[2]);
    expect(res.review).toEqual([{ pair: 0, reason: 'name-conflict' }]);
  });
});
