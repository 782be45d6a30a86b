/**
 * The stable problem codes of standardisation. The data-quality report groups by `code`; codes are
 * never renamed (add new ones instead). `field` is the canonical field a problem is reported on.
 */
import type { CanonicalField, Problem, ProblemSeverity } from './types.js';
import { problemValue } from './text.js';

export interface ProblemCodeInfo {
  severity: ProblemSeverity;
  description: string;
}

export const PROBLEM_CODES = {
  // Record level (field 'record')
  'record.missing_name': { severity: 'error', description: 'no person name and no organisation name' },
  'record.missing_contact': { severity: 'warning', description: 'no email, phone, address line or postcode' },
  'record.missing_identifier': {
    severity: 'warning',
    description: 'nothing identifying beyond a name: no date of birth, email, phone, address or national id',
  },
  'record.standardize_failed': {
    severity: 'error',
    description: 'internal error while standardising; the record was kept with empty standard fields',
  },
  // Any text field
  'field.too_long': { severity: 'warning', description: 'value longer than 512 characters; only the start was used' },
  'field.markup': { severity: 'warning', description: 'value contains HTML/XML tags or script' },
  // Names
  'name.unparsed': { severity: 'warning', description: 'full name could not be split into given and family name' },
  'name.suspicious': { severity: 'warning', description: 'person name contains digits, symbols or no letters' },
  'name.organization_in_person_field': {
    severity: 'warning',
    description: 'a person name field holds what looks like an organisation name',
  },
  'organization.suspicious': { severity: 'warning', description: 'organisation name has no letters or digits' },
  // Dates
  'date.unparsed': { severity: 'error', description: 'date in no known format' },
  'date.impossible': { severity: 'error', description: 'no such calendar date (month 13, 30 February, ...)' },
  'date.future': { severity: 'error', description: 'date of birth after today' },
  'date.too_old': { severity: 'warning', description: 'date of birth more than 120 years ago' },
  'date.excel_serial': {
    severity: 'warning',
    description: 'date of birth given as a spreadsheet serial day number (read as days since 1899-12-30)',
  },
  'gender.unrecognized': { severity: 'warning', description: 'gender value not understood' },
  // Contact
  'email.invalid': { severity: 'error', description: 'not a syntactically valid email address' },
  'email.disposable_or_role': {
    severity: 'warning',
    description: 'role account (info@, sales@, ...) or disposable-mail domain: weak evidence of identity',
  },
  'phone.invalid': { severity: 'error', description: 'not a valid phone number for its country' },
  'phone.incomplete': {
    severity: 'warning',
    description: 'local number without area code (e.g. 7-digit US): kept as digits only, no E.164',
  },
  'phone.leading_zero_lost': {
    severity: 'warning',
    description: 'digits-only phone that is a valid national number only with a leading 0 (a spreadsheet dropped it)',
  },
  // Address
  'address.unparsed': { severity: 'warning', description: 'address line has no recognisable structure' },
  'address.postcode_invalid': { severity: 'error', description: 'postal code does not fit the country format' },
  'address.postcode_leading_zero_lost': {
    severity: 'warning',
    description: 'digits-only postcode one digit shorter than the country needs: a spreadsheet dropped its leading 0',
  },
  'address.region_postcode_mismatch': {
    severity: 'warning',
    description: 'postal code lies outside the ranges of the given state/province',
  },
  'address.region_unknown': { severity: 'warning', description: 'region is not a known state/province of the country' },
  'address.country_unknown': { severity: 'warning', description: 'country not recognised; default country used' },
  // Other
  'national_id.invalid': { severity: 'warning', description: 'national id has no letters or digits' },
  'annual_value.invalid': {
    severity: 'warning',
    description: 'annual value is not a plain decimal amount (k/M suffixes, exponents, ranges are not read)',
  },
  'annual_value.ambiguous': {
    severity: 'warning',
    description: 'annual value reads two ways (1,234 or 1.500: thousands separator or decimal mark?); not stored',
  },
  'annual_value.negative': { severity: 'warning', description: 'annual value is negative; not stored' },
  'annual_value.out_of_range': { severity: 'warning', description: 'annual value above 10^13; not stored' },
  'annual_value.thousands_separator': {
    severity: 'warning',
    description:
      'annual value written with thousands separators (1,234,567 · 1.234.567,50): read as one number, flagged as a spreadsheet habit',
  },
} as const satisfies Record<string, ProblemCodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Builds a Problem with the code's severity and the raw value cut to 200 characters. */
export function problem(
  code: ProblemCode,
  field: CanonicalField | 'record',
  value: string | null | undefined,
): Problem {
  return { code, field, value: problemValue(value), severity: PROBLEM_CODES[code].severity };
}

/** Where a standardiser puts its problems; the record assembler passes one array to all of them. */
export type ProblemSink = Problem[];
