import { describe, expect, it } from 'vitest';
import { clusterPairs } from '../../src/match/cluster.js';
import { levelOf } from '../../src/match/comparisons.js';
import { applyEvidencePolicy, mergeBlockReason } from '../../src/match/evidence-policy.js';
import { findGenericValues, isRuleGeneric } from '../../src/match/generic-values.js';
import { compareBatch, recordTfBits, scoreBatch } from '../../src/match/score.js';
import { compileModel, defaultModel } from '../../src/match/model.js';
import type { StdRecord } from '../../src/standardize/types.js';
import { std } from './std.js';

function reason(a: Partial<StdRecord>, b: Partial<StdRecord>): string | null {
  const cm = compileModel(defaultModel());
  return mergeBlockReason(
    cm,
    cm.defs.map((d) => levelOf(d, std(a), std(b))),
  );
}

/** 1 when the names contradict each other and nothing personal overrides it (the old guard). */
function conflicts(a: Partial<StdRecord>, b: Partial<StdRecord>): number {
  return reason(a, b) === 'name-conflict' ? 1 : 0;
}

const place = { addressLine: '3570 las vegas blvd s', locality: 'las vegas', phoneDigits: '7027317547' };

describe('name conflict', () => {
  it('flags organisations at one address whose names share nothing', () => {
    const { phoneDigits: _phone, ...address } = place;
    expect(
      conflicts({ ...address, organizationKey: 'palace court' }, { ...address, organizationKey: 'cafe roma' }),
    ).toBe(1);
  });
  it('sends organisations of different names but the same phone and full address to review, not apart', () => {
    // A renamed site, or two outlets behind one switchboard (generic once many names share it): unsure.
    expect(reason({ ...place, organizationKey: 'palace court' }, { ...place, organizationKey: 'cafe roma' })).toBe(
      'name-conflict-but-corroborated',
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
    expect(conflicts(a, { ...garbled, familyName: 'kowalski', dateOfBirth: '1980-04-05' })).toBe(0);
    // Both names contradicting: a shared birth date is chance, only an identifier overrides.
    expect(conflicts(a, { ...garbled, dateOfBirth: '1980-05-04' })).toBe(1);
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

describe('corroboration', () => {
  const anna = { givenName: 'anna', familyName: 'kowalski', locality: 'springfield', postalCode: '12345' };
  it('name + town alone, or a shared street, opens at most a review', () => {
    expect(reason(anna, anna)).toBe('no-corroboration');
    const street = { streetName: 'main', addressLine: '12 main st' };
    expect(reason({ ...anna, ...street }, { ...anna, streetName: 'main', addressLine: '40 main st' })).toBe(
      'no-corroboration',
    );
  });
  it('a date of birth, id, personal email or phone, or the full street address corroborates', () => {
    expect(reason({ ...anna, dateOfBirth: '1980-05-04' }, { ...anna, dateOfBirth: '1980-05-04' })).toBeNull();
    expect(reason({ ...anna, nationalId: '6910821' }, { ...anna, nationalId: '6910821' })).toBeNull();
    expect(reason({ ...anna, email: 'anna.k@example.com' }, { ...anna, email: 'anna.k@example.com' })).toBeNull();
    expect(reason({ ...anna, phoneDigits: '2125550123' }, { ...anna, phoneDigits: '2125550123' })).toBeNull();
    const home = { addressLine: '12 main st', houseNumber: '12', streetName: 'main', middleName: 'maria' };
    expect(reason({ ...anna, ...home }, { ...anna, ...home })).toBeNull();
    // The address with the given and family name alone: a parent and child of one name share it.
    expect(reason({ ...anna, ...home, middleName: null }, { ...anna, ...home, middleName: null })).toBe(
      'no-corroboration',
    );
  });
  it('a middle name or gender wholly different keeps the same name at one address apart (parent and child)', () => {
    const home = { addressLine: '12 main st', houseNumber: '12', streetName: 'main' };
    const father = { ...anna, ...home, middleName: 'james' };
    expect(reason(father, { ...father, middleName: 'oliver' })).toBe('name-conflict');
    expect(reason({ ...father, gender: 'm' }, { ...father, gender: 'f' })).toBe('name-conflict');
    expect(reason(father, father)).toBeNull();
    expect(reason(father, { ...father, middleName: 'j' })).toBe('no-corroboration');
  });
  it('a birth date wholly different on the same name is unsure (review); with another family name, apart', () => {
    expect(reason({ ...anna, dateOfBirth: '1950-02-03' }, { ...anna, dateOfBirth: '1981-07-19' })).toBe(
      'no-corroboration',
    );
    expect(
      reason({ ...anna, dateOfBirth: '1950-02-03' }, { ...anna, familyName: 'zimmermann', dateOfBirth: '1981-07-19' }),
    ).toBe('family-name-or-birth-date-conflict');
    // The same given name at the same full address under another family name: a married name, unsure.
    const home = { addressLine: '12 main st', houseNumber: '12', streetName: 'main' };
    expect(reason({ ...anna, ...home }, { ...anna, ...home, familyName: 'zimmermann' })).toBe('no-corroboration');
    expect(reason({ ...anna }, { ...anna, familyName: 'zimmermann' })).toBe('family-name-or-birth-date-conflict');
    // A given name that differs too: a household member, kept apart.
    expect(
      reason({ ...anna, dateOfBirth: '1950-02-03' }, { ...anna, givenName: 'boris', dateOfBirth: '1981-07-19' }),
    ).not.toBe('no-corroboration');
  });
  it('a birth year alone does not corroborate', () => {
    expect(reason({ ...anna, dateOfBirth: '1980-05-04' }, { ...anna, dateOfBirth: '1980-11-23' })).toBe(
      'no-corroboration',
    );
  });
  it('a generic value does not corroborate', () => {
    const cm = compileModel(defaultModel());
    const a = std({ ...anna, phoneDigits: '2125550123' });
    const levels = cm.defs.map((d) => levelOf(d, a, a));
    const phone = cm.defs.findIndex((d) => d.name === 'phone');
    expect(mergeBlockReason(cm, levels)).toBeNull();
    expect(mergeBlockReason(cm, levels, (c) => c === phone)).toBe('no-corroboration');
  });
});

describe('generic values', () => {
  const cm = compileModel(defaultModel());
  const people = (n: number, extra: Partial<StdRecord>) =>
    Array.from({ length: n }, (_, i) => std({ givenName: `given${i}`, familyName: `family${i}`, ...extra }));
  it('finds a phone and an address shared by many different names, not a household', () => {
    const records = [
      ...people(20, { phoneDigits: '3125550000' }),
      ...people(3, { phoneDigits: '3125551111', addressLine: '5 elm st' }),
      ...Array.from({ length: 60 }, (_, i) => std({ givenName: `p${i}`, phoneDigits: `31255520${i}` })),
    ];
    const g = findGenericValues(cm.defs, records);
    expect(g.values.phone).toEqual(['3125550000']);
    expect(g.values.address).toEqual([]);
  });
  it('role mailboxes and one repeated digit are generic by rule', () => {
    expect(isRuleGeneric('email', 'info@acme.com')).toBe(true);
    expect(isRuleGeneric('email', 'anna.k@acme.com')).toBe(false);
    expect(isRuleGeneric('nationalId', '000000000')).toBe(true);
    expect(isRuleGeneric('phone', '2125550123')).toBe(false);
    // One digit in an email or address is not a number of one repeated digit.
    expect(isRuleGeneric('email', 'ajones6@cortez-wilcox.com')).toBe(false);
    expect(isRuleGeneric('address', '1 high street')).toBe(false);
    expect(isRuleGeneric('phone', '1111-111-111')).toBe(true);
  });
  it('takes the weight of agreement on a generic value away and blocks the merge', () => {
    const records = [
      std({ givenName: 'anna', familyName: 'kowalski', email: 'info@acme.com' }),
      std({ givenName: 'anna', familyName: 'kowalski', email: 'info@acme.com' }),
    ];
    const pairs = { left: Int32Array.of(0), right: Int32Array.of(1), length: 1 };
    const gamma = compareBatch(cm.defs, records, pairs);
    const tfBits = recordTfBits(cm, records);
    const weights = scoreBatch(cm, gamma, pairs, tfBits);
    const out = applyEvidencePolicy(cm, records, pairs, gamma, weights, tfBits);
    const email = cm.defs.findIndex((d) => d.name === 'email');
    expect(out.weights[0]).toBeCloseTo(weights[0]! - cm.weights[email]![1]!, 6);
    expect(out.reasons[out.blocked[0]! - 1]).toBe('no-corroboration');
    expect(out.genericPairs).toBe(1);
  });
});
