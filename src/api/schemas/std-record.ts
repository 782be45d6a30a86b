/** The standardised record (src/standardize/types.ts StdRecord) as a response schema, field for field. */
import { Type } from 'typebox';

const Str = Type.Union([Type.String(), Type.Null()]);
const Int = Type.Union([Type.Integer(), Type.Null()]);

export const StdRecordSchema = Type.Object({
  sourceSystem: Type.String(),
  sourceRecordId: Type.String(),
  entityType: Type.Union([Type.Literal('person'), Type.Literal('organization')]),
  givenName: Str,
  givenNameCanonical: Str,
  middleName: Str,
  familyName: Str,
  givenNamePhonetic: Str,
  familyNamePhonetic: Str,
  displayName: Str,
  nativeName: Str,
  organizationName: Str,
  organizationKey: Str,
  organizationLegalForm: Str,
  dateOfBirth: Str,
  birthYear: Int,
  birthMonth: Int,
  birthDay: Int,
  gender: Type.Union([Type.Literal('m'), Type.Literal('f'), Type.Literal('x'), Type.Null()]),
  email: Str,
  phone: Str,
  phoneType: Type.Union([Type.Literal('mobile'), Type.Literal('fixed'), Type.Literal('other'), Type.Null()]),
  phoneDigits: Type.Optional(Str),
  addressLine: Str,
  houseNumber: Str,
  streetName: Str,
  streetType: Str,
  unit: Str,
  poBox: Str,
  locality: Str,
  region: Str,
  postalCode: Str,
  country: Str,
  nationalId: Str,
  annualValue: Type.Union([Type.Number(), Type.Null()]),
});
