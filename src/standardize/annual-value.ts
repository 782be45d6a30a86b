/**
 * annual_value: a money amount written by a person or a spreadsheet. The rule is "read it only when
 * there is one reading": a value that could mean two different numbers, or that uses a notation a
 * clerk would not (exponents, k/M suffixes, ranges), is a problem and no value — never a silently
 * different number (`10k` once became 10, `1e3` became 13, `1 234,56` became 123456).
 *
 * Accepted: optional currency symbol or ISO code before or after; digits with an optional decimal
 * part after `.` or `,`; thousands separators (`,` `.` `'` space, NBSP, narrow NBSP) in groups of
 * three, consistent, and different from the decimal mark. A single `,` or `.` followed by exactly
 * three digits (`1,234`, `1.500`) is ambiguous (thousands or decimal?) and rejected, unless the
 * integer part is 0. Negative amounts (`-5`, `(5)`) are rejected: a customer's annual value is not
 * negative. Amounts above MAX_ANNUAL_VALUE are rejected (double precision keeps cents exact below).
 */
export const MAX_ANNUAL_VALUE = 1e13;

export type AnnualValueReading =
  | { value: number }
  | {
      problem:
        'annual_value.invalid' | 'annual_value.ambiguous' | 'annual_value.negative' | 'annual_value.out_of_range';
    };

const CURRENCY =
  /^(?:[$€£¥]|(?:usd|aud|nzd|cad|gbp|eur|cny|rmb|jpy|chf|sgd|hkd)\b\.?)\s*|\s*(?:[$€£¥]|\b(?:usd|aud|nzd|cad|gbp|eur|cny|rmb|jpy|chf|sgd|hkd))$/i;
const GROUP_SEPARATORS = `,.' \u00a0\u202f`;

export function readAnnualValue(text: string): AnnualValueReading {
  let body = text.trim();
  let negative = false;
  if (/^\(.*\)$/.test(body)) [negative, body] = [true, body.slice(1, -1).trim()];
  if (body.startsWith('-') || body.startsWith('\u2212')) [negative, body] = [true, body.slice(1).trim()];
  body = body.replace(CURRENCY, '').replace(CURRENCY, '').trim();
  if (body.startsWith('-') || body.startsWith('\u2212')) [negative, body] = [true, body.slice(1).trim()];
  const digits = toPlainDecimal(body);
  if (typeof digits !== 'string') return { problem: digits.problem };
  const value = Number(digits);
  if (!Number.isFinite(value)) return { problem: 'annual_value.invalid' };
  if (negative && value !== 0) return { problem: 'annual_value.negative' };
  if (value > MAX_ANNUAL_VALUE) return { problem: 'annual_value.out_of_range' };
  return { value };
}

/** `1 234,56` → `1234.56`; a problem when the text is not one unambiguous decimal. */
function toPlainDecimal(body: string): string | { problem: 'annual_value.invalid' | 'annual_value.ambiguous' } {
  if (/^\d+$/.test(body)) return body;
  const m = /^(\d+)([.,])(\d+)$/.exec(body);
  if (m) {
    const [, int = '', , frac = ''] = m;
    // `1,234` / `1.500`: thousands or decimal? A leading 0, a longer integer part (no group has more
    // than three digits) or a tail that is not three digits long decides it.
    if (frac.length === 3 && int.length <= 3 && !/^0+$/.test(int)) return { problem: 'annual_value.ambiguous' };
    return `${int}.${frac}`;
  }
  return groupedDecimal(body);
}

/** Digits in groups of three with one separator, then an optional decimal part with the other mark. */
function groupedDecimal(body: string): string | { problem: 'annual_value.invalid' | 'annual_value.ambiguous' } {
  const sep = [...body].find((c) => GROUP_SEPARATORS.includes(c));
  if (sep === undefined) return { problem: 'annual_value.invalid' };
  const esc = sep.replace(/[.]/g, '\\.');
  const grouped = new RegExp(`^(\\d{1,3}(?:${esc}\\d{3})+)(?:([.,])(\\d+))?$`).exec(body);
  if (!grouped) return { problem: 'annual_value.invalid' };
  const [, intPart = '', mark, frac] = grouped;
  if (mark !== undefined && mark === sep) return { problem: 'annual_value.invalid' };
  const int = intPart.split(sep).join('');
  // `1,234` (one group, no decimal part) was handled above as ambiguous; `1 234` cannot be a decimal.
  return frac === undefined ? int : `${int}.${frac}`;
}
