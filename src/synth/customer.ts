/**
 * The true customers behind the records: people (with households and namesakes, so that different
 * people share family name + address or full name) and organisations. Everything a source record
 * shows is derived from one of these; the truth file names it by `entityId`.
 */
import type { LegalForm } from './tables/orgs.js';
import type { Address, LocaleSpec, NamePart, Phone } from './locales/types.js';
import type { Rng } from './prng.js';
import { makeOrgName } from './org-name.js';
import { personEmail } from './email.js';
import { CN } from './locales/cn.js';

/** Share of people outside China whose names are Chinese (roughly Australia's share of Chinese ancestry). */
export const CN_HERITAGE_SHARE = 0.05;

export interface Person {
  kind: 'person';
  entityId: string;
  /** Entity id of the household's first member; equals entityId for people living alone. */
  householdId: string;
  locale: LocaleSpec;
  gender: 'm' | 'f';
  given: NamePart;
  middle: NamePart | null;
  family: NamePart;
  dob: string;
  email: string;
  mobile: Phone | null;
  landline: Phone | null;
  address: Address;
  /** Where the person moved to, shown by part of their records (null: never moved). */
  newAddress: Address | null;
  poBox: string;
  nationalId: string;
  /** Total yearly business with the post, split among the systems. */
  value: number;
}

export interface Organization {
  kind: 'organization';
  entityId: string;
  householdId: string;
  locale: LocaleSpec;
  /** Trading name without legal form, Latin script. */
  name: string;
  /** Name in original script (Hanzi) where it has one. */
  nativeName: string | null;
  legalForm: LegalForm;
  email: string;
  landline: Phone;
  mobile: Phone | null;
  address: Address;
  newAddress: Address | null;
  poBox: string;
  nationalId: string;
  value: number;
}

export type Customer = Person | Organization;

export interface PopulationRates {
  /** Share of customers that are organisations. */
  organization: number;
  /** Chance a person starts a household of 2–4 people at one address. */
  household: number;
  /** Chance a person shares the full name of an earlier, unrelated person of the same locale. */
  namesake: number;
  /** Chance a customer has moved: part of their records show a newer address. */
  move: number;
}

/** Log-normal value: most customers are worth little, a few (mainly organisations) millions. */
function yearlyValue(rng: Rng, mu: number, sigma: number): number {
  const u1 = rng.float() || 1e-12;
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng.float());
  return Math.round(Math.exp(mu + sigma * z) * 100) / 100;
}

/** Birth date of an adult aged 18–95 (younger adults commoner), as ISO text. */
export function birthDate(rng: Rng, currentYear: number, minAge = 18, maxAge = 95): string {
  const age = minAge + Math.floor(Math.pow(rng.float(), 1.3) * (maxAge - minAge));
  return isoDate(currentYear - age, rng.range(1, 12), 1 + rng.int(28));
}

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export interface PersonSeed {
  family?: NamePart;
  given?: NamePart;
  gender?: 'm' | 'f';
  dob?: string;
  address?: Address;
  newAddress?: Address | null;
  landline?: Phone | null;
  householdId?: string;
}

/**
 * Where a person's names come from: their locale, or for people of Chinese heritage abroad
 * (CN_HERITAGE_SHARE) the Chinese pools — household members follow the family name they are given.
 */
function nameLocale(rng: Rng, locale: LocaleSpec, seed: PersonSeed): LocaleSpec {
  if (locale.code === 'cn') return locale;
  if (seed.family) return seed.family.native !== null ? CN : locale;
  return rng.chance(CN_HERITAGE_SHARE) ? CN : locale;
}

export function makePerson(
  rng: Rng,
  locale: LocaleSpec,
  entityId: string,
  rates: PopulationRates,
  seed: PersonSeed = {},
): Person {
  const gender = seed.gender ?? (rng.chance(0.5) ? 'f' : 'm');
  const names = nameLocale(rng, locale, seed);
  const pool = gender === 'f' ? names.givenFemale : names.givenMale;
  const given = seed.given ?? pool.pick(rng);
  let middle: NamePart | null = null;
  if (names.code !== 'cn' && rng.chance(0.6)) {
    middle = pool.pick(rng);
    if (middle.latin === given.latin) middle = null;
  }
  const family = seed.family ?? names.family.pick(rng);
  const dob = seed.dob ?? birthDate(rng, 2026);
  const address = seed.address ?? locale.makeAddress(rng);
  const newAddress =
    seed.newAddress !== undefined ? seed.newAddress : rng.chance(rates.move) ? locale.makeAddress(rng) : null;
  const mobile = rng.chance(0.9) ? locale.makePhone(rng, address, true) : null;
  const landline =
    seed.landline !== undefined
      ? seed.landline
      : rng.chance(mobile ? 0.35 : 1)
        ? locale.makePhone(rng, address, false)
        : null;
  return {
    kind: 'person',
    entityId,
    householdId: seed.householdId ?? entityId,
    locale,
    gender,
    given,
    middle,
    family,
    dob,
    email: personEmail(rng, locale, given, family, dob),
    mobile,
    landline,
    address,
    newAddress,
    poBox: String(rng.range(1, 9999)),
    nationalId: locale.personId(rng, dob, gender, address),
    value: yearlyValue(rng, 3.5, 1.6),
  };
}

export function makeOrganization(rng: Rng, locale: LocaleSpec, entityId: string, rates: PopulationRates): Organization {
  const address = locale.makeAddress(rng);
  const { name, nativeName, domain } = makeOrgName(rng, locale, address);
  return {
    kind: 'organization',
    entityId,
    householdId: entityId,
    locale,
    name,
    nativeName,
    legalForm: locale.legalForms.pick(rng),
    email: `${rng.pick(['info', 'accounts', 'admin', 'sales', 'contact', 'office'])}@${domain}`,
    landline: locale.makePhone(rng, address, false),
    mobile: rng.chance(0.4) ? locale.makePhone(rng, address, true) : null,
    address,
    newAddress: rng.chance(rates.move) ? locale.makeAddress(rng) : null,
    poBox: String(rng.range(1, 9999)),
    nationalId: locale.orgId(rng, address),
    value: yearlyValue(rng, 8, 2.2),
  };
}
