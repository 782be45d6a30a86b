/** A record being built: every canonical field as text ('' = empty), plus the corruptions applied to it. */
import type { GeneratorRates } from './config.js';
import type { Rng } from './prng.js';
import type { CanonicalField } from '../standardize/types.js';

export type SynthRecord = Record<CanonicalField, string>;

export function emptyRecord(sourceSystem: string, sourceRecordId: string): SynthRecord {
  return {
    source_system: sourceSystem,
    source_record_id: sourceRecordId,
    full_name: '',
    given_name: '',
    middle_name: '',
    family_name: '',
    organization_name: '',
    date_of_birth: '',
    gender: '',
    email: '',
    phone: '',
    address_line1: '',
    address_line2: '',
    locality: '',
    region: '',
    postal_code: '',
    country: '',
    national_id: '',
    annual_value: '',
  };
}

/** What every projection step gets: the random stream, the rates, and the list to record corruptions in. */
export interface Ctx {
  rng: Rng;
  rates: GeneratorRates;
  corruptions: string[];
}

/** Draws the corruption `name` with its configured rate. */
export function roll(ctx: Ctx, name: keyof GeneratorRates): boolean {
  return ctx.rng.chance(ctx.rates[name]);
}
