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
  sideways,
  type Getter,
  type LevelDef,
  type LevelPrior,
} from './comparison-levels.js';
import { fuzzyTokenOverlap, tokenOverlap } from './strings.js';

export interface ComparisonDef {
  name: string;
  /** StdRecord fields read (blocking rules on any of them are excluded from this comparison's EM). */
  fields: readonly (keyof StdRecord)[];
  get: Getter;
  levels: readonly LevelDef[];
  /** Expert prior of the "else" level. */
  elsePrior: LevelPrior;
  /** Level 1 is exact equality on `get` (its `exact` property): its u is computed from value frequencies. */
  exactFirst: boolean;
  /** Term-frequency adjustment of the exact level (its `tf` property): rare values weigh more than common ones. */
  termFrequency: boolean;
  /**
   * "Completely different" is always strong negative evidence (names, date of birth): training may
   * never give the else level more than these bits, whatever EM converged to. Null: no bound.
   */
  maxElseBits: number | null;
  /** Agreement is no evidence (weight at most 0); only disagreement counts (gender). */
  conflictOnly: boolean;
}

/** Weight (bits) that "else" of a name part may never exceed: 16 times less likely for the same person. */
export const NAME_DISAGREEMENT_BITS = -4;
/**
 * The same for a date of birth, looser: sources that key dates by hand or fill them with defaults
 * give a wholly different date to a real share of one person's records (a fifth of the duplicates
 * in some curated sets), and the name bound already keeps households apart.
 */
export const DATE_DISAGREEMENT_BITS = -2;

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

interface DefineOptions {
  else?: LevelPrior;
  maxElseBits?: number;
  conflictOnly?: boolean;
}

function define(
  name: string,
  fields: readonly (keyof StdRecord)[],
  get: Getter,
  levels: LevelDef[],
  opts: DefineOptions = {},
): ComparisonDef {
  // A TF table adjusts the weight of level 1 by the frequency of the value both records share.
  if (levels.some((l, i) => l.tf && (i > 0 || !l.exact)))
    throw new Error(`${name}: only an exact first level can be tf`);
  return {
    name,
    fields,
    get,
    levels,
    elsePrior: opts.else ?? { m: 0.05, u: 0.95 },
    exactFirst: levels[0]?.exact === true,
    termFrequency: levels[0]?.tf === true,
    maxElseBits: opts.maxElseBits ?? null,
    conflictOnly: opts.conflictOnly ?? false,
  };
}

export function exactMatch(name: keyof StdRecord, opts: { tf?: boolean } = {}): ComparisonDef {
  return define(name, [name], field(name), [exactLevel({ m: 0.9, u: 0.01, tf: opts.tf })]);
}

export function jaroWinklerAtThresholds(
  name: keyof StdRecord,
  thresholds: number[],
  opts: { tf?: boolean } = {},
): ComparisonDef {
  const levels = [exactLevel({ m: 0.85, u: 0.01, tf: opts.tf }), ...thresholds.map((t) => jaroWinklerLevel(t))];
  return define(name, [name], field(name), levels);
}

/** Person name part: exact (TF), nickname-canonical, JW ≥ 0.92, swapped, phonetic, JW ≥ 0.8, initials. */
export function personNameComparison(part: 'givenName' | 'familyName'): ComparisonDef {
  const phonetic = part === 'givenName' ? 'givenNamePhonetic' : 'familyNamePhonetic';
  const levels: LevelDef[] = [exactLevel({ m: 0.8, u: 0.005, tf: true })];
  if (part === 'givenName')
    levels.push(sideways(equalOnLevel('nickname', field('givenNameCanonical'), { m: 0.03, u: 0.001 })));
  levels.push(
    jaroWinklerLevel(0.92, { m: 0.08, u: 0.003 }),
    sideways(swappedNamesLevel()),
    sideways(equalOnLevel('phonetic', field(phonetic), { m: 0.03, u: 0.005 })),
    jaroWinklerLevel(0.8, { m: 0.03, u: 0.02 }),
    initialLevel(),
  );
  const fields: (keyof StdRecord)[] = [part, phonetic, 'givenName', 'familyName'];
  if (part === 'givenName') fields.push('givenNameCanonical');
  // Prior m of a wholly different name is small: the untrained model must not merge two people who
  // share a household (same birth date and address, e.g. twins or a couple) but not a name.
  // Family names change (marriage) more often than given names, hence a larger prior there.
  const otherwise = { m: part === 'givenName' ? 0.002 : 0.003, u: 0.95 };
  return define(part, fields, field(part), levels, { else: otherwise, maxElseBits: NAME_DISAGREEMENT_BITS });
}

