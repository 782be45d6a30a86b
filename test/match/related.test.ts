import { describe, expect, it } from 'vitest';
import { levelOf } from '../../src/match/comparisons.js';
import { compileModel, defaultModel } from '../../src/match/model.js';
import { relationshipOf } from '../../src/match/related.js';
import type { StdRecord } from '../../src/standardize/types.js';
import { std } from './std.js';

const cm = compileModel(defaultModel());
const related = (a: Partial<StdRecord>, b: Partial<StdRecord>, generic: (c: number) => boolean = () => false) =>
  relationshipOf(
    cm,
    cm.defs.map((d) => levelOf(d, std(a), std(b))),
    generic,
  );

const home = { addressLine: '12 main st', houseNumber: '12', streetName: 'main', phoneDigits: '2125550123' };

describe('related customers', () => {
  it('people at one address with different given names are a household', () => {
    expect(
      related(
        { givenName: 'anna', familyName: 'kowalski', ...home },
        { givenName: 'piotr', familyName: 'kowalski', ...home },
      ),
    ).toEqual({ relationship: 'household', shared: ['address', 'phone'] });
  });
  it('a shared phone alone, names and family differing, is a shared contact', () => {
    expect(
      related(
        { givenName: 'anna', familyName: 'kowalski', phoneDigits: '2125550123' },
        { givenName: 'oluwaseun', familyName: 'harrington', phoneDigits: '2125550123' },
      ),
    ).toMatchObject({ relationship: 'shared_contact', shared: ['phone'] });
  });
  it('the same person, or strangers with nothing shared, or a generic value, are not related', () => {
    const anna = { givenName: 'anna', familyName: 'kowalski', dateOfBirth: '1980-05-04', ...home };
    expect(related(anna, anna)).toBeNull();
    expect(related({ givenName: 'anna' }, { givenName: 'piotr' })).toBeNull();
    const phone = cm.defs.findIndex((d) => d.name === 'phone');
    expect(
      related(
        { givenName: 'anna', phoneDigits: '2125550123' },
        { givenName: 'piotr', phoneDigits: '2125550123' },
        (c) => c === phone,
      ),
    ).toBeNull();
  });
  it('a different date of birth with the same given name at one address is a household (a parent and child)', () => {
    const a = { givenName: 'john', familyName: 'smith', dateOfBirth: '1950-02-03', ...home };
    expect(related(a, { ...a, dateOfBirth: '1980-07-09' })?.relationship).toBe('household');
  });
});
