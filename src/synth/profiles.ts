/**
 * Generator profiles: the shape of a customer file. `postal` is the default (a postal department's
 * six systems, customers in 1–5 of them). `registry` is modelled on a public voter file: one
 * system, nearly everyone appears once (~99 % singletons), and the true duplicates are people who
 * registered again after a move (new address, town, postcode and phone) or a change of family name;
 * middle names and gender are kept, email and identifiers are not, and a date of birth only on part
 * of the records. Households (same address and family name, different people) are common, so
 * precision is tested by relatives, not only by strangers.
 */
import { DEFAULT_RATES, type GeneratorRates } from './config.js';
import { SYSTEM_COUNT_SHARES, SYSTEMS, type SystemSpec } from './systems.js';

export interface GeneratorProfile {
  name: ProfileName;
  systems: readonly SystemSpec[];
  /** Chance of appearing in 1, 2, … of `systems` (index = count − 1). */
  systemCountShares: readonly number[];
  /** Chance that a customer who moved shows the newer address on a later record. */
  movedRecordShare: number;
  /** Rates of this profile before any `--rate`/`--config` override. */
  rates: Readonly<GeneratorRates>;
}

export const PROFILE_NAMES = ['postal', 'registry'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

// prettier-ignore
const REGISTRY_SYSTEM: SystemSpec = {
  name: 'registry', idOffset: 270001, idPrefix: 'REG', personWeight: 1, orgWeight: 1, fullName: 0, middleName: 0.85,
  address: 1, poBox: false, phone: 0.25, email: 0, dob: 0.6, gender: 0.95, nationalId: 0, value: null,
  phoneStyle: 'national', dobStyle: 'iso', abbreviate: false, unitStyle: 0, country: 'none', upperLocality: true,
};

export const PROFILES: Readonly<Record<ProfileName, GeneratorProfile>> = {
  postal: {
    name: 'postal',
    systems: SYSTEMS,
    systemCountShares: SYSTEM_COUNT_SHARES,
    movedRecordShare: 0.5,
    rates: DEFAULT_RATES,
  },
  registry: {
    name: 'registry',
    systems: [REGISTRY_SYSTEM],
    systemCountShares: [1],
    movedRecordShare: 0.9,
    rates: Object.freeze({
      ...DEFAULT_RATES,
      organization: 0,
      household: 0.2,
      namesake: 0.02,
      // Most people who register twice do so after a move; `duplicate` makes ~1 % of them do it.
      move: 0.7,
      duplicate: 0.011,
      name_change: 0.3,
      // An official register is typed with care: fewer typos, nicknames and gaps than a counter.
      typo: 0.04,
      ocr: 0.005,
      nickname: 0.03,
      name_swap: 0.005,
      initials: 0.02,
      missing: 0.03,
      phone_format: 0.05,
    }),
  },
};

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}
