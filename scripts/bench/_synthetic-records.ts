/**
 * Deterministic synthetic records for the API benchmark: record i is always the same record, so a
 * benchmark can address loaded records by index without keeping them. In every five records, four
 * are new Australian people in bench_a and the fifth is a second-system (bench_b) copy of one of
 * them with a slightly misspelt given name and no phone — enough duplicates to exercise matching.
 */
import type { RawRecord } from '../../src/standardize/types.js';

const GIVEN =
  'james mary john patricia robert jennifer michael linda william elizabeth david barbara richard susan joseph jessica thomas sarah charles karen christopher nancy daniel lisa matthew betty anthony margaret mark sandra donald ashley steven kimberly paul emily andrew donna joshua michelle kenneth dorothy kevin carol brian amanda george melissa timothy deborah ronald stephanie edward rebecca jason sharon jeffrey laura ryan cynthia jacob kathleen'.split(
    ' ',
  );
const FAMILY =
  'smith jones williams brown wilson taylor johnson white martin anderson thompson nguyen thomas walker harris lee ryan robinson kelly king davis wright evans roberts green hall wood jackson clarke patel khan lewis james phillips mitchell campbell young allen turner scott moore edwards hughes baker collins stewart morris murphy cook rogers morgan cooper peterson bailey reed kelly howard cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders myers long ross foster jimenez'.split(
    ' ',
  );
const STREETS =
  'george pitt king queen elizabeth william victoria albert church high station park railway bridge mill hill main market beach ocean river lake forest garden'.split(
    ' ',
  );
const TYPES = ['street', 'road', 'avenue', 'parade', 'crescent', 'lane', 'drive', 'place'];
const PLACES: Array<[string, string, string]> = [
  ['sydney', 'NSW', '2000'],
  ['parramatta', 'NSW', '2150'],
  ['newcastle', 'NSW', '2300'],
  ['wollongong', 'NSW', '2500'],
  ['katoomba', 'NSW', '2780'],
  ['melbourne', 'VIC', '3000'],
  ['geelong', 'VIC', '3220'],
  ['ballarat', 'VIC', '3350'],
  ['bendigo', 'VIC', '3550'],
  ['brisbane', 'QLD', '4000'],
  ['gold coast', 'QLD', '4217'],
  ['cairns', 'QLD', '4870'],
  ['townsville', 'QLD', '4810'],
  ['adelaide', 'SA', '5000'],
  ['perth', 'WA', '6000'],
  ['fremantle', 'WA', '6160'],
  ['hobart', 'TAS', '7000'],
  ['launceston', 'TAS', '7250'],
  ['darwin', 'NT', '0800'],
  ['canberra', 'ACT', '2600'],
];

/** mulberry32: a tiny seeded PRNG, so person p is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

function personRecord(p: number): Omit<RawRecord, 'source_system' | 'source_record_id'> {
  const r = rng(p * 2654435761);
  const given = pick(r, GIVEN);
  const family = pick(r, FAMILY);
  const [locality, region, postcode] = pick(r, PLACES);
  const dob = new Date(Date.UTC(1940, 0, 1) + Math.floor(r() * 60 * 365.25) * 86_400_000).toISOString().slice(0, 10);
  return {
    given_name: given,
    family_name: family,
    date_of_birth: dob,
    gender: r() < 0.5 ? 'M' : 'F',
    email: `${given}.${family}${p}@example.net`,
    phone: `04${String(10_000_000 + (p % 89_999_999)).padStart(8, '0')}`,
    address_line1: `${1 + Math.floor(r() * 300)} ${pick(r, STREETS)} ${pick(r, TYPES)}`,
    locality,
    region,
    postal_code: postcode,
    country: 'AU',
    annual_value: String(Math.floor(r() * 5000)),
  };
}

export function syntheticRecord(i: number): RawRecord {
  const group = Math.floor(i / 5);
  const slot = i % 5;
  if (slot < 4) return { source_system: 'bench_a', source_record_id: `r${i}`, ...personRecord(group * 4 + slot) };
  const base = personRecord(group * 4 + 1);
  const given = base.given_name ?? '';
  // A transposition typo in the given name; the rest agrees.
  const typo = given.length > 3 ? given.slice(0, 2) + given[3] + given[2] + given.slice(4) : given;
  return { source_system: 'bench_b', source_record_id: `r${i}`, ...base, given_name: typo, phone: null };
}
