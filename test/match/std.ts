/** Hand-made StdRecords for matching tests: every field null unless given. */
import type { StdRecord } from '../../src/standardize/types.js';

let next = 0;

export function std(fields: Partial<StdRecord> = {}): StdRecord {
  next++;
  const base: StdRecord = {
    sourceSystem: 'test',
    sourceRecordId: String(next),
    entityType: fields.organizationKey ? 'organization' : 'person',
    givenName: null,
    givenNameCanonical: null,
    middleName: null,
    familyName: null,
    givenNamePhonetic: null,
    familyNamePhonetic: null,
    displayName: null,
    nativeName: null,
    organizationName: null,
    organizationKey: null,
    organizationLegalForm: null,
    dateOfBirth: null,
    birthYear: null,
    birthMonth: null,
    birthDay: null,
    gender: null,
    email: null,
    phone: null,
    phoneType: null,
    phoneDigits: null,
    addressLine: null,
    houseNumber: null,
    streetName: null,
    streetType: null,
    unit: null,
    poBox: null,
    locality: null,
    region: null,
    postalCode: null,
    country: null,
    nationalId: null,
    annualValue: null,
  };
  const out = { ...base, ...fields };
  if (fields.dateOfBirth && fields.birthYear === undefined) {
    const [y, m, d] = fields.dateOfBirth.split('-').map(Number);
    out.birthYear = y ?? null;
    out.birthMonth = m ?? null;
    out.birthDay = d ?? null;
  }
  return out;
}
