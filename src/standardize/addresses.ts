/**
 * Addresses: street line(s) parsed into parts, locality, region code, postcode checked per country,
 * country as ISO alpha-2. Real data sometimes puts the whole address in line 1
 * ("27 Washington Oak Park IL 60302"): a trailing postcode, and a region just before it, are taken
 * out of the line when the fields are empty.
 */
import { problem, type ProblemSink } from './codes.js';
import { looksLikePostcode, normalizePostcode, postcodeFitsRegion } from './postcodes.js';
import { addressTokens, formatStreetLine, parseStreetTokens, type StreetLine } from './street-line.js';
import { cleanText, foldText } from './text.js';
import { COUNTRIES, REGIONS } from './tables/regions.js';
import { abbreviateStreetType } from './tables/street-types.js';
import type { StdRecord } from './types.js';

export interface AddressInput {
  line1?: string | null;
  line2?: string | null;
  locality?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

/** The address part of a StdRecord. `country` is the record's own country, null when it gave none (parsing used the default then). */
export type StdAddress = Pick<
  StdRecord,
  | 'addressLine'
  | 'houseNumber'
  | 'streetName'
  | 'streetType'
  | 'unit'
  | 'poBox'
  | 'locality'
  | 'region'
  | 'postalCode'
  | 'country'
>;

/** ISO alpha-2 for a country name or code, or null when unknown. */
export function resolveCountry(raw: string | null | undefined): string | null {
  const key = foldText(raw);
  if (key === '') return null;
  return COUNTRIES.get(key) ?? null;
}

/** Region code for a region name or code in a country, or null when unknown there. */
export function resolveRegion(raw: string, country: string | null): string | null {
  const table = country ? REGIONS[country] : undefined;
  return table?.get(foldText(raw)) ?? null;
}

/** Takes a trailing postcode and region out of a one-line address (only with ≥ 2 tokens left). */
function takeTrailingPostcodeRegion(tokens: string[], country: string | null): { postcode?: string; region?: string } {
  const found: { postcode?: string; region?: string } = {};
  const last = tokens[tokens.length - 1];
  if (tokens.length >= 3 && last !== undefined && /\d/.test(last) && looksLikePostcode(last, country)) {
    found.postcode = tokens.pop()!;
    const before = tokens[tokens.length - 1];
    if (tokens.length >= 3 && before !== undefined && resolveRegion(before, country)) found.region = tokens.pop()!;
  }
  return found;
}

const LOCALITY_WORDS: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort', pt: 'port' };

function foldLocality(raw: string | null | undefined): string | null {
  const folded = foldText(raw);
  if (folded === '') return null;
  const space = folded.indexOf(' ');
  const first = space < 0 ? folded : folded.slice(0, space);
  const word = LOCALITY_WORDS[first];
  return word && space > 0 ? word + folded.slice(space) : folded;
}

export function standardizeAddress(input: AddressInput, defaultCountry: string, problems: ProblemSink): StdAddress {
  const country = resolveCountry(input.country);
  if (country === null && cleanText(input.country) !== '')
    problems.push(problem('address.country_unknown', 'country', input.country));
  const effective = country ?? defaultCountry;

  const tokens1 = addressTokens(input.line1 ?? '');
  const extracted = takeTrailingPostcodeRegion(tokens1, effective);
  let street = parseStreetTokens(tokens1);
  const tokens2 = addressTokens(input.line2 ?? '');
  if (tokens2.length > 0) street = mergeLine2(street, parseStreetTokens(tokens2));
  if (cleanText(input.line1) !== '' && isEmptyStreet(street))
    problems.push(problem('address.unparsed', 'address_line1', input.line1));

  const locality = foldLocality(input.locality) ?? (street.trailing.length > 0 ? street.trailing.join(' ') : null);
  const region = standardizeRegion(input.region || extracted.region, effective, problems);
  const postalCode = standardizePostcode(input.postalCode || extracted.postcode, effective, region, problems);
  return {
    addressLine: formatStreetLine(street, effective),
    houseNumber: street.houseNumber,
    streetName: street.streetName,
    streetType: street.streetTypeWord ? abbreviateStreetType(street.streetTypeWord, effective) : null,
    unit: street.unit,
    poBox: street.poBox,
    locality,
    region,
    postalCode,
    country,
  };
}

function isEmptyStreet(s: StreetLine): boolean {
  return s.houseNumber === null && s.streetName === null && s.poBox === null && s.unit === null;
}

/**
 * Line 2 usually holds a unit ("Apt 5") or a building name; when line 1 has no house number and
 * line 2 has one, the lines were swapped and line 2 is the street.
 */
function mergeLine2(line1: StreetLine, line2: StreetLine): StreetLine {
  if (line1.houseNumber === null && line2.houseNumber !== null && line2.streetName !== null) {
    return { ...line2, unit: line2.unit ?? line1.unit, poBox: line2.poBox ?? line1.poBox };
  }
  return {
    ...line1,
    unit: line1.unit ?? line2.unit,
    poBox: line1.poBox ?? line2.poBox,
  };
}

function standardizeRegion(raw: string | null | undefined, country: string, problems: ProblemSink): string | null {
  const text = cleanText(raw);
  if (text === '') return null;
  const code = resolveRegion(text, country);
  if (code) return code;
  if (REGIONS[country]) problems.push(problem('address.region_unknown', 'region', raw));
  return foldText(text).toUpperCase() || null;
}

function standardizePostcode(
  raw: string | null | undefined,
  country: string,
  region: string | null,
  problems: ProblemSink,
): string | null {
  const text = cleanText(raw);
  const result = text === '' ? null : normalizePostcode(text, country);
  if (result === null) return null;
  if (!result.valid) {
    problems.push(problem('address.postcode_invalid', 'postal_code', raw));
  } else if (region && !postcodeFitsRegion(result.value, region, country)) {
    problems.push(problem('address.region_postcode_mismatch', 'postal_code', `${raw} / ${region}`));
  }
  return result.value;
}
