/**
 * Person names: split a full name into parts, fold the parts for comparison, canonical given name
 * through the nickname table, Double Metaphone keys.
 */
import DoubleMetaphone from 'natural/lib/natural/phonetics/double_metaphone.js';
import { cleanText, foldText, hanSurnameToPinyin, hanToPinyin, hasHan, simplifyHan } from './text.js';
import { HAN_COMPOUND_SURNAMES, HONORIFIC_GENDER, HONORIFICS, PARTICLES, SUFFIXES } from './tables/name-words.js';
import { canonicalGivenName } from './tables/nicknames.js';

export interface NameParts {
  /** Display forms (cleaned, original script). */
  given: string | null;
  middle: string | null;
  family: string | null;
  honorific: string | null;
  suffix: string | null;
  /** True when the input had text but no family/given split could be made. */
  unparsed: boolean;
}

const EMPTY: NameParts = { given: null, middle: null, family: null, honorific: null, suffix: null, unparsed: false };
const HAN_ONLY = /^[\p{Script=Han}·・\s]+$/u;

/** Word key for table look-ups: lower-case, dots and apostrophes dropped ("Ph.D." → "phd"). */
function wordKey(token: string): string {
  return token.toLowerCase().replace(/[.'’,]/g, '');
}

/**
 * Splits a full name. Handles "Family, Given Middle", honorifics before and suffixes after,
 * particles (van, de la, bin) kept with the family name, hyphenated family names as one word,
 * and Chinese names written family-first in Han characters (compound surnames 欧阳, 司马, ...).
 */
export function splitFullName(full: string | null | undefined): NameParts {
  const text = cleanText(full);
  if (text === '') return EMPTY;
  if (HAN_ONLY.test(text)) return splitHanName(text);
  const comma = text.indexOf(',');
  if (comma > 0) {
    const family = text.slice(0, comma).trim();
    const rest = text.slice(comma + 1).trim();
    const after = rest.split(/\s*,\s*|\s+/).filter(Boolean);
    if (family !== '' && after.length > 0 && !after.every((t) => SUFFIXES.has(wordKey(t)))) {
      return splitGivenFirst([...after.filter((t) => !SUFFIXES.has(wordKey(t))), '\u0000' + family], after);
    }
  }
  const tokens = text.split(/[\s,]+/).filter(Boolean);
  return splitGivenFirst(tokens, []);
}

/** Given-first token list; a token starting with NUL is a family name fixed by a comma. */
function splitGivenFirst(tokens: string[], afterComma: string[]): NameParts {
  let start = 0;
  let end = tokens.length;
  let honorific: string | null = null;
  let suffix: string | null = null;
  // Advance outside `??=`: its right side is skipped once the value is set, which never moved the
  // index past a second honorific ("Mr M. King") or suffix, and looped forever.
  while (start < end - 1 && HONORIFICS.has(wordKey(tokens[start]!))) {
    const token = tokens[start++]!;
    honorific ??= token;
  }
  while (end - 1 > start && SUFFIXES.has(wordKey(tokens[end - 1]!)) && !tokens[end - 1]!.startsWith('\u0000')) {
    const token = tokens[--end]!;
    suffix ??= token;
  }
  for (const t of afterComma) if (SUFFIXES.has(wordKey(t))) suffix ??= t;
  const words = tokens.slice(start, end);
  if (words.length === 0) return { ...EMPTY, honorific, suffix, unparsed: true };
  const last = words[words.length - 1]!;
  if (last.startsWith('\u0000')) {
    const family = last.slice(1);
    return nameParts(words.slice(0, -1), family, honorific, suffix);
  }
  if (words.length === 1) return { ...EMPTY, family: words[0]!, honorific, suffix, unparsed: true };
  let familyStart = words.length - 1;
  while (familyStart > 1 && PARTICLES.has(wordKey(words[familyStart - 1]!))) familyStart -= 1;
  return nameParts(words.slice(0, familyStart), words.slice(familyStart).join(' '), honorific, suffix);
}

function nameParts(givenWords: string[], family: string, honorific: string | null, suffix: string | null): NameParts {
  const given = givenWords[0] ?? null;
  const middle = givenWords.length > 1 ? givenWords.slice(1).join(' ') : null;
  return { given, middle, family: family || null, honorific, suffix, unparsed: given === null };
}

/** Han names are family-first: a compound surname takes two characters, others one. */
function splitHanName(text: string): NameParts {
  const parts = text.split(/[\s·・]+/).filter(Boolean);
  if (parts.length >= 2) {
    return { ...EMPTY, family: parts[0]!, given: parts.slice(1).join('') };
  }
  const name = parts[0] ?? '';
  const chars = Array.from(name);
  if (chars.length < 2) return { ...EMPTY, family: name, unparsed: true };
  const two = chars.slice(0, 2).join('');
  const familyLength = chars.length > 2 && HAN_COMPOUND_SURNAMES.has(two) ? 2 : 1;
  return { ...EMPTY, family: chars.slice(0, familyLength).join(''), given: chars.slice(familyLength).join('') };
}

/** Gender implied by an honorific (Mr → m, Mrs/Ms → f), or null. */
export function genderFromHonorific(honorific: string | null): 'm' | 'f' | null {
  return honorific ? (HONORIFIC_GENDER[wordKey(honorific)] ?? null) : null;
}

/** Comparison form of a given name: Han joined as one word ("xiaoming"), other scripts folded. */
export function foldGivenName(given: string | null): string | null {
  if (given == null) return null;
  const s = hasHan(given) ? hanToPinyin(cleanText(given), true) : foldText(given);
  return s === '' ? null : s;
}

/** Comparison form of a family name: Han surnames read with surname pronunciations. */
export function foldFamilyName(family: string | null): string | null {
  if (family == null) return null;
  const s =
    hasHan(family) && HAN_ONLY.test(cleanText(family)) ? hanSurnameToPinyin(cleanText(family)) : foldText(family);
  return s === '' ? null : s;
}

/** Canonical given name (bob → robert) of a folded given name, using its first word. */
export function canonicalGiven(foldedGiven: string | null): string | null {
  if (foldedGiven == null) return null;
  const space = foldedGiven.indexOf(' ');
  if (space < 0) return canonicalGivenName(foldedGiven);
  return canonicalGivenName(foldedGiven.slice(0, space)) + foldedGiven.slice(space);
}

const metaphone = new DoubleMetaphone();
const phoneticCache = new Map<string, string | null>();
const PHONETIC_CACHE_LIMIT = 100_000;

/** Empties the phonetic-code cache. */
export function clearPhoneticCache(): void {
  phoneticCache.clear();
}

/** Double Metaphone primary code of a folded name (letters only; spaces and digits ignored). */
export function phoneticKey(folded: string | null): string | null {
  if (folded == null) return null;
  const cached = phoneticCache.get(folded);
  if (cached !== undefined) return cached;
  const letters = folded.replace(/[^a-z]/g, '');
  const code = letters === '' ? null : metaphone.process(letters)[0] || null;
  if (phoneticCache.size >= PHONETIC_CACHE_LIMIT) phoneticCache.clear();
  phoneticCache.set(folded, code);
  return code;
}

/** Native-script form for exact matching of non-Latin names: Han folded to simplified characters. */
export function nativeName(text: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes/detects
  if (!hasHan(text)) return /[^\x00-\x7f\p{Script=Latin}\p{M}\p{P}\p{Z}\p{N}]/u.test(text) ? text : null;
  return simplifyHan(text).replace(/\s+/g, '');
}
