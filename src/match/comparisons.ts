/**
 * The comparison library (after Splink's comparison_library): declarative definitions such as
 * `jaroWinklerAtThresholds('familyName', [0.92, 0.8])`, compiled by one engine (`levelOf`) into a
 * level index per pair. Level 0 is always "missing" (either value null; weight 0), levels 1..n the
 * definition's levels in order (first that holds wins), n+1 "else".
 */
import type { StdRecord } from '../standardize/types.js';
import {
  customLevel,
  equalOnLevel,
  exactLevel,
  initialLevel,
  jaroWinklerLevel,
  levenshteinLevel,
  memoJw,
  swappedNamesLevel,
  transpositionOrEditLevel,
  type Getter,
  type LevelDef,
} from './comparison-levels.js';
import { fuzzyTokenOverlap, tokenOverlap } from './strings.js';

export interface ComparisonDef {
  name: string;
  /** StdRecord fields read (blocking rules on any of them are excluded from this comparison's EM). */
  fields: readonly (keyof StdRecord)[];
  get: Getter;
  levels: readonly LevelDef[];
  /** Prior m/u of the "else" level. */
  elseM: number;
  elseU: number;
  /** Level 1 is exact equality on `get`: its u is computed from value frequencies, and it may be TF-adjusted. */
  exactFirst: boolean;
  /** Term-frequency adjustment of the exact level (rare values weigh more than common ones). */
  termFrequency: boolean;
}

/** Labels of all levels by index: missing, the definition's levels, else. */
export function levelLabels(c: ComparisonDef): string[] {
  return ['missing', ...c.levels.map((l) => l.label), 'else'];
}

/** The engine: level index of a pair for one comparison. Never throws; missing values give level 0. */
export function levelOf(c: ComparisonDef, a: StdRecord, b: StdRecord): number {
  const va = c.get(a);
  const vb = c.get(b);
  if (va === null || vb === null || va === '' || vb === '') return 0;
  const levels = c.levels;
  for (let i = 0; i < levels.length; i++) if (levels[i]!.test(va, vb, a, b)) return i + 1;
  return levels.length + 1;
}

function field(name: keyof StdRecord): Getter {
  return (s) => {
    const v = s[name];
    return v === null || v === undefined ? null : String(v);
  };
}

function define(
  name: string,
  fields: readonly (keyof StdRecord)[],
  get: Getter,
  levels: LevelDef[],
  opts: { tf?: boolean; elseM?: number; elseU?: number } = {},
): ComparisonDef {
  return {
    name,
    fields,
    get,
    levels,
    elseM: opts.elseM ?? 0.05,
    elseU: opts.elseU ?? 0.95,
    exactFirst: levels[0]?.label === 'exact',
    termFrequency: opts.tf ?? false,
  };
}

export function exactMatch(name: keyof StdRecord, opts: { tf?: boolean } = {}): ComparisonDef {
  return define(name, [name], field(name), [exactLevel(0.9, 0.01)], opts);
}

export function jaroWinklerAtThresholds(
  name: keyof StdRecord,
  thresholds: number[],
  opts: { tf?: boolean } = {},
): ComparisonDef {
  const levels = [exactLevel(), ...thresholds.map((t) => jaroWinklerLevel(t))];
  return define(name, [name], field(name), levels, opts);
}

/** Person name part: exact (TF), nickname-canonical, JW ≥ 0.92, swapped, phonetic, JW ≥ 0.8, initials. */
export function personNameComparison(part: 'givenName' | 'familyName'): ComparisonDef {
  const phonetic = part === 'givenName' ? 'givenNamePhonetic' : 'familyNamePhonetic';
  const levels: LevelDef[] = [exactLevel(0.8, 0.005)];
  if (part === 'givenName') levels.push(equalOnLevel('nickname', field('givenNameCanonical'), 0.03, 0.001));
  levels.push(
    jaroWinklerLevel(0.92, 0.08, 0.003),
    swappedNamesLevel(),
    equalOnLevel('phonetic', field(phonetic), 0.03, 0.005),
    jaroWinklerLevel(0.8, 0.03, 0.02),
    initialLevel(),
  );
  const fields: (keyof StdRecord)[] = [part, phonetic, 'givenName', 'familyName'];
  if (part === 'givenName') fields.push('givenNameCanonical');
  // Prior m of a wholly different name is small: the untrained model must not merge two people who
  // share a household (same birth date and address, e.g. twins or a couple) but not a name.
  // Family names change (marriage) more often than given names, hence a larger prior there.
  return define(part, fields, field(part), levels, { tf: true, elseM: part === 'givenName' ? 0.002 : 0.003 });
}

/** Same length and at most one differing character (a mistyped digit in an ISO date). */
function hammingAtMost1(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i) && ++diff > 1) return false;
  return true;
}

