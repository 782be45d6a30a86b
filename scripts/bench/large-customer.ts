/**
 * `npm run bench -- large-customer [--records N] [--upserts M] [--writers W] [--merge-size S]
 *   [--split-size K] [--reads R] [--fresh]`
 *
 * Issue #18 on PostgreSQL (DATABASE_URL or postgres://postgres@127.0.0.1:5432/ih_bench_large):
 * - one company customer of N records (default 100,000) loaded straight into the store, its golden
 *   state built once (time reported);
 * - M (default 300) upserts of changed records (the record-update path: standardise, lock, match,
 *   write, golden record and counters) into that customer vs into a 1-record customer, alternating
 *   one by one so both see the same machine load: p50/p99 and their ratios;
 * - W (default 8) concurrent writers updating different records of the large customer vs W writers
 *   each on its own 1-record customer: throughput and p99 (does the large customer serialise?);
 * - R (default 200) reads each of the customer, its /xref (first page) and its first /records page:
 *   p50/p99 and the response size in bytes (the JSON the route returns);
 * - a merge of two customers of S records (default 10,000) and a split of K (default 1,000) records
 *   off the result: seconds.
 * The MDM use cases are called directly (the routes only validate and serialise around them).
 * Full scale: `npm run bench -- large-customer --fresh` (defaults). Reduced: `--records 20000`.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { createMdmContext, type MdmContext } from '../../src/mdm/context.js';
import { recomputeCustomers } from '../../src/mdm/golden/customer-state.js';
import { prepareUpsert } from '../../src/mdm/ingest/prepare.js';
import {
  getCustomer,
  getCustomerXref,
  listCustomerRecords,
  mergeCustomers,
  splitCustomer,
  upsertRecord,
} from '../../src/mdm/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import { openDatabase } from '../../src/store/db.js';
import { jsonb } from '../../src/store/json.js';
import { migrate } from '../../src/store/migrate.js';
import { ensureDatabase } from './_database.js';
import { machine } from './_machine.js';

const actor = { type: 'system', id: 'bench' } as const;
const steward = { type: 'steward', id: 'bench-steward' } as const;
const PLACES: Array<[string, string]> = [
  ['Sydney', '2000'],
  ['Parramatta', '2150'],
  ['Newcastle', '2300'],
  ['Wollongong', '2500'],
  ['Penrith', '2750'],
  ['Gosford', '2250'],
  ['Orange', '2800'],
];
const STEMS = ['Kestrel', 'Banyan', 'Quokka', 'Marlin', 'Tallow', 'Zephyr', 'Corella', 'Obsidian', 'Juniper'];
const GIVEN = ['Aroha', 'Bilal', 'Chen', 'Dana', 'Eamon', 'Fatima', 'Gus', 'Hana', 'Ivo', 'Jules'];
const FAMILY = ['Ngata', 'Qureshi', 'Wu', 'Levi', 'Byrne', 'Haddad', 'Olsen', 'Sato', 'Petrov', 'Moreau'];

/** One account of a company: its own contact person, the company's name and address. */
function account(company: string, i: number, version = 0): RawRecord {
  // Companies share nothing: another name stem, street number and contact names.
  const h = [...company].reduce((x, c) => (x * 31 + c.charCodeAt(0)) % 997, 7);
  return {
    source_system: i % 3 === 0 ? 'bench_b' : 'bench_a',
    source_record_id: `${company}-${i}`,
    organization_name: `${STEMS[h % STEMS.length] as string} ${company} Logistics`,
    given_name: GIVEN[(i + h) % GIVEN.length] as string,
    family_name: `${FAMILY[(Math.floor(i / 10) + h) % FAMILY.length] as string}${i}`,
    email: `acct${i}.v${version}@${company}.example`,
    phone: `02${String(90_000_000 + ((i * 7919 + version + h * 100_003) % 9_999_999)).padStart(8, '0')}`,
    address_line1: `${1 + h} ${STEMS[(h >> 2) % STEMS.length] as string} Street`,
    locality: (PLACES[h % PLACES.length] as [string, string])[0],
    postal_code: (PLACES[h % PLACES.length] as [string, string])[1],
    country: 'AU',
    annual_value: String(100 + ((i + version) % 900)),
  };
}

