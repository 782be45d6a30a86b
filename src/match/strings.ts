/**
 * String similarity primitives on char codes, written for the batch hot path: no allocation per call
 * beyond two reusable typed arrays (grown when a longer string arrives).
 */
import { distance } from 'fastest-levenshtein';

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

function ensureCapacity(n: number): void {
  if (flagsA.length >= n) return;
  flagsA = new Uint8Array(n * 2);
  flagsB = new Uint8Array(n * 2);
}

/** Jaro similarity (Jaro 1989) in [0, 1]; two empty strings are identical (1). */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  ensureCapacity(Math.max(la, lb));
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ca) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/** Jaro-Winkler similarity (Winkler 1990): prefix bonus 0.1 per common leading char, up to 4. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j === 0 || j === 1) return j;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

/** Levenshtein edit distance. */
export function levenshtein(a: string, b: string): number {
  return a === b ? 0 : distance(a, b);
}

/** Damerau-style check: equal after swapping one pair of adjacent characters. */
export function isAdjacentTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i >= a.length - 1) return false;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Share of the shorter string's tokens found in the longer one (token-set overlap), in [0, 1]. */
export function tokenOverlap(a: string, b: string): number {
  const ta = a.split(' ');
  const tb = b.split(' ');
  const [small, large] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  let hits = 0;
  for (const t of small) if (large.includes(t)) hits++;
  return small.length === 0 ? 0 : hits / small.length;
}

/** Tokens equal, or close enough to be one word mistyped or shortened ("develop" / "development"). */
function sameToken(x: string, y: string): boolean {
  if (x === y) return true;
  if (x.length < 4 || y.length < 4) return false;
  return x.startsWith(y) || y.startsWith(x) || jaroWinkler(x, y) >= 0.9;
}

/**
 * Fuzzy token-set overlap: share of the shorter string's tokens that have a close token (equal, a
 * prefix of at least 4 letters, or Jaro-Winkler ≥ 0.9) in the longer one, in [0, 1]. Catches an
 * organisation's name inside a longer form ("malcolm x college" / "city colleges malcolm x").
 */
export function fuzzyTokenOverlap(a: string, b: string): number {
  const ta = a.split(' ');
  const tb = b.split(' ');
  const [small, large] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  let hits = 0;
  for (const t of small) if (large.some((u) => sameToken(t, u))) hits++;
  return small.length === 0 ? 0 : hits / small.length;
}
