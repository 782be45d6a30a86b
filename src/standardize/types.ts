/**
 * The contract between ingest, standardisation, matching, golden records and the quality report.
 * Raw records arrive in the canonical shape of DESIGN.md; standardisation turns each into a
 * StdRecord (comparison-ready values) plus Problems (what was wrong with the input).
 */

/** Canonical CSV columns / JSON fields, in file order. Any field may be empty. */
export const CANONICAL_FIELDS = [
  'source_system',
  'source_record_id',
  'full_name',
  'given_name',
  'middle_name',
  'family_name',
  'organization_name',
  'date_of_birth',
  'gender',
  'email',
  'phone',
  'address_line1',
  'address_line2',
  'locality',
  'region',
  'postal_code',
  'country',
  'national_id',
  'annual_value',
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** One record as a source system sends it. Unknown columns are kept in `extra`. */
export type RawRecord = { [K in CanonicalField]?: string | null } & {
  source_system: string;
  source_record_id: string;
  extra?: Record<string, string>;
};

export type EntityType = 'person' | 'organization';

/**
 * Comparison-ready form of a record. String values are in "comparison form": NFKC, accent-folded,
 * lower-case ASCII where a transliteration exists, single spaces, no surrounding punctuation.
 * `null` means missing (never the empty string), so comparisons can treat missing as its own level.
 */
export interface StdRecord {
  sourceSystem: string;
  sourceRecordId: string;
  entityType: EntityType;

  // People
  givenName: string | null;
  /** Given name through the nickname table (bob → robert); equals givenName when no nickname applies. */
  givenNameCanonical: string | null;
  middleName: string | null;
  familyName: string | null;
  /** Double Metaphone primary codes. */
  givenNamePhonetic: string | null;
  familyNamePhonetic: string | null;
  /** Display form of the person's or organisation's name, as cleaned but not folded. */
  displayName: string | null;
  /** Original-script name when the input was not Latin (e.g. Hanzi), for display and exact matching. */
  nativeName: string | null;

  // Organisations
  /** Cleaned organisation name in comparison form, legal form removed. */
  organizationName: string | null;
  /** Match key equal for "ACME Corp." and "Acme Corporation": legal form, "the", punctuation and stop words removed, abbreviations expanded. */
  organizationKey: string | null;
  /** Normalised legal form, e.g. "inc", "ltd", "llc", "gmbh", "pty ltd", "有限公司" → "co ltd". */
  organizationLegalForm: string | null;

  dateOfBirth: string | null; // ISO YYYY-MM-DD
  birthYear: number | null;
  birthMonth: number | null;
  birthDay: number | null;
  gender: 'm' | 'f' | 'x' | null;

  /** Normalised email (lower-case, provider rules applied: gmail dots and +tags). */
  email: string | null;
  /** Phone in E.164. */
  phone: string | null;
  phoneType: 'mobile' | 'fixed' | 'other' | null;
  /**
   * Digits of the phone for partial comparison: the national significant number when the phone is
   * valid, the bare digits when it is not (e.g. a 7-digit local number with no area code, which has
   * no E.164). Compare the last 7 digits to match "3865286" with "+17083865286". Optional: added by
   * the standardiser (issue 3); null when the record has no phone.
   */
  phoneDigits?: string | null;

  // Address
  /** Normalised street line: "[unit/]house street streettype", e.g. "3/12 smith st". */
  addressLine: string | null;
  houseNumber: string | null;
  streetName: string | null;
  streetType: string | null;
  unit: string | null;
  poBox: string | null;
  locality: string | null;
  /** Region code where known (NSW, CA, ON); otherwise the cleaned region text. */
  region: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;

  /** National / tax id, upper-case alphanumerics only. */
  nationalId: string | null;
  annualValue: number | null;
}

export type ProblemSeverity = 'error' | 'warning';

/** Something wrong with the input. Codes are stable (the quality report groups by them). */
export interface Problem {
  /** Stable dotted code, e.g. "address.postcode_invalid", "phone.invalid", "date.impossible". */
  code: string;
  /** Canonical field the problem is about, e.g. "postal_code". */
  field: CanonicalField | 'record';
  /** The raw value (truncated to 200 characters). */
  value: string;
  severity: ProblemSeverity;
}

export interface StandardizeOptions {
  /** ISO country used when a record has none (phones, postcodes, address vocabulary). */
  defaultCountry: string;
  /** How to read ambiguous numeric dates such as 03/04/2001. */
  dateOrder: 'DMY' | 'MDY' | 'YMD';
  /** "Today" for future-date and age checks; injected so the functions stay pure. */
  today: Date;
}

export interface StandardizeResult {
  std: StdRecord;
  problems: Problem[];
}