/** Loads n accounts into a new customer with one statement per 2,000 rows (no matching: one company). */
async function loadCustomer(ctx: MdmContext, company: string, n: number): Promise<string> {
  const first = await upsertRecord(ctx, actor, account(company, 0));
  const db = ctx.database.db;
  for (let i = 1; i < n; i += 2000) {
    const rows = Array.from({ length: Math.min(2000, n - i) }, (_, j) => {
      const p = prepareUpsert(ctx, account(company, i + j));
      return {
        source_system: p.ref.sourceSystem,
        source_record_id: p.ref.sourceRecordId,
        customer_id: first.customerId,
        raw: jsonb(p.raw),
        std: jsonb(p.std),
        problems: jsonb(p.problems),
        payload_hash: p.hash,
        annual_value: p.std.annualValue,
      };
    });
    await db.insertInto('source_records').values(rows).execute();
    process.stderr.write(`\r${company}: ${Math.min(n, i + 2000)}/${n}`);
  }
  process.stderr.write('\n');
  return first.customerId;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 10) / 10;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      records: { type: 'string', default: '100000' },
      upserts: { type: 'string', default: '300' },
      writers: { type: 'string', default: '8' },
      'merge-size': { type: 'string', default: '10000' },
      'split-size': { type: 'string', default: '1000' },
      reads: { type: 'string', default: '200' },
      fresh: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.records);
  const m = Number(values.upserts);
  const w = Number(values.writers);
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/ih_bench_large';
  await ensureDatabase(url, values.fresh);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: w + 2 });
  await migrate(database);
  await database.execScript(
    `insert into source_systems (name, display_name, trust_rank) values ('bench_a','A',10),('bench_b','B',20) on conflict do nothing`,
  );
  await database.execScript(
    'truncate source_records, customers, audit_events, match_links, review_tasks, golden_values, customer_system_totals, blocking_keys cascade',
  );
  const ctx = createMdmContext({ database, config: loadConfig({}), logger: pino({ level: 'silent' }) });
  const run = Math.floor(Math.random() * 1e6);

  const big = await loadCustomer(ctx, `big${run}`, n);
  await database.execScript('analyze');
  const buildMs = await timed(() =>
    database.db.transaction().execute((trx) => recomputeCustomers(trx, ctx, [big], 'bench build')),
  );
  await upsertRecord(ctx, actor, account(`solo${run}`, 0));

  // Single writer, alternating big / small so both see the same load.
  const bigLat: number[] = [];
  const smallLat: number[] = [];
  for (let k = 1; k <= m; k++) {
    const i = 1 + Math.floor(Math.random() * (n - 1));
    bigLat.push(await timed(() => upsertRecord(ctx, actor, account(`big${run}`, i, k))));
    smallLat.push(await timed(() => upsertRecord(ctx, actor, account(`solo${run}`, 0, k))));
  }

  // W concurrent writers: different records of the big customer vs one 1-record customer each.
  await Promise.all(Array.from({ length: w }, (_, j) => upsertRecord(ctx, actor, account(`w${run}x${j}`, 0))));
  const concurrent = async (pick: (writer: number, k: number) => RawRecord) => {
    const lat: number[] = [];
    const perWriter = Math.max(1, Math.floor(m / w));
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: w }, async (_, j) => {
        for (let k = 1; k <= perWriter; k++) lat.push(await timed(() => upsertRecord(ctx, actor, pick(j, k))));
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    return { perSecond: Math.round(lat.length / seconds), p50: pct(lat, 0.5), p99: pct(lat, 0.99) };
  };
  const oneBig = await concurrent((j, k) => account(`big${run}`, 1 + ((j * 7919 + k * 104729) % (n - 1)), 1000 + k));
  const spread = await concurrent((j, k) => account(`w${run}x${j}`, 0, 1000 + k));

  // Reads of the big customer.
  const reads = Number(values.reads);
  const read = async (fn: () => Promise<unknown>) => {
    const lat: number[] = [];
    let bytes = 0;
    for (let k = 0; k < reads; k++) {
      const t0 = performance.now();
      const out = await fn();
      lat.push(performance.now() - t0);
      bytes = Buffer.byteLength(JSON.stringify(out));
    }
    return { p50: pct(lat, 0.5), p99: pct(lat, 0.99), bytes };
  };
  const getRead = await read(() => getCustomer(ctx, big));
  const xrefRead = await read(() => getCustomerXref(ctx, big));
  const recordsRead = await read(() => listCustomerRecords(ctx, big));

  // Merge of two S-record customers, then a split of K records off the survivor.
  const s = Number(values['merge-size']);
  const a = await loadCustomer(ctx, `ma${run}`, s);
  const b = await loadCustomer(ctx, `mb${run}`, s);
  await database.execScript('analyze');
  const buildAb = await timed(() =>
    database.db.transaction().execute((trx) => recomputeCustomers(trx, ctx, [a, b], 'bench build')),
  );
  const mergeMs = await timed(() => mergeCustomers(ctx, steward, a, b, 'bench merge'));
  const k = Number(values['split-size']);
  const refs = Array.from({ length: k }, (_, j) => {
    const raw = account(`mb${run}`, 1 + j);
    return { sourceSystem: raw.source_system as string, sourceRecordId: raw.source_record_id as string };
  });
  const splitMs = await timed(() => splitCustomer(ctx, steward, a, refs, 'bench split'));
  const load = (await import('node:os')).loadavg().map((x) => Math.round(x * 100) / 100);
  const live = await sql<{
    n: number;
  }>`select count(*)::int as n from source_records where customer_id = ${big}`.execute(database.db);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'large-customer',
      records: live.rows[0]?.n,
      buildSeconds: Math.round(buildMs) / 1000,
      upsert: {
        big: { p50: pct(bigLat, 0.5), p99: pct(bigLat, 0.99) },
        small: { p50: pct(smallLat, 0.5), p99: pct(smallLat, 0.99) },
        ratioP50: Math.round((pct(bigLat, 0.5) / pct(smallLat, 0.5)) * 100) / 100,
        ratioP99: Math.round((pct(bigLat, 0.99) / pct(smallLat, 0.99)) * 100) / 100,
      },
      writers: { count: w, oneLargeCustomer: oneBig, separateCustomers: spread },
      reads: { customer: getRead, xrefFirstPage: xrefRead, recordsFirstPage: recordsRead },
      merge: { recordsEach: s, buildSeconds: Math.round(buildAb) / 1000, seconds: Math.round(mergeMs) / 1000 },
      split: { records: k, seconds: Math.round(splitMs) / 1000 },
      loadAverage: load,
      machine: machine(),
    })}\n`,
  );
  await database.close();
}
