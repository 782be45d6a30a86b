/**
 * Phones → E.164 with libphonenumber-js (full "max" metadata, which knows number types), using the
 * record's country or the default. Local numbers without an area code (a 7-digit US number) cannot
 * become E.164: they are reported as `phone.incomplete`, and their digits are kept in `digits` so
 * the matcher can compare them with the last digits of a complete number.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
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

function parsePhone(text: string, country: string): StdPhone {
  const first = text.split(SPLIT)[0] ?? text;
  const digits = first.replace(NON_DIGIT, '');
  if (digits === '') return { ...EMPTY, status: 'invalid' };
  let parsed: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    parsed = parsePhoneNumberFromString(first, { defaultCountry: country as CountryCode, extract: false });
  } catch {
    parsed = undefined; // unknown default country code: treated as an unparseable number
  }
  // With "max" metadata a number is valid exactly when it has a type (that is how isValid() is
  // implemented), so one getType() call answers both questions.
  const type = parsed?.getType();
  if (parsed && type !== undefined) {
    return { e164: parsed.number, type: phoneType(type), digits: parsed.nationalNumber, status: 'valid' };
  }
  const tooShort = parsed ? !parsed.isPossible() && digits.length < 10 : digits.length < 10;
  const local = tooShort && digits.length >= MIN_LOCAL_DIGITS && !first.trim().startsWith('+');
  return { e164: null, type: null, digits, status: local ? 'incomplete' : 'invalid' };
}
