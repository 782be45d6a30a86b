/** What the generator needs to know about one country: name pools, addresses, phones, ids, formats. */
import type { Rng } from '../prng.js';
import type { Weighted } from '../weighted.js';
import type { LegalForm } from '../tables/orgs.js';

export type LocaleCode = 'us' | 'au' | 'uk' | 'cn';
export const LOCALE_CODES: readonly LocaleCode[] = ['us', 'au', 'uk', 'cn'];

/** A name part in Latin script, with its original script where it has one (Hanzi). */
export interface NamePart {
  latin: string;
  native: string | null;
}

export interface Address {
  unit: string | null;
  house: string;
  street: string;
  /** [full, abbreviation], e.g. ['Street', 'St']; null where the street name carries its type (CN 路). */
  streetType: readonly [string, string] | null;
  /** CN district (区), kept apart because Chinese addresses write it before the street. */
  district: string | null;
  locality: string;
  region: string;
  postcode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Trunk-less area code of landlines at this address (e.g. "2" for Sydney, "212" for Manhattan). */
  areaCode: string;
  /** Other area codes that serve the same place (overlays), for the area-code-change corruption. */
  otherAreaCodes: readonly string[];
}

/** A phone number as its parts; formatting is a separate choice per record. */
export interface Phone {
  countryCode: string;
  /** Area code (empty for mobiles). */
  area: string;
  /** Subscriber number (for mobiles the whole national significant number). */
  subscriber: string;
  mobile: boolean;
}

export type PhoneStyle = 'national' | 'e164' | 'international' | 'compact' | 'dotted';
export const PHONE_STYLES: readonly PhoneStyle[] = ['national', 'e164', 'international', 'compact', 'dotted'];

export interface LocaleSpec {
  code: LocaleCode;
  country: 'US' | 'AU' | 'GB' | 'CN';
  givenMale: Weighted<NamePart>;
  givenFemale: Weighted<NamePart>;
  family: Weighted<NamePart>;
  emailDomains: Weighted<string>;
  /** Top-level domain for organisation web/email domains. */
  orgTld: string;
  legalForms: Weighted<LegalForm>;
  /** How this country writes dates by hand. */
  dateOrder: 'DMY' | 'MDY' | 'YMD';
  makeAddress(rng: Rng): Address;
  makePhone(rng: Rng, address: Address, mobile: boolean): Phone;
  formatPhone(phone: Phone, style: PhoneStyle): string;
  /** A personal identifier of the country's shape (SSN, TFN, NINO, resident id) with valid check digits. */
  personId(rng: Rng, dob: string, gender: 'm' | 'f', address: Address): string;
  /** A business identifier (EIN, ABN, Companies House number, unified social credit code). */
  orgId(rng: Rng, address: Address): string;
  /** Renders the street line (unit style and abbreviation chosen by the caller). */
  streetLine(address: Address, abbreviate: boolean, unitStyle: number): [line1: string, line2: string];
  /** Text of a PO box address line. */
  poBoxLine(box: string, variant: number): string;
}

/** Builds a NamePart list from plain Latin names. */
export function latin(names: readonly string[]): NamePart[] {
  return names.map((n) => ({ latin: n, native: null }));
}
