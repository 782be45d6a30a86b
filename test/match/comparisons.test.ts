import { describe, expect, it } from 'vitest';
import {
  addressComparison,
  dateComparison,
  emailComparison,
  exactMatch,
  jaroWinklerAtThresholds,
  localityComparison,
  nationalIdComparison,
  organizationComparison,
  personNameComparison,
  phoneComparison,
  postcodeComparison,
  type ComparisonDef,
} from '../../src/match/comparisons.js';
import { levelLabels, levelOf } from '../../src/match/comparisons.js';
import { fuzzyTokenOverlap } from '../../src/match/strings.js';
import type { StdRecord } from '../../src/standardize/types.js';
import { std } from './std.js';

function label(c: ComparisonDef, a: Partial<StdRecord>, b: Partial<StdRecord>): string {
  return levelLabels(c)[levelOf(c, std(a), std(b))]!;
}

describe('comparison engine', () => {
  it('puts a pair with a missing value in the missing level, whichever side', () => {
    const c = exactMatch('email');
    expect(label(c, { email: null }, { email: 'a@x.com' })).toBe('missing');
    expect(label(c, { email: 'a@x.com' }, { email: null })).toBe('missing');
  });
  it('takes the first level that holds, else the else level', () => {
    const c = jaroWinklerAtThresholds('locality', [0.92, 0.8]);
    expect(levelLabels(c)).toEqual(['missing', 'exact', 'jaro-winkler>=0.92', 'jaro-winkler>=0.8', 'else']);
    expect(label(c, { locality: 'martha' }, { locality: 'martha' })).toBe('exact');
    expect(label(c, { locality: 'martha' }, { locality: 'marhta' })).toBe('jaro-winkler>=0.92');
    expect(label(c, { locality: 'dixon' }, { locality: 'dicksonx' })).toBe('jaro-winkler>=0.8');
    expect(label(c, { locality: 'sydney' }, { locality: 'perth' })).toBe('else');
  });
});

describe('person names', () => {
  const given = personNameComparison('givenName');
  const family = personNameComparison('familyName');
  it('given name: every level', () => {
    expect(label(given, { givenName: 'robert' }, { givenName: 'robert' })).toBe('exact');
    expect(
      label(
        given,
        { givenName: 'bob', givenNameCanonical: 'robert' },
        { givenName: 'rob', givenNameCanonical: 'robert' },
      ),
    ).toBe('nickname');
    expect(label(given, { givenName: 'jonathon' }, { givenName: 'jonathan' })).toBe('jaro-winkler>=0.92');
    expect(label(given, { givenName: 'smith', familyName: 'john' }, { givenName: 'john', familyName: 'smith' })).toBe(
      'swapped given/family',
    );
    expect(
      label(
        given,
        { givenName: 'catherine', givenNamePhonetic: 'K0RN' },
        { givenName: 'kathryn', givenNamePhonetic: 'K0RN' },
      ),
    ).toBe('phonetic');
    expect(label(given, { givenName: 'mary' }, { givenName: 'marion' })).toBe('jaro-winkler>=0.8');
    expect(label(given, { givenName: 'j' }, { givenName: 'john' })).toBe('initial');
    expect(label(given, { givenName: 'mary' }, { givenName: 'susan' })).toBe('else');
  });
  it('family name: swapped and phonetic levels, no nickname level', () => {
    expect(levelLabels(family)).not.toContain('nickname');
    expect(label(family, { givenName: 'lee', familyName: 'wong' }, { givenName: 'wong', familyName: 'lee' })).toBe(
      'swapped given/family',
    );
    expect(
      label(
        family,
        { familyName: 'smyth', familyNamePhonetic: 'SM0' },
        { familyName: 'schmidt', familyNamePhonetic: 'SM0' },
      ),
    ).toBe('phonetic');
  });
});

describe('dates of birth', () => {
  const c = dateComparison();
  it('every level', () => {
    expect(label(c, { dateOfBirth: '1980-03-04' }, { dateOfBirth: '1980-03-04' })).toBe('exact');
    expect(label(c, { dateOfBirth: '1980-03-04' }, { dateOfBirth: '1980-04-03' })).toBe('day/month transposed');
    expect(label(c, { dateOfBirth: '1980-03-04' }, { dateOfBirth: '1980-11-04' })).toBe('one component off');
    expect(label(c, { dateOfBirth: '1980-03-04' }, { dateOfBirth: '1930-12-04' })).toBe('else');
    expect(label(c, { dateOfBirth: '1981-03-14' }, { dateOfBirth: '1980-03-04' })).toBe('else');
    expect(label(c, { dateOfBirth: '1980-03-14' }, { dateOfBirth: '1980-03-15' })).toBe('one component off');
    expect(label(c, { dateOfBirth: '1980-03-14' }, { dateOfBirth: '1980-06-25' })).toBe('same year');
    expect(label(c, { dateOfBirth: '1985-03-14' }, { dateOfBirth: '1980-06-25' })).toBe('else');
  });
  it('one digit off applies when two components differ by one typed digit', () => {
    expect(label(c, { dateOfBirth: '1980-03-14' }, { dateOfBirth: '1980-08-14' })).toBe('one component off');
    expect(label(c, { dateOfBirth: '1981-03-14' }, { dateOfBirth: '1980-03-14' })).toBe('one component off');
  });
});

