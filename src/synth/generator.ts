/**
 * The generator: customers → source records with known truth. Pure and deterministic for a seed
 * (one seeded stream; no clock, no Math.random), and streaming: records come out of a generator
 * function in constant memory.
 */
import type { Customer, Person } from './customer.js';
import type { GeneratorRates } from './config.js';
import { emptyRecord, roll, type Ctx, type SynthRecord } from './draft.js';
import { localePicker, type LocaleChoice } from './locales/index.js';
import { Population } from './population.js';
import { Rng } from './prng.js';
import { writeOrgName, writePersonName } from './project-name.js';
import { writeAddress, writeDob, writeOtherFields, writePhone } from './project-fields.js';
import { applyRecordNoise } from './record-noise.js';
import { PROFILES, type GeneratorProfile, type ProfileName } from './profiles.js';
import type { SystemSpec } from './systems.js';
import { Weighted } from './weighted.js';

export interface GenerateOptions {
  customers: number;
  seed?: string | number;
  locale?: LocaleChoice;
  rates?: GeneratorRates;
  /** Shape of the file (systems, how often a customer repeats); default `postal`. */
  profile?: ProfileName;
}

export interface TruthRow {
  source_system: string;
  source_record_id: string;
  entity_id: string;
  entity_type: 'person' | 'organization';
  locale: string;
  /** Entity id of the household's first member (people at one address); the entity itself otherwise. */
  household_id: string;
  /** 1 when this is a customer's second record in the same system. */
  duplicate: '0' | '1';
  /** 0: the customer's first address, 1: the address they moved to ('' when no address is shown). */
  address_version: '' | '0' | '1';
  /** Corruptions applied, `;`-joined, each `kind` or `kind:field`. */
  corruptions: string;
}

export const TRUTH_FIELDS: readonly (keyof TruthRow)[] = [
  'source_system',
  'source_record_id',
  'entity_id',
  'entity_type',
  'locale',
  'household_id',
  'duplicate',
  'address_version',
  'corruptions',
];

export interface GeneratedRecord {
  record: SynthRecord;
  truth: TruthRow;
}

/** Odd multiplier coprime with 10^9: counter → scrambled 9-digit id, a bijection so ids stay unique. */
const ID_MULTIPLIER = 7368787;
const ID_MODULUS = 1_000_000_000;

/** Picks `count` distinct systems, weighted by how likely this kind of customer uses each. */
function chooseSystems(rng: Rng, systems: readonly SystemSpec[], c: Customer, count: number): SystemSpec[] {
  const pool = systems.slice();
  const chosen: SystemSpec[] = [];
  while (chosen.length < count && pool.length > 0) {
    let total = 0;
    for (const s of pool) total += c.kind === 'person' ? s.personWeight : s.orgWeight;
    let target = rng.float() * total;
    let i = 0;
    for (; i < pool.length - 1; i++) {
      target -= c.kind === 'person' ? (pool[i] as SystemSpec).personWeight : (pool[i] as SystemSpec).orgWeight;
      if (target < 0) break;
    }
    chosen.push(pool.splice(i, 1)[0] as SystemSpec);
  }
  return chosen;
}

class RecordMaker {
  private readonly counters = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly rates: GeneratorRates,
  ) {}

  private nextId(sys: SystemSpec): string {
    const n = (this.counters.get(sys.name) ?? 0) + 1;
    this.counters.set(sys.name, n);
    const scrambled = (n * ID_MULTIPLIER + sys.idOffset) % ID_MODULUS;
    return sys.idPrefix + String(scrambled).padStart(9, '0');
  }

  make(c: Customer, sys: SystemSpec, duplicate: boolean, moved: boolean): GeneratedRecord {
    const ctx: Ctx = { rng: this.rng, rates: this.rates, corruptions: [] };
    const rec = emptyRecord(sys.name, this.nextId(sys));
    if (c.kind === 'person') {
      writePersonName(ctx, rec, c, sys);
      if (duplicate) changeFamilyName(ctx, rec, c);
      if (sys.name === 'business') rec.organization_name = ''; // sole traders trade under their own name
    } else {
      writeOrgName(ctx, rec, c);
    }
    writeDob(ctx, rec, c, sys);
    writePhone(ctx, rec, c, sys);
    const address = moved && c.newAddress ? c.newAddress : c.address;
    writeAddress(ctx, rec, c, sys, address);
    const shown = rec.postal_code !== '';
    if (shown && moved) ctx.corruptions.push('address_move');
    writeOtherFields(ctx, rec, c, sys);
    applyRecordNoise(ctx, rec);
    return {
      record: rec,
      truth: {
        source_system: sys.name,
        source_record_id: rec.source_record_id,
        entity_id: c.entityId,
        entity_type: c.kind,
        locale: c.locale.code,
        household_id: c.householdId,
        duplicate: duplicate ? '1' : '0',
        address_version: shown ? (moved && c.newAddress ? '1' : '0') : '',
        corruptions: ctx.corruptions.join(';'),
      },
    };
  }
}

/**
 * A record made after a marriage shows another family name. Drawn only when the rate is set, so
 * profiles without name changes keep their random stream (and their datasets) unchanged.
 */
function changeFamilyName(ctx: Ctx, rec: SynthRecord, c: Person): void {
  if (ctx.rates.name_change <= 0 || rec.family_name === '' || !roll(ctx, 'name_change')) return;
  const family = c.locale.family.pick(ctx.rng).latin;
  if (family === c.family.latin) return;
  rec.family_name = family;
  ctx.corruptions.push('name_change');
}

/** All records of one customer: 1–5 systems, sometimes twice in one, part of them at a newer address. */
function customerRecords(
  rng: Rng,
  maker: RecordMaker,
  c: Customer,
  rates: GeneratorRates,
  profile: GeneratorProfile,
  systemCount: Weighted<number>,
): GeneratedRecord[] {
  const out: GeneratedRecord[] = [];
  const systems = chooseSystems(rng, profile.systems, c, systemCount.pick(rng));
  for (const sys of systems) {
    const copies = rng.chance(rates.duplicate) ? 2 : 1;
    for (let k = 0; k < copies; k++) {
      // The first record always shows the old address, so a move is visible only across records.
      const moved = c.newAddress !== null && out.length > 0 && rng.chance(profile.movedRecordShare);
      out.push(maker.make(c, sys, k > 0, moved));
    }
  }
  return out;
}

/**
 * Yields every generated record with its truth, in customer order (a customer's records together).
 * Files are shuffled later, on their lines (see write-dataset.ts), which is cheaper than holding objects.
 */
export function* generateRecords(options: GenerateOptions): Generator<GeneratedRecord> {
  const rng = new Rng(options.seed ?? 1);
  const profile = PROFILES[options.profile ?? 'postal'];
  const rates = options.rates ?? profile.rates;
  const systemCount = new Weighted(
    profile.systemCountShares.map((_, i) => i + 1),
    profile.systemCountShares,
  );
  const population = new Population(rng, localePicker(options.locale ?? 'mixed'), rates);
  const maker = new RecordMaker(rng, rates);
  for (let i = 0; i < options.customers; i++) {
    yield* customerRecords(rng, maker, population.nextCustomer(), rates, profile, systemCount);
  }
}
