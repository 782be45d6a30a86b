/** Small factory for StdRecords in pure tests: every field missing unless given. */
import type { RawRecord, StdRecord } from '../../src/standardize/types.js';
import type { GoldenInput } from '../../src/mdm/golden.js';

export function makeStd(over: Partial<StdRecord> = {}): StdRecord {
  return {
    sourceSystem: 'crm',
    sourceRecordId: '1',
    entityType: 'person',
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
    ...over,
  };
}

export function goldenInput(
  sourceSystem: string,
  sourceRecordId: string,
  std: Partial<StdRecord>,
  updatedAt: string,
  raw: Partial<RawRecord> = {},
): GoldenInput {
  return {
    sourceSystem,
    sourceRecordId,
    raw: { source_system: sourceSystem, source_record_id: sourceRecordId, ...raw },
    std: makeStd({ sourceSystem, sourceRecordId, ...std }),
    updatedAt: new Date(updatedAt),
  };
}
