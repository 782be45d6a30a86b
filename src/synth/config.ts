/**
 * Rates that shape the generated data. Population rates act per customer; corruption rates are the
 * chance that one record receives that corruption when it applies (a nickname needs a given name
 * with a nickname, a day/month swap needs a day ≤ 12 and a date of birth on the record).
 * Defaults are documented in docs/generator.md; override with a JSON file or `--rate name=value`.
 */
import type { PopulationRates } from './customer.js';

export interface CorruptionRates {
  /** Keyboard typo (insert, delete, substitute a key's neighbour, transpose) in one text field. */
  typo: number;
  /** OCR-like confusion (0/O, 1/l, rn/m, 5/S …) in one text field. */
  ocr: number;
  nickname: number;
  /** Given and family name swapped. */
  name_swap: number;
  /** Given name reduced to its initial. */
  initials: number;
  /** One present field left empty. */
  missing: number;
  /** Street type written the other way (Street ↔ St). */
  abbreviation: number;
  /** Unit written another way (3/12 ↔ Unit 3, 12 ↔ Apt 3 on line 2). */
  unit_format: number;
  /** Day and month of the date of birth swapped (only when both ≤ 12). */
  dob_swap: number;
  /** One digit of the date of birth wrong. */
  dob_typo: number;
  /** Phone in another format than the system's usual one. */
  phone_format: number;
  /** Phone with another area code of the same place (overlay) or none. */
  phone_area_code: number;
  /** One digit of the phone wrong. */
  phone_typo: number;
  /** Organisation legal form dropped, spelt out or abbreviated differently. */
  legal_form: number;
  /** Organisation name variant: "&" ↔ "and", leading "The". */
  org_variant: number;
  /** Names/addresses upper- or lower-cased. */
  case: number;
  /** Doubled, leading or trailing spaces. */
  whitespace: number;
  /** A Chinese name in a non-Mandarin romanisation (Wong, Chan, Lee). */
  translit_dialect: number;
  /** A two-syllable pinyin given name split or hyphenated (Xiao Ming, Xiao-Ming). */
  translit_split: number;
  /** A Chinese street address written in pinyin (88 Jianguo Lu, Chaoyang District, Beijing). */
  translit_address: number;
  /** A later record shows another family name (marriage); 0 in the postal profile. */
  name_change: number;
}

export interface GeneratorRates extends PopulationRates, CorruptionRates {
  /** Chance that a system holds a customer twice (the duplicates a quality report must find). */
  duplicate: number;
}

export const DEFAULT_RATES: Readonly<GeneratorRates> = Object.freeze({
  organization: 0.2,
  household: 0.12,
  namesake: 0.02,
  move: 0.15,
  duplicate: 0.05,
  typo: 0.1,
  ocr: 0.02,
  nickname: 0.1,
  name_swap: 0.02,
  initials: 0.05,
  missing: 0.08,
  abbreviation: 0.25,
  unit_format: 0.3,
  dob_swap: 0.04,
  dob_typo: 0.02,
  phone_format: 0.2,
  phone_area_code: 0.03,
  phone_typo: 0.02,
  legal_form: 0.35,
  org_variant: 0.15,
  case: 0.08,
  whitespace: 0.05,
  translit_dialect: 0.15,
  translit_split: 0.15,
  translit_address: 0.15,
  name_change: 0,
});

export type RateName = keyof GeneratorRates;

export function isRateName(name: string): name is RateName {
  return Object.prototype.hasOwnProperty.call(DEFAULT_RATES, name);
}

/**
 * Merges overrides into the defaults. Returns the merged rates or the list of problems
 * (unknown names, values outside [0, 1]); never throws.
 */
export function resolveRates(
  overrides: Record<string, unknown>,
  base: Readonly<GeneratorRates> = DEFAULT_RATES,
): { rates: GeneratorRates; problems: string[] } {
  const rates: GeneratorRates = { ...base };
  const problems: string[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    if (!isRateName(name)) {
      problems.push(`unknown rate "${name}"`);
      continue;
    }
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 1) {
      problems.push(`rate "${name}" must be a number in [0, 1], got ${JSON.stringify(value)}`);
      continue;
    }
    rates[name] = n;
  }
  return { rates, problems };
}
