/**
 * Phones → E.164 with libphonenumber-js (full "max" metadata, which knows number types), using the
 * record's country or the default. Local numbers without an area code (a 7-digit US number) cannot
 * become E.164: they are reported as `phone.incomplete`, and their digits are kept in `digits` so
 * the matcher can compare them with the last digits of a complete number.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { parseNationalNumber } from './phone-national.js';
import { cleanText } from './text.js';

export interface StdPhone {
  e164: string | null;
  type: 'mobile' | 'fixed' | 'other' | null;
  /** National significant number (valid numbers) or the bare digits (invalid ones); null when none. */
  digits: string | null;
  status: 'valid' | 'incomplete' | 'invalid' | 'empty';
}

const EMPTY: StdPhone = { e164: null, type: null, digits: null, status: 'empty' };
/** Several numbers in one field: the first one is used. */
const SPLIT = /\s*(?:[;|]|\/\s+|\s+or\s+|,\s*)\s*/i;
const NON_DIGIT = /\D+/g;
/** Shortest local subscriber number that is still worth keeping (most plans: 6–8 digits). */
const MIN_LOCAL_DIGITS = 6;

type PhoneType = ReturnType<NonNullable<ReturnType<typeof parsePhoneNumberFromString>>['getType']>;

function phoneType(type: PhoneType): StdPhone['type'] {
  if (type === 'MOBILE') return 'mobile';
  if (type === 'FIXED_LINE') return 'fixed';
  if (type === 'FIXED_LINE_OR_MOBILE') return null; // US/CA: not knowable from the number
  return 'other';
}

// Parsing with full metadata costs ~20 µs (libphonenumber compiles a RegExp per pattern test), and
// the same number recurs across the sources of one customer: results are cached per country+text.
const cache = new Map<string, StdPhone>();
const CACHE_LIMIT = 50_000;

/** Empties the phone cache (benchmarks call it so each timed round starts cold). */
export function clearPhoneCache(): void {
  cache.clear();
}

/** Standardises one phone field for an ISO country (used for numbers without a + prefix). */
export function standardizePhone(raw: string | null | undefined, country: string): StdPhone {
  const text = cleanText(raw);
  if (text === '') return EMPTY;
  const key = country + '|' + text;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = parsePhone(text, country);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

/** The library's parse of one number, reduced to what StdPhone needs; null when it finds no number. */
interface Parsed {
  e164: string;
  nationalNumber: string;
  type: PhoneType;
  possible: boolean;
}

function libraryParse(first: string, country: string): Parsed | null {
  let parsed: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    parsed = parsePhoneNumberFromString(first, { defaultCountry: country as CountryCode, extract: false });
  } catch {
    parsed = undefined; // unknown default country code: treated as an unparseable number
  }
  if (!parsed) return null;
  // With "max" metadata a number is valid exactly when it has a type (that is how isValid() is
  // implemented), so one getType() call answers both questions.
  const type = parsed.getType();
  return {
    e164: parsed.number,
    nationalNumber: parsed.nationalNumber,
    type,
    possible: type !== undefined || parsed.isPossible(),
  };
}

function nationalParse(first: string, country: string): Parsed | null | undefined {
  const fast = parseNationalNumber(first, country);
  if (!fast) return fast;
  return {
    e164: '+' + fast.callingCode + fast.nationalNumber,
    nationalNumber: fast.nationalNumber,
    type: fast.type as PhoneType,
    possible: fast.possible,
  };
}

/**
 * Parses one cleaned phone text. `fastPath: false` always asks the library: the reference the
 * tests compare the fast path with.
 */
export function parsePhone(text: string, country: string, fastPath = true): StdPhone {
  const first = text.split(SPLIT)[0] ?? text;
  const digits = first.replace(NON_DIGIT, '');
  if (digits === '') return { ...EMPTY, status: 'invalid' };
  const fast = fastPath ? nationalParse(first, country) : undefined;
  const parsed = fast === undefined ? libraryParse(first, country) : fast;
  if (parsed && parsed.type !== undefined) {
    return { e164: parsed.e164, type: phoneType(parsed.type), digits: parsed.nationalNumber, status: 'valid' };
  }
  const tooShort = parsed ? !parsed.possible && digits.length < 10 : digits.length < 10;
  const local = tooShort && digits.length >= MIN_LOCAL_DIGITS && !first.trim().startsWith('+');
  return { e164: null, type: null, digits, status: local ? 'incomplete' : 'invalid' };
}
