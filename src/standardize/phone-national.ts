/**
 * Fast path for the common phone shape: a national number in digits and plain punctuation
 * ("07 4851 2345", "(312) 555-1234") for a known country. It follows libphonenumber-js's own
 * parse steps (no IDD, no calling code without "+", national prefix, country among those sharing
 * the calling code, number type) over the same "max" metadata, but with each pattern compiled
 * once: the library builds a new RegExp for every pattern test, which made phones a third of
 * standardisation time. Anything outside the narrow shape returns undefined and the caller asks
 * the library. phone-national.test.ts checks the two agree on the data sets and on random numbers.
 */
import { Metadata } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/max/metadata';

/** Library result for a national number, as the caller needs it. */
export interface NationalParse {
  callingCode: string;
  nationalNumber: string;
  /** libphonenumber type name, undefined when the number is not valid. */
  type: string | undefined;
  /** PhoneNumber.isPossible() of the parsed number. */
  possible: boolean;
}

/** The parts of libphonenumber's Metadata/NumberingPlan API used here (its .d.ts declares few). */
interface TypeInfo {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface NumberingPlanApi {
  callingCode(): string;
  IDDPrefix(): string;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  nationalPrefixForParsing(): string | undefined;
  leadingDigits(): string | undefined;
  type(type: string): TypeInfo | undefined;
}
interface MetadataApi {
  hasCountry(country: string): boolean;
  selectNumberingPlan(country: string): void;
  numberingPlan: NumberingPlanApi;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

interface TypePlan {
  name: string;
  pattern: RegExp;
  lengths: number[] | undefined;
}

/** One country's numbering plan with every pattern compiled. */
interface Plan {
  country: string;
  callingCode: string;
  idd: RegExp;
  nationalNumber: RegExp;
  possibleLengths: number[] | undefined;
  /** `^(?:national prefix for parsing)`, null when the plan has none. */
  nationalPrefix: RegExp | null;
  leadingDigits: RegExp | null;
  fixedLine: TypePlan | null;
  mobile: TypePlan | null;
  /** A MOBILE entry whose pattern is '' (getNumberType treats it as fixed-or-mobile). */
  mobileEmpty: boolean;
  otherTypes: TypePlan[];
}

// Same order as libphonenumber-js getNumberType's NON_FIXED_LINE_PHONE_TYPES.
const NON_FIXED_LINE_TYPES = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const MAX_INPUT_STRING_LENGTH = 250;
/** Digits with separators libphonenumber treats as punctuation; no "+", letters, "#", ";", ",", "~" (extensions). */
const NATIONAL_SHAPE = /^[0-9 ().\-/]+$/;
const NON_DIGIT = /\D+/g;

const metadata = new Metadata(metadataJson) as unknown as MetadataApi;
const plans = new Map<string, Plan | null>();

const entirely = (pattern: string): RegExp => new RegExp('^(?:' + pattern + ')$');

function typePlan(plan: NumberingPlanApi, name: string): TypePlan | null {
  const info = plan.type(name);
  const pattern = info?.pattern();
  if (!info || !pattern) return null;
  return { name, pattern: entirely(pattern), lengths: info.possibleLengths() };
}

function planOf(country: string): Plan | null {
  let plan = plans.get(country);
  if (plan !== undefined) return plan;
  plan = null;
  if (metadata.hasCountry(country)) {
    metadata.selectNumberingPlan(country);
    const np = metadata.numberingPlan;
    const prefix = np.nationalPrefixForParsing();
    const leading = np.leadingDigits();
    const mobileInfo = np.type('MOBILE');
    plan = {
      country,
      callingCode: np.callingCode(),
      idd: new RegExp(np.IDDPrefix()),
      nationalNumber: entirely(np.nationalNumberPattern()),
      possibleLengths: np.possibleLengths(),
      nationalPrefix: prefix ? new RegExp('^(?:' + prefix + ')') : null,
      leadingDigits: leading ? new RegExp(leading) : null,
      fixedLine: typePlan(np, 'FIXED_LINE'),
      mobile: typePlan(np, 'MOBILE'),
      mobileEmpty: mobileInfo !== undefined && mobileInfo.pattern() === '',
      otherTypes: NON_FIXED_LINE_TYPES.map((t) => typePlan(np, t)).filter((t): t is TypePlan => t !== null),
    };
  }
  plans.set(country, plan);
  return plan;
}

function isType(nationalNumber: string, type: TypePlan | null): boolean {
  if (type === null) return false;
  if (type.lengths && !type.lengths.includes(nationalNumber.length)) return false;
  return type.pattern.test(nationalNumber);
}

/** libphonenumber-js getNumberType for a national number in one country's plan. */
function numberType(nationalNumber: string, plan: Plan): string | undefined {
  if (!plan.nationalNumber.test(nationalNumber)) return undefined;
  if (isType(nationalNumber, plan.fixedLine)) {
    if (plan.mobileEmpty || plan.mobile === null) return 'FIXED_LINE_OR_MOBILE';
    return isType(nationalNumber, plan.mobile) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  }
  for (const type of plan.otherTypes) if (isType(nationalNumber, type)) return type.name;
  return undefined;
}

/** libphonenumber-js getCountryByCallingCode: the country of a calling code shared by several. */
function countryOf(callingCode: string, nationalNumber: string): Plan | null {
  const countries = metadata.getCountryCodesForCallingCode(callingCode);
  if (!countries) return null;
  if (countries.length === 1) return planOf(countries[0]!);
  for (const country of countries) {
    const plan = planOf(country);
    if (plan === null) continue;
    if (plan.leadingDigits) {
      if (nationalNumber.search(plan.leadingDigits) === 0) return plan;
    } else if (numberType(nationalNumber, plan) !== undefined) {
      return plan;
    }
  }
  return null;
}

type LengthCheck = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

/** libphonenumber-js checkNumberLength without a type. */
function checkLength(nationalNumber: string, plan: Plan): LengthCheck {
  const lengths = plan.possibleLengths;
  if (!lengths) return 'IS_POSSIBLE';
  const length = nationalNumber.length;
  if (lengths[0] === length) return 'IS_POSSIBLE';
  if (lengths[0]! > length) return 'TOO_SHORT';
  if (lengths[lengths.length - 1]! < length) return 'TOO_LONG';
  return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/**
 * What `parsePhoneNumberFromString(text, { defaultCountry: country, extract: false })` would give
 * for a national-format number. `null`: the library returns no number. `undefined`: the text is
 * not in the shape this path handles; ask the library.
 */
export function parseNationalNumber(text: string, country: string): NationalParse | null | undefined {
  if (text.length > MAX_INPUT_STRING_LENGTH || !NATIONAL_SHAPE.test(text)) return undefined;
  const digits = text.replace(NON_DIGIT, '');
  if (digits.length < 3) return undefined; // viability rules for very short input: leave to the library
  const plan = planOf(country);
  if (plan === null) return undefined;
  // An international prefix (0011 61 ..., 011 1 ...) or a calling code without "+" (61 7 ...)
  // starts other branches of the library's parser.
  if (digits.search(plan.idd) === 0 || digits.startsWith(plan.callingCode)) return undefined;

  let national = digits;
  if (plan.nationalPrefix) {
    const m = plan.nationalPrefix.exec(digits);
    if (m) {
      const groups = m.length - 1;
      if (groups > 0 && m[groups]) return undefined; // carrier codes / transform rules
      national = digits.slice(m[0].length);
    }
  }
  if (national !== digits) {
    // extractNationalNumber: keep the prefix when only the whole number fits the plan, or when the
    // rest is too short for the plan of the country the rest belongs to.
    if (plan.nationalNumber.test(digits) && !plan.nationalNumber.test(national)) {
      national = digits;
    } else if (plan.possibleLengths) {
      const check = checkLength(national, countryOf(plan.callingCode, national) ?? plan);
      if (check === 'TOO_SHORT' || check === 'INVALID_LENGTH') national = digits;
    }
  }
  if (national.length < MIN_LENGTH_FOR_NSN || national.length > MAX_LENGTH_FOR_NSN) return null;
  const exact = countryOf(plan.callingCode, national) ?? plan;
  return {
    callingCode: plan.callingCode,
    nationalNumber: national,
    type: numberType(national, exact),
    possible: checkLength(national, exact) === 'IS_POSSIBLE',
  };
}
