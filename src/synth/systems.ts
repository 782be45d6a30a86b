/**
 * The source systems of a postal department, as the generator models them: which customers use
 * each, which fields each keeps, and how each writes them. Chances are "field present" rates before
 * any corruption; formats are the system's house style (corruptions then vary them).
 */
import type { PhoneStyle } from './locales/types.js';

export type SystemName = 'counter' | 'parcels' | 'business' | 'po_boxes' | 'online' | 'call_centre' | 'registry';

export interface SystemSpec {
  name: SystemName;
  /** Prefix of source_record_id. */
  idPrefix: string;
  /** Added before scrambling, so that systems do not share id numbers. */
  idOffset: number;
  /** Relative chance a person / an organisation is a customer of this system. */
  personWeight: number;
  orgWeight: number;
  /** Chance the person's name is free text in full_name instead of given/family fields. */
  fullName: number;
  middleName: number;
  /** Street address kept (po_boxes keeps a PO box instead). */
  address: number;
  poBox: boolean;
  phone: number;
  email: number;
  dob: number;
  gender: number;
  nationalId: number;
  /** Share of the customer's yearly value booked in this system: [low, high]; null: not kept. */
  value: readonly [number, number] | null;
  phoneStyle: PhoneStyle;
  /** Dates as ISO (web forms) or as the country writes them by hand. */
  dobStyle: 'iso' | 'local';
  abbreviate: boolean;
  unitStyle: number;
  country: 'iso2' | 'iso3' | 'name' | 'none';
  upperLocality: boolean;
}

// prettier-ignore
export const SYSTEMS: readonly SystemSpec[] = [
  { name: 'counter', idOffset: 104729, idPrefix: 'CTR', personWeight: 30, orgWeight: 8, fullName: 0.3, middleName: 0, address: 0,
    poBox: false, phone: 0.8, email: 0.1, dob: 0.05, gender: 0, nationalId: 0, value: [0.001, 0.02],
    phoneStyle: 'national', dobStyle: 'local', abbreviate: false, unitStyle: 0, country: 'none', upperLocality: false },
  { name: 'parcels', idOffset: 611953, idPrefix: 'PCL', personWeight: 28, orgWeight: 25, fullName: 0, middleName: 0.15, address: 1,
    poBox: false, phone: 0.85, email: 0.5, dob: 0, gender: 0, nationalId: 0, value: [0.2, 0.5],
    phoneStyle: 'compact', dobStyle: 'local', abbreviate: true, unitStyle: 0, country: 'iso2', upperLocality: true },
  { name: 'business', idOffset: 7919, idPrefix: 'BUS', personWeight: 2, orgWeight: 35, fullName: 0, middleName: 0.3, address: 0.95,
    poBox: false, phone: 0.9, email: 0.8, dob: 0, gender: 0, nationalId: 0.95, value: [0.5, 1],
    phoneStyle: 'international', dobStyle: 'iso', abbreviate: false, unitStyle: 1, country: 'name', upperLocality: false },
  { name: 'po_boxes', idOffset: 355007, idPrefix: 'POB', personWeight: 8, orgWeight: 12, fullName: 0, middleName: 0.4, address: 1,
    poBox: true, phone: 0.7, email: 0.3, dob: 0.5, gender: 0.5, nationalId: 0.5, value: [0.01, 0.05],
    phoneStyle: 'national', dobStyle: 'local', abbreviate: false, unitStyle: 0, country: 'iso3', upperLocality: false },
  { name: 'online', idOffset: 982451, idPrefix: 'ONL', personWeight: 22, orgWeight: 10, fullName: 0, middleName: 0, address: 0.35,
    poBox: false, phone: 0.4, email: 1, dob: 0.4, gender: 0.3, nationalId: 0, value: [0.05, 0.3],
    phoneStyle: 'e164', dobStyle: 'iso', abbreviate: false, unitStyle: 1, country: 'iso2', upperLocality: false },
  { name: 'call_centre', idOffset: 486187, idPrefix: 'CC', personWeight: 10, orgWeight: 10, fullName: 1, middleName: 0.1, address: 0.3,
    poBox: false, phone: 0.95, email: 0.2, dob: 0.3, gender: 0, nationalId: 0, value: null,
    phoneStyle: 'national', dobStyle: 'local', abbreviate: true, unitStyle: 2, country: 'none', upperLocality: false },
];

/** How many systems a customer appears in (1–5), skewed towards few: index = count − 1. */
export const SYSTEM_COUNT_SHARES: readonly number[] = [0.3, 0.3, 0.2, 0.12, 0.08];

export const SYSTEM_NAMES: readonly SystemName[] = SYSTEMS.map((s) => s.name);
