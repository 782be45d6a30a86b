/**
 * standardizeRecord: one raw canonical record → StdRecord + Problems. Pure: the only context is
 * StandardizeOptions (default country, date order, "today"). Never throws on bad input; every
 * defect becomes a Problem with a stable code (see codes.ts for the list the quality report uses).
 */
import { standardizeAddress } from './addresses.js';
import { readAnnualValue } from './annual-value.js';
import { problem, type ProblemSink } from './codes.js';
import { reportSpreadsheetHabits } from './spreadsheet-habits.js';
import { parseDate } from './dates.js';
import { standardizeEmail } from './emails.js';
import { clearPhoneCache, standardizePhone } from './phones.js';
import { clearPhoneticCache } from './names.js';
import { standardizeNames } from './record-names.js';
import { MAX_FIELD_LENGTH, cleanText } from './text.js';
import {
  CANONICAL_FIELDS,
  type RawRecord,
  type StandardizeOptions,
  type StandardizeResult,
  type StdRecord,
} from './types.js';

export * from './types.js';
export { PROBLEM_CODES, type ProblemCode } from './codes.js';

/** Empties the memo caches (phone parses, phonetic codes); benchmarks start each timed round cold. */
export function clearStandardizeCaches(): void {
  clearPhoneCache();
  clearPhoneticCache();
}

/**
 * Options with `today` defaulting to the current date at the call. The country and date order have
 * no default here: they are settings (DEFAULT_COUNTRY, DATE_ORDER), and config.ts owns their defaults.
 */
export function standardizeOptions(
  partial: Pick<StandardizeOptions, 'defaultCountry' | 'dateOrder'> & { today?: Date },
): StandardizeOptions {
  return {
    defaultCountry: partial.defaultCountry.toUpperCase(),
    dateOrder: partial.dateOrder,
    today: partial.today ?? new Date(),
  };
}

const MARKUP = /<\/?[a-z][^>]*>|<script|javascript:/i;
/** Characters without which MARKUP cannot match. */
const MARKUP_HINT = /[<:]/;

/** field.too_long and field.markup, checked once per non-empty field. */
function checkFields(raw: RawRecord, problems: ProblemSink): void {
  // Nearly every record is clean: one pass over the values it actually has (records carry only
  // their non-empty fields) decides whether the per-field checks in canonical order are needed.
  let suspect = false;
  for (const key in raw) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === 'string' && (value.length > MAX_FIELD_LENGTH || MARKUP_HINT.test(value))) {
      suspect = true;
      break;
    }
  }
  if (suspect) checkEachField(raw, problems);
}

function checkEachField(raw: RawRecord, problems: ProblemSink): void {
  for (const field of CANONICAL_FIELDS) {
    const value = raw[field];
    if (typeof value !== 'string' || value === '') continue;
    if (value.length > MAX_FIELD_LENGTH) problems.push(problem('field.too_long', field, value));
    if (value.includes('<') || value.includes(':'))
      if (MARKUP.test(value)) problems.push(problem('field.markup', field, value));
  }
}

const GENDERS: Record<string, 'm' | 'f' | 'x'> = {
  m: 'm',
  male: 'm',
  man: 'm',
  boy: 'm',
  mr: 'm',
  h: 'm',
  masculino: 'm',
  男: 'm',
  f: 'f',
  female: 'f',
  woman: 'f',
  girl: 'f',
  w: 'f',
  mrs: 'f',
  ms: 'f',
  femenino: 'f',
  女: 'f',
  x: 'x',
  other: 'x',
  nonbinary: 'x',
  'non-binary': 'x',
  nb: 'x',
  diverse: 'x',
  d: 'x',
};
const UNKNOWN_GENDER = new Set(['u', 'unknown', 'n/a', 'na', 'none', '-', '?', 'not specified', 'prefer not to say']);

function standardizeGender(raw: string | null | undefined, problems: ProblemSink): 'm' | 'f' | 'x' | null {
  const key = cleanText(raw).toLowerCase().replace(/\.$/, '');
  if (key === '' || UNKNOWN_GENDER.has(key)) return null;
  const g = GENDERS[key];
  if (g === undefined) problems.push(problem('gender.unrecognized', 'gender', raw));
  return g ?? null;
}

function standardizeNationalId(raw: string | null | undefined, problems: ProblemSink): string | null {
  const text = cleanText(raw);
  if (text === '') return null;
  const id = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (id === '') problems.push(problem('national_id.invalid', 'national_id', raw));
  return id || null;
}

