/**
 * Spreadsheet habits: values Excel altered on their way into an export. They are reported as problem
 * codes (the quality report shows which source does it) instead of being repaired in silence:
 * a postcode or phone that lost its leading zero, an annual value written with thousands
 * separators, a date of birth stored as a serial day number.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { readAnnualValue } from './annual-value.js';
import { problem, type ProblemSink } from './codes.js';
import { isExcelSerial } from './dates.js';
import { standardizePhone } from './phones.js';
import { digitPostcodeLength } from './postcodes.js';
import { cleanText } from './text.js';
import type { RawRecord } from './types.js';

/** A number as Excel writes it when the column is not text: digits only. */
const DIGITS = /^\d+$/;

export function reportSpreadsheetHabits(raw: RawRecord, country: string, problems: ProblemSink): void {
  const postcode = cleanText(raw.postal_code);
  const length = digitPostcodeLength(country);
  if (length !== undefined && DIGITS.test(postcode) && postcode.length === length - 1) {
    problems.push(problem('address.postcode_leading_zero_lost', 'postal_code', raw.postal_code));
  }
  const phone = cleanText(raw.phone);
  if (DIGITS.test(phone) && phone.length >= 6 && !phone.startsWith('0') && lostTrunkZero(phone, country)) {
    problems.push(problem('phone.leading_zero_lost', 'phone', raw.phone));
  }
  const amount = cleanText(raw.annual_value);
  const reading = amount === '' ? undefined : readAnnualValue(amount);
  // Read as one number, but its integer digits are not written together: thousands separators.
  if (reading && 'value' in reading && reading.value >= 1000 && !amount.includes(String(Math.trunc(reading.value)))) {
    problems.push(problem('annual_value.thousands_separator', 'annual_value', raw.annual_value));
  }
  if (isExcelSerial(cleanText(raw.date_of_birth))) {
    problems.push(problem('date.excel_serial', 'date_of_birth', raw.date_of_birth));
  }
}

/**
 * True when "0" + digits is a valid number that the country writes with that 0 (GB 07911 123456,
 * AU 0412 345 678); not for numbers written without it (CN mobiles 138…, US numbers).
 */
function lostTrunkZero(digits: string, country: string): boolean {
  if (standardizePhone('0' + digits, country).status !== 'valid') return false;
  try {
    const parsed = parsePhoneNumberFromString('0' + digits, { defaultCountry: country as CountryCode });
    return parsed?.formatNational().startsWith('0') ?? false;
  } catch {
    return false;
  }
}