/**
 * Middle name: exact (TF), an initial against the full name ("j" / "james"), else. One side
 * missing is the usual case and weighs nothing (level 0).
 */
export function middleNameComparison(): ComparisonDef {
  return define(
    'middleName',
    ['middleName'],
    field('middleName'),
    [exactLevel({ m: 0.8, u: 0.02, tf: true }), initialLevel({ m: 0.12, u: 0.06 })],
    { else: { m: 0.08, u: 0.92 } },
  );
}

/** Gender as a conflict signal only: agreeing says nothing (half of everyone), disagreeing counts against. */
export function genderComparison(): ComparisonDef {
  const gender: Getter = (s) => (s.gender === 'm' || s.gender === 'f' ? s.gender : null);
  return define('gender', ['gender'], gender, [exactLevel({ m: 0.97, u: 0.5 })], {
    else: { m: 0.03, u: 0.5 },
    conflictOnly: true,
  });
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
    exactLevel({ m: 0.85, u: 0.0001 }),
    customLevel(
      'day/month transposed',
      (_x, _y, a, b) =>
        a.birthYear === b.birthYear &&
        a.birthDay !== b.birthDay &&
        a.birthMonth === b.birthDay &&
        a.birthDay === b.birthMonth,
      { m: 0.02, u: 0.00001 },
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
      { m: 0.06, u: 0.003 },
    ),
    customLevel('one digit off', (x, y) => hammingAtMost1(x, y), { m: 0.02, u: 0.001 }),
    customLevel('same year', (_x, _y, a, b) => a.birthYear !== null && a.birthYear === b.birthYear, {
      m: 0.02,
      u: 0.01,
    }),
  ];
  return define(name, [name, 'birthYear', 'birthMonth', 'birthDay'], field(name), levels, {
    maxElseBits: DATE_DISAGREEMENT_BITS,
  });
}

/** Street address: exact line, same house number and street JW ≥ 0.9, same street only, line JW ≥ 0.85. */
export function addressComparison(): ComparisonDef {
  const streetJw = memoJw();
  const sameStreet = (a: StdRecord, b: StdRecord) =>
    a.streetName !== null && b.streetName !== null && streetJw(a.streetName, b.streetName) >= 0.9;
  const levels = [
    exactLevel({ m: 0.7, u: 0.0005 }),
    customLevel(
      'house number and street',
      (_x, _y, a, b) => a.houseNumber !== null && a.houseNumber === b.houseNumber && sameStreet(a, b),
      { m: 0.15, u: 0.0005 },
    ),
    // A neighbour's address (same street, another number) is not a closer form of a similar line.
    sideways(customLevel('same street', (_x, _y, a, b) => sameStreet(a, b), { m: 0.05, u: 0.005 })),
    jaroWinklerLevel(0.85, { m: 0.05, u: 0.01 }),
  ];
  return define('address', ['addressLine', 'houseNumber', 'streetName'], field('addressLine'), levels);
}

export function postcodeComparison(): ComparisonDef {
  // Prior u well above the share of one postcode: its agreement largely repeats the address's.
  return define('postalCode', ['postalCode'], field('postalCode'), [
    exactLevel({ m: 0.85, u: 0.01 }),
    levenshteinLevel(1, { m: 0.08, u: 0.02 }),
  ]);
}

