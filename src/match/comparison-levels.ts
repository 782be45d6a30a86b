/**
 * The comparison-level library (after Splink's comparison_level_library): each level is a named
 * predicate on the two values of a comparison, with a named prior `{ m, u }` used by the untrained
 * (expert) model and as the centre the trained model is shrunk towards.
 * Predicates receive non-null values only: "missing" is a level of its own handled by the engine.
 */
import type { StdRecord } from '../standardize/types.js';
import { isAdjacentTransposition, jaroWinkler, levenshtein } from './strings.js';

export type Getter = (s: StdRecord) => string | null;

/** Expert prior of a level: P(level | match) and P(level | non-match). */
export interface LevelPrior {
  m: number;
  u: number;
}

export interface LevelDef extends LevelPrior {
  label: string;
  test: (va: string, vb: string, a: StdRecord, b: StdRecord) => boolean;
  /** Plain equality of the comparison's value: its u is computed from value frequencies. */
  exact?: true;
  /** Term-frequency adjusted (rare values weigh more than common ones); only on an exact level. */
  tf?: true;
  /** Name of the side chain the level is on, when not on the main closer/looser chain (see `sideways`). */
  sideways?: string;
}

/** Jaro-Winkler with a one-entry memo: thresholds of one comparison reuse the last similarity. */
export function memoJw(): (a: string, b: string) => number {
  let lastA = '';
  let lastB = '';
  let last = 1;
  return (a, b) => {
    if (a !== lastA || b !== lastB) {
      lastA = a;
      lastB = b;
      last = jaroWinkler(a, b);
    }
    return last;
  };
}
const sharedJw = memoJw();

export function exactLevel(prior: LevelPrior & { tf?: boolean } = { m: 0.85, u: 0.01 }): LevelDef {
  const level: LevelDef = { label: 'exact', test: (a, b) => a === b, m: prior.m, u: prior.u, exact: true };
  if (prior.tf) level.tf = true;
  return level;
}

export function jaroWinklerLevel(threshold: number, prior: LevelPrior = { m: 0.08, u: 0.01 }): LevelDef {
  return { label: `jaro-winkler>=${threshold}`, test: (a, b) => sharedJw(a, b) >= threshold, ...prior };
}

export function levenshteinLevel(maxEdits: number, prior: LevelPrior = { m: 0.08, u: 0.005 }): LevelDef {
  return {
    label: maxEdits === 1 ? 'one edit' : `levenshtein<=${maxEdits}`,
    test: (a, b) => Math.abs(a.length - b.length) <= maxEdits && levenshtein(a, b) <= maxEdits,
    ...prior,
  };
}

export function transpositionOrEditLevel(prior: LevelPrior = { m: 0.08, u: 0.002 }): LevelDef {
  return {
    label: 'one edit or transposition',
    test: (a, b) => isAdjacentTransposition(a, b) || (Math.abs(a.length - b.length) <= 1 && levenshtein(a, b) <= 1),
    ...prior,
  };
}

/** Equal on another (derived) attribute of the records, e.g. the phonetic code or nickname canonical. */
export function equalOnLevel(label: string, get: Getter, prior: LevelPrior = { m: 0.05, u: 0.02 }): LevelDef {
  return {
    label,
    test: (_va, _vb, a, b) => {
      const x = get(a);
      return x !== null && x === get(b);
    },
    ...prior,
  };
}

/** One value is a single letter (or an initial followed by more) equal to the other's first letter. */
export function initialLevel(prior: LevelPrior = { m: 0.03, u: 0.05 }): LevelDef {
  return {
    label: 'initial',
    test: (a, b) => (a.length === 1 || b.length === 1) && a.charCodeAt(0) === b.charCodeAt(0),
    ...prior,
  };
}

/** Given and family name exchanged between the two records (a common data-entry error). */
export function swappedNamesLevel(prior: LevelPrior = { m: 0.03, u: 0.0005 }): LevelDef {
  return {
    label: 'swapped given/family',
    test: (_va, _vb, a, b) =>
      a.givenName !== null &&
      a.familyName !== null &&
      b.givenName !== null &&
      b.familyName !== null &&
      // Cheap first-letter gate: the JW >= 0.92 pairs this level is for nearly always share it.
      a.givenName.charCodeAt(0) === b.familyName.charCodeAt(0) &&
      jaroWinkler(a.givenName, b.familyName) >= 0.92 &&
      jaroWinkler(a.familyName, b.givenName) >= 0.92,
    ...prior,
  };
}

/** Free predicate on the two values (used by the date and address comparisons). */
export function customLevel(label: string, test: LevelDef['test'], prior: LevelPrior): LevelDef {
  return { label, test, ...prior };
}

/**
 * Marks a level of another kind than the main similarity chain of its comparison (a nickname,
 * swapped parts, a phonetic code; word overlap beside character similarity): monotonicity bounds
 * it by the exact level above and "else" below, and orders it only among the levels of its own
 * `chain` (by default a chain of its own).
 */
export function sideways(level: LevelDef, chain: string = level.label): LevelDef {
  return { ...level, sideways: chain };
}
