/**
 * Text primitives shared by every standardiser: display cleaning (NFKC, whitespace), comparison
 * folding (accents, case, punctuation) and transliteration to ASCII (pinyin for Han, any-ascii for
 * every other script). Pure and allocation-light: ASCII input takes a fast path that skips
 * normalisation and transliteration entirely, which is the common case in customer data.
 */
import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';
import * as OpenCC from 'opencc-js/t2cn';

/** Longest input any standardiser looks at; longer values are cut (and reported by the caller). */
export const MAX_FIELD_LENGTH = 512;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// eslint-disable-next-line no-control-regex -- control characters are what this removes/detects
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/g;
const SPACES = /\s+/g;
const UNTIDY_SPACES = /^ | $| {2}/;
const FOLDED = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const MARKS = /\p{M}+/gu;
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
// eslint-disable-next-line no-control-regex -- control characters are what this removes/detects
const NON_ASCII = /[^\x00-\x7f]/;
/** Everything that is not a letter or digit becomes a separator in comparison form. */
const NON_ALNUM = /[^a-z0-9]+/g;
const APOSTROPHES = /['’`´ʼ]/g;

// Traditional → simplified (OpenCC, Hong Kong/Taiwan variants included), built once at load.
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/**
 * Display form: NFKC (which also maps full-width Latin, digits and punctuation to half-width),
 * control and zero-width characters removed, whitespace collapsed, trimmed, length capped.
 * Returns '' for null/undefined.
 */
export function cleanText(value: string | null | undefined): string {
  if (value == null) return '';
  let s = value.length > MAX_FIELD_LENGTH ? value.slice(0, MAX_FIELD_LENGTH) : value;
  if (PRINTABLE_ASCII.test(s)) {
    if (!UNTIDY_SPACES.test(s)) return s; // the common case: nothing to do, no allocation
  } else {
    s = s.normalize('NFKC').replace(CONTROL, ' ');
  }
  return s.replace(SPACES, ' ').trim();
}

/** True when the text contains at least one Han (Chinese) character. */
export function hasHan(text: string): boolean {
  return !PRINTABLE_ASCII.test(text) && HAN.test(text);
}

/** Simplified-Chinese form of Han text (traditional and variant characters folded); others unchanged. */
export function simplifyHan(text: string): string {
  return hasHan(text) ? toSimplified(text) : text;
}

/**
 * Pinyin of a run of Han characters, without tones. `joined` writes the syllables as one word
 * ("xiaoming"), as romanised given names are usually written; otherwise they are space separated.
 */
export function hanToPinyin(han: string, joined: boolean): string {
  const syllables = pinyin(simplifyHan(han), { toneType: 'none', type: 'array', v: true });
  return syllables.join(joined ? '' : ' ');
}

/** Pinyin of a Han family name (surname readings: 曾 → zeng, 单 → shan). */
export function hanSurnameToPinyin(han: string): string {
  return pinyin(simplifyHan(han), { toneType: 'none', type: 'array', surname: 'all', v: true }).join('');
}

/** Accent-free ASCII transliteration: pinyin for Han runs, any-ascii for everything else. */
export function toAscii(text: string, joinHan = false): string {
  if (!NON_ASCII.test(text)) return text;
  let s = text.normalize('NFKD').replace(MARKS, '');
  if (HAN.test(s)) s = s.replace(HAN_RUN, (run) => ` ${hanToPinyin(run, joinHan)} `);
  return NON_ASCII.test(s) ? anyAscii(s) : s;
}

/**
 * Comparison form: ASCII, lower-case, apostrophes dropped (o'brien → obrien), every other
 * non-alphanumeric run turned into one space, trimmed. '' when nothing is left.
 */
export function foldText(value: string | null | undefined, joinHan = false): string {
  const clean = cleanText(value);
  if (clean === '' || FOLDED.test(clean)) return clean;
  return toAscii(clean, joinHan).toLowerCase().replace(APOSTROPHES, '').replace(NON_ALNUM, ' ').trim();
}

/** Upper-cases the first letter of each word; for display of values that arrived all in one case. */
export function titleCase(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let start = true;
  for (const ch of lower) {
    out += start ? ch.toUpperCase() : ch;
    start = WORD_START.test(ch);
  }
  return out;
}
const WORD_START = /[\s\-'’(.]/;

/** Display form of a name: cleaned, and title-cased when it arrived all upper- or all lower-case. */
export function displayCase(text: string): string {
  if (text === '') return text;
  const lower = text.toLowerCase();
  const upper = text.toUpperCase();
  if (lower === upper) return text; // caseless script (Han, ...)
  return text === lower || text === upper ? titleCase(text) : text;
}

/** Cuts a raw value to 200 characters for a Problem record. */
export function problemValue(value: string | null | undefined): string {
  if (value == null) return '';
  return value.length > 200 ? value.slice(0, 200) : value;
}
