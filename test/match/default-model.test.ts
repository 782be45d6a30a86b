import { describe, expect, it } from 'vitest';
import { defaultModel, scorePair } from '../../src/match/index.js';
import { standardizeOptions, standardizeRecord } from '../../src/standardize/index.js';
import type { RawRecord } from '../../src/standardize/types.js';

/** The service's thresholds (auto-merge 0.95, review 0.6): the untrained model must respect them. */
const MERGE = 0.95;
const REVIEW = 0.6;

const options = standardizeOptions({ defaultCountry: 'AU', dateOrder: 'DMY' });
const base = {
  source_system: 'crm',
  source_record_id: '1',
  given_name: 'Deirdre',
  family_name: 'Okonkwo-Blake',
  date_of_birth: '1985-11-02',
  email: 'deirdre.ob@example.net',
  phone: '+61 7 3221 0456',
  address_line1: '3 Eagle Street',
  locality: 'Brisbane',
  region: 'QLD',
  postal_code: '4000',
  country: 'AU',
};
type Fields = Partial<Record<keyof typeof base, string | null>>;
const probability = (changes: Fields): number => {
  const std = (r: Fields) => standardizeRecord({ ...base, ...r } as RawRecord, options).std;
  return scorePair(defaultModel(), std({}), std({ source_record_id: '2', ...changes })).probability;
};
const noContact = { email: null, phone: null };

describe('untrained default model', () => {
  it('does not auto-merge two differently named people sharing birth date and address', () => {
    const household = { ...noContact, given_name: 'Oluwaseun', family_name: 'Harrington' };
    expect(probability(household)).toBeLessThan(MERGE);
    expect(probability({ ...household, email: 'oh@example.com', phone: '+61 7 3999 1111' })).toBeLessThan(MERGE);
  });
  it('sends the same name with nothing else in common to review', () => {
    const p = probability({
      ...noContact,
      date_of_birth: null,
      address_line1: null,
      locality: null,
      postal_code: null,
    });
    expect(p).toBeGreaterThanOrEqual(REVIEW);
    expect(p).toBeLessThan(MERGE);
  });
  it('merges the same name, birth date and address', () => {
    expect(probability(noContact)).toBeGreaterThanOrEqual(MERGE);
    expect(probability({})).toBeGreaterThanOrEqual(MERGE);
  });
  it('keeps two people sharing only a name and nothing else apart', () => {
    const other = {
      date_of_birth: '1960-01-01',
      email: 'z@q.com',
      phone: '+61 2 9999 8888',
      address_line1: '9 Other Rd',
    };
    expect(probability({ ...other, locality: 'Perth', postal_code: '6000' })).toBeLessThan(REVIEW);
  });
});
