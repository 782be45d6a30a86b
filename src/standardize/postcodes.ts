/**
 * Postal codes: per-country format check and normal form, and the check of a postcode against its
 * state/province (AU ranges, CA first letter, US ZIP prefixes).
 */
import { AU_POSTCODE_RANGES, CA_POSTCODE_LETTERS, US_ZIP_RANGES } from './tables/regions.js';

interface PostcodeRule {
  pattern: RegExp;
  /** Normal form of a compact (no space/dash, upper-case) code that matched. */
  format: (compact: string) => string;
}

const same = (c: string): string => c;
const RULES: Record<string, PostcodeRule> = {
  US: { pattern: /^\d{5}(\d{4})?$/, format: (c) => (c.length === 9 ? `${c.slice(0, 5)}-${c.slice(5)}` : c) },
  AU: { pattern: /^\d{4}$/, format: same },
  NZ: { pattern: /^\d{4}$/, format: same },
  GB: {
    pattern: /^(GIR0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2})$/,
    format: (c) => `${c.slice(0, -3)} ${c.slice(-3)}`,
  },
  CA: {
    pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/,
    format: (c) => `${c.slice(0, 3)} ${c.slice(3)}`,
  },
  DE: { pattern: /^\d{5}$/, format: same },
  FR: { pattern: /^\d{5}$/, format: same },
  ES: { pattern: /^\d{5}$/, format: same },
  IT: { pattern: /^\d{5}$/, format: same },
  CN: { pattern: /^\d{6}$/, format: same },
  IN: { pattern: /^\d{6}$/, format: same },
  SG: { pattern: /^\d{6}$/, format: same },
  JP: { pattern: /^\d{7}$/, format: (c) => `${c.slice(0, 3)}-${c.slice(3)}` },
  NL: { pattern: /^\d{4}[A-Z]{2}$/, format: (c) => `${c.slice(0, 4)} ${c.slice(4)}` },
  IE: { pattern: /^[AC-FHKNPRTV-Y]\d{2}[AC-FHKNPRTV-Y\d]{4}$/, format: (c) => `${c.slice(0, 3)} ${c.slice(3)}` },
};
/** The length of a country's all-digit postcodes (US 5, AU 4, CN 6, ...), undefined where they have letters or no rule. */
export function digitPostcodeLength(country: string | null): number | undefined {
  // Read off the rule itself (one source of truth): `^\d{N}$`, or US's `^\d{5}(\d{4})?$`.
  const m = country ? /^\^\\d\{(\d)\}(?:\(\\d\{\d\}\)\?)?\$$/.exec(RULES[country]?.pattern.source ?? '') : null;
  return m ? Number(m[1]) : undefined;
}

/** Any other country: 2–10 letters/digits, at least one digit. */
const GENERIC = /^(?=.*\d)[A-Z0-9]{2,10}$/;
const SEPARATORS = /[\s\-.]/g;

export interface PostcodeResult {
  /** Normal form, or the compact input when invalid (still useful for exact comparison). */
  value: string;
  valid: boolean;
}

/** Checks and normalises a postal code for a country (ISO alpha-2). Empty input → null. */
export function normalizePostcode(raw: string, country: string | null): PostcodeResult | null {
  const compact = raw.toUpperCase().replace(SEPARATORS, '');
  if (compact === '') return null;
  const rule = country ? RULES[country] : undefined;
  if (!rule) return { value: compact, valid: GENERIC.test(compact) };
  // AU/NZ codes lose their leading zero in spreadsheets (0800 → 800).
  const fixed = (country === 'AU' || country === 'NZ') && /^\d{3}$/.test(compact) ? '0' + compact : compact;
  return rule.pattern.test(fixed) ? { value: rule.format(fixed), valid: true } : { value: compact, valid: false };
}

/** True when the pattern of a postcode fits the country (used to pick a postcode out of a line). */
export function looksLikePostcode(token: string, country: string | null): boolean {
  const rule = country ? RULES[country] : undefined;
  const compact = token.toUpperCase().replace(SEPARATORS, '');
  return rule ? rule.pattern.test(compact) : /^\d{4,6}$/.test(compact);
}

/**
 * Whether a valid postcode can belong to a region code of the country. Unknown countries or
 * regions answer true (nothing to check).
 */
export function postcodeFitsRegion(postcode: string, region: string, country: string | null): boolean {
  if (country === 'AU') {
    const ranges = AU_POSTCODE_RANGES[region];
    const n = Number(postcode);
    return !ranges || ranges.some(([lo, hi]) => n >= lo && n <= hi);
  }
  if (country === 'CA') {
    const letters = CA_POSTCODE_LETTERS[region];
    return !letters || letters.includes(postcode[0] ?? '');
  }
  if (country === 'US') {
    const ranges = US_ZIP_RANGES[region];
    const n = Number(postcode.slice(0, 3));
    return !ranges || ranges.some(([lo, hi]) => n >= lo && n <= hi);
  }
  return true;
}