export function localityComparison(): ComparisonDef {
  return define('locality', ['locality'], field('locality'), [
    exactLevel({ m: 0.85, u: 0.05, tf: true }),
    jaroWinklerLevel(0.88),
  ]);
}

/** Digits of the phone: national significant number when valid, bare digits otherwise. */
const phoneDigits: Getter = (s) => s.phoneDigits ?? (s.phone ? s.phone.replace(/\D/g, '') : null);

/**
 * Phone: exact digits (TF: a switchboard number shared by many records counts less than a private
 * line), same last 7 digits (local number without area code), one edit.
 */
export function phoneComparison(): ComparisonDef {
  return define('phone', ['phone', 'phoneDigits'], phoneDigits, [
    exactLevel({ m: 0.8, u: 0.0001, tf: true }),
    customLevel('same last 7 digits', (a, b) => a.length >= 7 && b.length >= 7 && a.slice(-7) === b.slice(-7), {
      m: 0.08,
      u: 0.0002,
    }),
    transpositionOrEditLevel({ m: 0.05, u: 0.001 }),
  ]);
}

/** Email: exact, same local part, JW ≥ 0.88 on the whole address. */
export function emailComparison(): ComparisonDef {
  const local = (e: string) => {
    const at = e.indexOf('@');
    return at < 0 ? e : e.slice(0, at);
  };
  return define('email', ['email'], field('email'), [
    exactLevel({ m: 0.8, u: 0.00001 }),
    customLevel('same local part', (a, b) => local(a) === local(b), { m: 0.05, u: 0.0001 }),
    jaroWinklerLevel(0.88, { m: 0.08, u: 0.001 }),
  ]);
}

/**
 * National id, or an organisation's registration number (ABN, EIN, company number): an exact or
 * near-exact agreement is decisive, and two different identifiers of one kind mean two entities.
 */
export function nationalIdComparison(): ComparisonDef {
  return define('nationalId', ['nationalId'], field('nationalId'), [
    exactLevel({ m: 0.85, u: 0.00001 }),
    transpositionOrEditLevel({ m: 0.08, u: 0.0001 }),
  ]);
}

/**
 * Organisation key: exact (TF), JW ≥ 0.92, token overlap ≥ 0.75, fuzzy token overlap ≥ 0.5 (the name
 * inside a longer form with a parent agency or a site suffix), JW ≥ 0.8, one shared word. Graded
 * token levels keep "else" for names with nothing in common, so its weight can be strongly negative.
 */
const WORDS = 'word overlap';

export function organizationComparison(): ComparisonDef {
  return define(
    'organization',
    ['organizationKey'],
    field('organizationKey'),
    [
      exactLevel({ m: 0.6, u: 0.001, tf: true }),
      jaroWinklerLevel(0.92, { m: 0.15, u: 0.002 }),
      // Word overlap is its own closer/looser chain beside character similarity: a numbered site
      // ("… Center 2") is close in characters, a reordered name close in words.
      sideways(
        customLevel('token overlap >= 0.75', (a, b) => tokenOverlap(a, b) >= 0.75, { m: 0.1, u: 0.005 }),
        WORDS,
      ),
      sideways(
        customLevel('fuzzy token overlap >= 0.5', (a, b) => fuzzyTokenOverlap(a, b) >= 0.5, { m: 0.06, u: 0.01 }),
        WORDS,
      ),
      jaroWinklerLevel(0.8, { m: 0.04, u: 0.02 }),
      sideways(
        customLevel('one shared word', (a, b) => fuzzyTokenOverlap(a, b) > 0, { m: 0.02, u: 0.05 }),
        WORDS,
      ),
    ],
    { else: { m: 0.02, u: 0.95 } },
  );
}
