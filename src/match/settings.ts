/**
 * The one default configuration: which comparisons a model uses and which blocking rules select
 * candidate pairs. General rules for persons and organisations; nothing here is fitted to a dataset.
 * Models name their comparison set, so a stored model is compiled against the same definitions.
 */
import type { StdRecord } from '../standardize/types.js';
import {
  addressComparison,
  dateComparison,
  emailComparison,
  genderComparison,
  localityComparison,
  middleNameComparison,
  nationalIdComparison,
  organizationComparison,
  personNameComparison,
  phoneComparison,
  postcodeComparison,
  type ComparisonDef,
} from './comparisons.js';

export interface BlockingRule {
  /** Short stable name, the prefix of every key ("fp:MN|4881"). */
  name: string;
  fields: readonly (keyof StdRecord)[];
  key: (s: StdRecord) => string | null;
}

export const DEFAULT_COMPARISON_SET = 'default';
/**
 * Version of the default set's definitions: bumped whenever a comparison or level is added, removed
 * or changes meaning, since a stored model's m/u belong to the levels it was trained on.
 * v1: name parts, organisation, date, address, locality, postcode, phone, email, national id.
 * v2: + middle name, gender (conflict only); named priors, tf as a level property.
 */
export const DEFAULT_COMPARISON_SET_VERSION = 2;

export function defaultComparisons(): ComparisonDef[] {
  return [
    personNameComparison('givenName'),
    personNameComparison('familyName'),
    middleNameComparison(),
    genderComparison(),
    organizationComparison(),
    dateComparison(),
    addressComparison(),
    localityComparison(),
    postcodeComparison(),
    phoneComparison(),
    emailComparison(),
    nationalIdComparison(),
  ];
}

const COMPARISON_SETS: Record<string, { version: number; defs: () => ComparisonDef[] }> = {
  [DEFAULT_COMPARISON_SET]: { version: DEFAULT_COMPARISON_SET_VERSION, defs: defaultComparisons },
};

/** The comparison definitions of a named set, or null when the set is unknown. */
export function comparisonSet(name: string): ComparisonDef[] | null {
  return COMPARISON_SETS[name]?.defs() ?? null;
}

/** The current version of a named set (a stored model of another version must be retrained), or null. */
export function comparisonSetVersion(name: string): number | null {
  return COMPARISON_SETS[name]?.version ?? null;
}

const join = (...parts: Array<string | number | null | undefined>): string | null =>
  parts.some((p) => p === null || p === undefined || p === '') ? null : parts.join('|');

const last7 = (s: StdRecord): string | null => {
  const d = s.phoneDigits ?? (s.phone ? s.phone.replace(/\D/g, '') : null);
  return d && d.length >= 7 ? d.slice(-7) : null;
};

const firstToken = (v: string | null): string | null => (v ? (v.split(' ')[0] ?? null) : null);

export const DEFAULT_BLOCKING_RULES: readonly BlockingRule[] = [
  {
    name: 'fp',
    fields: ['familyNamePhonetic', 'postalCode'],
    key: (s) => join(s.familyNamePhonetic, s.postalCode),
  },
  { name: 'em', fields: ['email'], key: (s) => s.email },
  { name: 'ph', fields: ['phone', 'phoneDigits'], key: last7 },
  // Name + birth year: a mistyped day or month, with the other name missing or mangled.
  {
    name: 'gy',
    fields: ['givenNamePhonetic', 'birthYear'],
    key: (s) => join(s.givenNamePhonetic, s.birthYear),
  },
  {
    name: 'fy',
    fields: ['familyNamePhonetic', 'birthYear'],
    key: (s) => join(s.familyNamePhonetic, s.birthYear),
  },
  { name: 'id', fields: ['nationalId'], key: (s) => s.nationalId },
  {
    name: 'df',
    fields: ['dateOfBirth', 'familyNamePhonetic'],
    key: (s) => join(s.dateOfBirth, s.familyNamePhonetic),
  },
  { name: 'dl', fields: ['dateOfBirth', 'locality'], key: (s) => join(s.dateOfBirth, s.locality) },
  // Date of birth alone catches pairs whose names are both mistyped; the block cap keeps it linear.
  { name: 'db', fields: ['dateOfBirth'], key: (s) => s.dateOfBirth },
  {
    name: 'fl',
    fields: ['familyNamePhonetic', 'locality'],
    key: (s) => join(s.familyNamePhonetic, s.locality),
  },
  { name: 'el', fields: ['email'], key: (s) => (s.email ? s.email.split('@')[0]! : null) },
  {
    name: 'gl',
    fields: ['givenNamePhonetic', 'locality'],
    key: (s) => join(s.givenNamePhonetic, s.locality),
  },
  {
    name: 'nn',
    fields: ['givenNamePhonetic', 'familyNamePhonetic'],
    key: (s) =>
      s.givenNamePhonetic && s.familyNamePhonetic ? [s.givenNamePhonetic, s.familyNamePhonetic].sort().join('|') : null,
  },
  { name: 'ol', fields: ['organizationKey', 'locality'], key: (s) => join(s.organizationKey, s.locality) },
  {
    name: 'of',
    fields: ['organizationKey', 'houseNumber'],
    key: (s) => join(firstToken(s.organizationKey), s.houseNumber),
  },
  {
    name: 'hs',
    fields: ['houseNumber', 'streetName', 'postalCode', 'locality'],
    key: (s) => join(s.houseNumber, s.streetName, s.postalCode ?? s.locality),
  },
];
