/** Test context and record factories for the MDM integration tests (real databases, no mocks). */
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { type Actor, createMdmContext, type MdmContext } from '../../src/mdm/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import { insertSourceSystem } from '../../src/store/source-systems.js';

export const sourceActor = (system = 'crm'): Actor => ({ type: 'source', id: system });
export const steward: Actor = { type: 'steward', id: 'steward-1' };

export function testContext(database: Database, env: Record<string, string> = {}): MdmContext {
  return createMdmContext({
    database,
    // The service's own config parser and defaults; the decision settings the tests rely on are pinned.
    config: loadConfig({
      MATCH_UPPER_THRESHOLD: '0.95',
      MATCH_LOWER_THRESHOLD: '0.6',
      DEFAULT_COUNTRY: 'AU',
      DATE_ORDER: 'DMY',
      ...env,
    }),
    logger: pino({ level: 'silent' }),
  });
}

export async function addSourceSystems(database: Database, systems: Record<string, number>): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    for (const [name, trustRank] of Object.entries(systems)) {
      await insertSourceSystem(trx, { name, display_name: name, trust_rank: trustRank });
    }
  });
}

let seq = 0;
const SYLLABLES = 'ka lo mi ren sa tor vel qui bra do fen gar hul is jo ne pra sti ul wen yar zo bel cor'.split(' ');
const STREETS = ['Wattle', 'Harbour', 'Banksia', 'Jacaranda', 'Kurrajong', 'Bottlebrush', 'Ironbark', 'Waratah'];
const PLACES: Array<[string, string]> = [
  ['Newtown', '2042'],
  ['Manly', '2095'],
  ['Katoomba', '2780'],
  ['Orange', '2800'],
  ['Dubbo', '2830'],
  ['Bathurst', '2795'],
  ['Goulburn', '2580'],
  ['Tamworth', '2340'],
];

/** A made-up name of three random syllables: factories must not collide by accident. */
function name(): string {
  const s = Array.from({ length: 3 }, () => SYLLABLES[Math.floor(Math.random() * SYLLABLES.length)]).join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A person no other call resembles: each call draws a new identity (name, birth date, email, phone,
 * address) at random. A near-duplicate is `sameAs(rec, ...)`.
 */
export function person(over: Partial<RawRecord> = {}): RawRecord {
  seq += 1;
  const n = Math.floor(Math.random() * 1e9);
  const given = name();
  const family = name();
  const [locality, postcode] = PLACES[n % PLACES.length] as [string, string];
  return {
    source_system: 'crm',
    source_record_id: `r${seq}-${n}`,
    given_name: given,
    family_name: family,
    date_of_birth: `19${40 + (n % 60)}-${String(1 + ((n >> 4) % 12)).padStart(2, '0')}-${String(1 + ((n >> 8) % 28)).padStart(2, '0')}`,
    email: `${given}.${family}.${n}@example.com`.toLowerCase(),
    phone: `04${String(10_000_000 + (n % 89_999_999)).padStart(8, '0')}`,
    address_line1: `${1 + (n % 300)} ${STREETS[(n >> 3) % STREETS.length]} Street`,
    locality,
    region: 'NSW',
    postal_code: postcode,
    country: 'AU',
    annual_value: '1200',
    ...over,
  };
}

/** A copy of `rec` as another system (or record id) sends it. */
export function sameAs(rec: RawRecord, over: Partial<RawRecord> = {}): RawRecord {
  seq += 1;
  return { ...rec, source_record_id: `d${seq}`, ...over };
}