/** Dates of birth (ISO): exact, day/month transposed, one component off, one typed digit, same year. */
export function dateComparison(name: 'dateOfBirth' = 'dateOfBirth'): ComparisonDef {
  const parts = (s: StdRecord) => [s.birthYear, s.birthMonth, s.birthDay];
  const levels = [
    exactLevel(0.85, 0.0001),
    customLevel(
      'day/month transposed',
      (_x, _y, a, b) =>
        a.birthYear === b.birthYear &&
        a.birthDay !== b.birthDay &&
        a.birthMonth === b.birthDay &&
        a.birthDay === b.birthMonth,
      0.02,
      0.00001,
    ),
    customLevel(
      'one component off',
      (_x, _y, a, b) => {
        const pa = parts(a);
        const pb = parts(b);
        let same = 0;
        for (let i = 0; i < 3; i++) if (pa[i] !== null && pa[i] === pb[i]) same++;
        return same === 2;
      },
      0.06,
      0.003,
    ),
    customLevel('one digit off', (x, y) => hammingAtMost1(x, y), 0.02, 0.001),
    customLevel('same year', (_x, _y, a, b) => a.birthYear !== null && a.birthYear === b.birthYear, 0.02, 0.01),
  ];
  return define(name, [name, 'birthYear', 'birthMonth', 'birthDay'], field(name), levels);
}

/** Street address: exact line, same house number and street JW ≥ 0.9, same street only, line JW ≥ 0.85. */
export function addressComparison(): ComparisonDef {
  const streetJw = memoJw();
  const sameStreet = (a: StdRecord, b: StdRecord) =>
    a.streetName !== null && b.streetName !== null && streetJw(a.streetName, b.streetName) >= 0.9;
  const levels = [
    exactLevel(0.7, 0.0005),
    customLevel(
      'house number and street',
      (_x, _y, a, b) => a.houseNumber !== null && a.houseNumber === b.houseNumber && sameStreet(a, b),
      0.15,
      0.0005,
    ),
    customLevel('same street', (_x, _y, a, b) => sameStreet(a, b), 0.05, 0.005),
    jaroWinklerLevel(0.85, 0.05, 0.01),
  ];
  return define('address', ['addressLine', 'houseNumber', 'streetName'], field('addressLine'), levels);
}

export function postcodeComparison(): ComparisonDef {
  // Prior u well above the share of one postcode: its agreement largely repeats the address's.
  return define('postalCode', ['postalCode'], field('postalCode'), [
    exactLevel(0.85, 0.01),
    levenshteinLevel(1, 0.08, 0.02),
  ]);
}

export function localityComparison(): ComparisonDef {
  return define('locality', ['locality'], field('locality'), [exactLevel(0.85, 0.05), jaroWinklerLevel(0.88)], {
    tf: true,
  });
}

/** Digits of the phone: national significant number when valid, bare digits otherwise. */
const phoneDigits: Getter = (s) => s.phoneDigits ?? (s.phone ? s.phone.replace(/\D/g, '') : null);

/**
 * Phone: exact digits (TF: a switchboard number shared by many records counts less than a private
 * line), same last 7 digits (local number without area code), one edit.
 */
export function phoneComparison(): ComparisonDef {
  return define(
    'phone',
    ['phone', 'phoneDigits'],
    phoneDigits,
    [
      exactLevel(0.8, 0.0001),
      customLevel(
        'same last 7 digits',
        (a, b) => a.length >= 7 && b.length >= 7 && a.slice(-7) === b.slice(-7),
        0.08,
        0.0002,
      ),
      transpositionOrEditLevel(0.05, 0.001),
    ],
    { tf: true },
  );
}

/** Email: exact, same local part, JW ≥ 0.88 on the whole address. */
export function emailComparison(): ComparisonDef {
  const local = (e: string) => {
    const at = e.indexOf('@');
    return at < 0 ? e : e.slice(0, at);
  };
  return define('email', ['email'], field('email'), [
    exactLevel(0.8, 0.00001),
    customLevel('same local part', (a, b) => local(a) === local(b), 0.05, 0.0001),
    jaroWinklerLevel(0.88, 0.08, 0.001),
  ]);
}

export function nationalIdComparison(): ComparisonDef {
  return define('nationalId', ['nationalId'], field('nationalId'), [
    exactLevel(0.85, 0.00001),
    transpositionOrEditLevel(0.08, 0.0001),
  ]);
}

/**
 * Organisation key: exact (TF), JW ≥ 0.92, token overlap ≥ 0.75, fuzzy token overlap ≥ 0.5 (the name
 * inside a longer form with a parent agency or a site suffix), JW ≥ 0.8, one shared word. Graded
 * token levels keep "else" for names with nothing in common, so its weight can be strongly negative.
 */
export function organizationComparison(): ComparisonDef {
  return define(
    'organization',
    ['organizationKey'],
    field('organizationKey'),
    [
      exactLevel(0.6, 0.001),
      jaroWinklerLevel(0.92, 0.15, 0.002),
      customLevel('token overlap >= 0.75', (a, b) => tokenOverlap(a, b) >= 0.75, 0.1, 0.005),
      customLevel('fuzzy token overlap >= 0.5', (a, b) => fuzzyTokenOverlap(a, b) >= 0.5, 0.06, 0.01),
      jaroWinklerLevel(0.8, 0.04, 0.02),
      customLevel('one shared word', (a, b) => fuzzyTokenOverlap(a, b) > 0, 0.02, 0.05),
    ],
    { tf: true, elseM: 0.02 },
  );
}