describe('address, locality, postcode', () => {
  const addr = addressComparison();
  const a = { addressLine: '12 smith st', houseNumber: '12', streetName: 'smith' };
  it('address: every level', () => {
    expect(label(addr, a, { ...a })).toBe('exact');
    expect(label(addr, a, { addressLine: '12 smiths street', houseNumber: '12', streetName: 'smiths' })).toBe(
      'house number and street',
    );
    expect(label(addr, a, { addressLine: '40 smith st', houseNumber: '40', streetName: 'smith' })).toBe('same street');
    expect(label(addr, a, { addressLine: '12 smithst', houseNumber: null, streetName: null })).toBe(
      'jaro-winkler>=0.85',
    );
    expect(label(addr, a, { addressLine: '7 ocean pde', houseNumber: '7', streetName: 'ocean' })).toBe('else');
  });
  it('locality and postcode', () => {
    expect(label(localityComparison(), { locality: 'parramatta' }, { locality: 'paramatta' })).toBe(
      'jaro-winkler>=0.88',
    );
    expect(label(postcodeComparison(), { postalCode: '2000' }, { postalCode: '2000' })).toBe('exact');
    expect(label(postcodeComparison(), { postalCode: '2000' }, { postalCode: '2001' })).toBe('one edit');
    expect(label(postcodeComparison(), { postalCode: '2000' }, { postalCode: '3155' })).toBe('else');
  });
});

describe('contact and identifiers', () => {
  it('phone: exact, last 7 digits, one edit or transposition', () => {
    const c = phoneComparison();
    expect(label(c, { phoneDigits: '7083865286' }, { phoneDigits: '7083865286' })).toBe('exact');
    expect(label(c, { phoneDigits: '7083865286' }, { phoneDigits: '3865286' })).toBe('same last 7 digits');
    expect(label(c, { phoneDigits: '7083865286' }, { phoneDigits: '7083856286' })).toBe('one edit or transposition');
    expect(label(c, { phone: '+61212345678' }, { phone: '+61212345678' })).toBe('exact');
    expect(label(c, { phoneDigits: '7083865286' }, { phoneDigits: '2125550000' })).toBe('else');
  });
  it('email: exact, same local part, close', () => {
    const c = emailComparison();
    expect(label(c, { email: 'ann@x.com' }, { email: 'ann@x.com' })).toBe('exact');
    expect(label(c, { email: 'ann@x.com' }, { email: 'ann@y.org' })).toBe('same local part');
    expect(label(c, { email: 'robert255@smith.net' }, { email: 'roberta25@smith.net' })).toBe('jaro-winkler>=0.88');
    expect(label(c, { email: 'ann@x.com' }, { email: 'zed@q.io' })).toBe('else');
  });
  it('national id: exact, one edit or transposition', () => {
    const c = nationalIdComparison();
    expect(label(c, { nationalId: '1234567' }, { nationalId: '1234567' })).toBe('exact');
    expect(label(c, { nationalId: '1234567' }, { nationalId: '1243567' })).toBe('one edit or transposition');
    expect(label(c, { nationalId: '1234567' }, { nationalId: '1234568' })).toBe('one edit or transposition');
    expect(label(c, { nationalId: '1234567' }, { nationalId: '7654321' })).toBe('else');
  });
  it('organisation key: exact, close, token overlap, else', () => {
    const c = organizationComparison();
    expect(label(c, { organizationKey: 'acme' }, { organizationKey: 'acme' })).toBe('exact');
    expect(label(c, { organizationKey: 'precious little ones' }, { organizationKey: 'precious little one' })).toBe(
      'jaro-winkler>=0.92',
    );
    expect(label(c, { organizationKey: 'ymca south side' }, { organizationKey: 'south side ymca' })).toBe(
      'token overlap >= 0.75',
    );
    expect(label(c, { organizationKey: 'acme' }, { organizationKey: 'zenith child care' })).toBe('else');
  });
  it('organisation key: the name inside a longer form is a fuzzy token overlap', () => {
    const c = organizationComparison();
    const org = (a: string, b: string) => label(c, { organizationKey: a }, { organizationKey: b });
    expect(org('malcolm x college', 'city colleges malcolm x')).toBe('fuzzy token overlap >= 0.5');
    expect(org('young scholars develop inst', 'el valor young scholars development institute')).toBe(
      'fuzzy token overlap >= 0.5',
    );
  });
  it('organisation key: one shared word, below every closer level', () => {
    const c = organizationComparison();
    expect(label(c, { organizationKey: 'abraham lincoln center' }, { organizationKey: 'ywca northside center' })).toBe(
      'one shared word',
    );
    expect(label(c, { organizationKey: 'palace court' }, { organizationKey: 'cafe roma' })).toBe('else');
  });
});

describe('fuzzy token overlap', () => {
  it('counts equal, prefix (4+ letters) and near-equal tokens of the shorter name', () => {
    expect(fuzzyTokenOverlap('grace mission daycare', 'catholic charities grace mission school')).toBeCloseTo(2 / 3);
    expect(fuzzyTokenOverlap('develop', 'development')).toBe(1);
    expect(fuzzyTokenOverlap('scholars', 'scholar')).toBe(1);
    expect(fuzzyTokenOverlap('day', 'daycare')).toBe(0);
    expect(fuzzyTokenOverlap('palace court', 'cafe roma')).toBe(0);
  });
});