function standardizeAnnualValue(raw: string | null | undefined, problems: ProblemSink): number | null {
  const text = cleanText(raw);
  if (text === '') return null;
  const reading = readAnnualValue(text);
  if ('value' in reading) return reading.value;
  problems.push(problem(reading.problem, 'annual_value', raw));
  return null;
}

export function standardizeRecord(raw: RawRecord, options: StandardizeOptions): StandardizeResult {
  const problems: ProblemSink = [];
  try {
    return { std: assemble(raw, options, problems), problems };
  } catch (err) {
    // Last line of defence: a bug must not stop a bulk load. The record is kept with what we know.
    problems.push(problem('record.standardize_failed', 'record', err instanceof Error ? err.message : String(err)));
    return { std: emptyStdRecord(String(raw?.source_system ?? ''), String(raw?.source_record_id ?? '')), problems };
  }
}

function assemble(raw: RawRecord, options: StandardizeOptions, problems: ProblemSink): StdRecord {
  checkFields(raw, problems);
  const names = standardizeNames(raw, problems);
  const date = parseDate(raw.date_of_birth, options.dateOrder, options.today);
  if (date.problem) problems.push(problem(date.problem, 'date_of_birth', raw.date_of_birth));
  const email = standardizeEmail(raw.email);
  if (!email.valid) problems.push(problem('email.invalid', 'email', raw.email));
  if (email.roleOrDisposable) problems.push(problem('email.disposable_or_role', 'email', raw.email));
  const address = standardizeAddress(
    {
      line1: raw.address_line1,
      line2: raw.address_line2,
      locality: raw.locality,
      region: raw.region,
      postalCode: raw.postal_code,
      country: raw.country,
    },
    options.defaultCountry,
    problems,
  );
  const phone = standardizePhone(raw.phone, address.country ?? options.defaultCountry);
  reportSpreadsheetHabits(raw, address.country ?? options.defaultCountry, problems);
  if (phone.status === 'invalid') problems.push(problem('phone.invalid', 'phone', raw.phone));
  if (phone.status === 'incomplete') problems.push(problem('phone.incomplete', 'phone', raw.phone));
  const gender = standardizeGender(raw.gender, problems) ?? names.honorificGender;
  const std: StdRecord = {
    sourceSystem: raw.source_system,
    sourceRecordId: raw.source_record_id,
    entityType: names.entityType,
    givenName: names.givenName,
    givenNameCanonical: names.givenNameCanonical,
    middleName: names.middleName,
    familyName: names.familyName,
    givenNamePhonetic: names.givenNamePhonetic,
    familyNamePhonetic: names.familyNamePhonetic,
    displayName: names.displayName,
    nativeName: names.nativeName,
    organizationName: names.organizationName,
    organizationKey: names.organizationKey,
    organizationLegalForm: names.organizationLegalForm,
    dateOfBirth: date.iso,
    birthYear: date.year,
    birthMonth: date.month,
    birthDay: date.day,
    gender,
    email: email.email,
    phone: phone.e164,
    phoneType: phone.type,
    phoneDigits: phone.digits,
    addressLine: address.addressLine,
    houseNumber: address.houseNumber,
    streetName: address.streetName,
    streetType: address.streetType,
    unit: address.unit,
    poBox: address.poBox,
    locality: address.locality,
    region: address.region,
    postalCode: address.postalCode,
    country: address.country,
    nationalId: standardizeNationalId(raw.national_id, problems),
    annualValue: standardizeAnnualValue(raw.annual_value, problems),
  };
  recordProblems(std, problems);
  return std;
}

/** Record-level completeness problems (grouped by the quality report). */
function recordProblems(std: StdRecord, problems: ProblemSink): void {
  const hasName =
    std.entityType === 'organization'
      ? std.organizationName !== null
      : std.familyName !== null || std.givenName !== null;
  if (!hasName) problems.push(problem('record.missing_name', 'record', ''));
  const hasContact =
    std.email !== null ||
    std.phone !== null ||
    std.phoneDigits != null ||
    std.addressLine !== null ||
    std.postalCode !== null;
  if (!hasContact) problems.push(problem('record.missing_contact', 'record', ''));
  if (!hasContact && std.dateOfBirth === null && std.nationalId === null) {
    problems.push(problem('record.missing_identifier', 'record', ''));
  }
}

/** A standardised record with every attribute missing (also the base of hand-made records in tests). */
export function emptyStdRecord(sourceSystem: string, sourceRecordId: string): StdRecord {
  return {
    sourceSystem,
    sourceRecordId,
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
}
