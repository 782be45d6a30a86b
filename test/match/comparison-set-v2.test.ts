/**
 * Comparison set v2: middle name and gender comparisons, term frequency as a level property, the
 * full-name frequency adjustment, and stored models naming the set version they were trained on.
 */
import { describe, expect, it } from 'vitest';
import {
  genderComparison,
  jaroWinklerAtThresholds,
  levelLabels,
  levelOf,
  middleNameComparison,
  personNameComparison,
  type ComparisonDef,
} from '../../src/match/comparisons.js';
import { defaultModel, explainPair, parseModel, scorePair, type MatchModel } from '../../src/match/index.js';
import { FULL_NAME_TF } from '../../src/match/model.js';
import { DEFAULT_COMPARISON_SET_VERSION } from '../../src/match/settings.js';
import type { StdRecord } from '../../src/standardize/types.js';
import { std } from './std.js';

const label = (c: ComparisonDef, a: Partial<StdRecord>, b: Partial<StdRecord>) =>
  levelLabels(c)[levelOf(c, std(a), std(b))]!;

describe('middle name', () => {
  const c = middleNameComparison();
  it('tells exact, initial against the full name, missing and different apart', () => {
    expect(label(c, { middleName: 'james' }, { middleName: 'james' })).toBe('exact');
    expect(label(c, { middleName: 'j' }, { middleName: 'james' })).toBe('initial');
    expect(label(c, { middleName: null }, { middleName: 'james' })).toBe('missing');
    expect(label(c, { middleName: 'james' }, { middleName: 'peter' })).toBe('else');
  });
});

describe('gender', () => {
  const person = { givenName: 'sam', familyName: 'lee', dateOfBirth: '1980-02-03' };
  it('agreeing adds nothing, disagreeing counts against, unknown or diverse is missing', () => {
    const model = defaultModel();
    const base = scorePair(model, std(person), std(person)).weight;
    expect(scorePair(model, std({ ...person, gender: 'f' }), std({ ...person, gender: 'f' })).weight).toBeCloseTo(base);
    expect(scorePair(model, std({ ...person, gender: 'f' }), std({ ...person, gender: 'm' })).weight).toBeLessThan(
      base - 3,
    );
    expect(label(genderComparison(), { gender: 'x' }, { gender: 'm' })).toBe('missing');
  });
  it('stays conflict-only under a model whose m/u make agreement look like evidence', () => {
    const model = defaultModel();
    const gender = model.comparisons.find((c) => c.name === 'gender')!;
    gender.levels[0] = { label: 'exact', m: 0.99, u: 0.3 };
    const e = explainPair(model, std({ gender: 'f' }), std({ gender: 'f' }));
    expect(e.fields.find((f) => f.field === 'gender')!.weight).toBe(0);
  });
});

describe('term frequency as a property', () => {
  it('follows the { tf } option, not a label', () => {
    expect(personNameComparison('givenName').termFrequency).toBe(true);
    expect(jaroWinklerAtThresholds('locality', [0.9]).termFrequency).toBe(false);
    expect(jaroWinklerAtThresholds('locality', [0.9], { tf: true }).termFrequency).toBe(true);
  });
});

describe('full-name frequency', () => {
  /** A model whose name parts are equally frequent, and one full name is shared by many people. */
  function modelWithNames(): MatchModel {
    const model = defaultModel();
    const parts = { total: 1000, values: { wang: 0.02, fang: 0.02, li: 0.02, ming: 0.02 } };
    model.termFrequencies = {
      givenName: parts,
      familyName: parts,
      [FULL_NAME_TF]: { total: 1000, values: { 'fang wang': 0.01 } },
    };
    return model;
  }
  it('takes weight off a full name more frequent than its parts predict, and never adds any', () => {
    const model = modelWithNames();
    const pair = (given: string, family: string) =>
      scorePair(model, std({ givenName: given, familyName: family }), std({ givenName: given, familyName: family }));
    const common = pair('fang', 'wang');
    const rare = pair('ming', 'li');
    // Parts predict 0.02 x 0.02 = 0.0004 for the full name; it is 0.01, 25 times as frequent.
    expect(rare.weight - common.weight).toBeCloseTo(Math.log2(25), 6);
    const e = explainPair(
      model,
      std({ givenName: 'fang', familyName: 'wang' }),
      std({ givenName: 'fang', familyName: 'wang' }),
    );
    expect(e.fields.find((f) => f.field === 'fullName')?.weight).toBeLessThan(0);
    expect(e.totalWeight).toBeCloseTo(common.weight, 9);
  });
});

describe('comparison set version', () => {
  it('is stored on the model and an older version is rejected with a request to retrain', () => {
    const model = defaultModel();
    expect(model.comparisonSetVersion).toBe(DEFAULT_COMPARISON_SET_VERSION);
    expect(parseModel(JSON.parse(JSON.stringify(model))).ok).toBe(true);
    const old = parseModel({ ...model, comparisonSetVersion: DEFAULT_COMPARISON_SET_VERSION - 1 });
    expect(old.ok).toBe(false);
    if (!old.ok) expect(old.problems.join()).toMatch(/retrain/);
  });
});
