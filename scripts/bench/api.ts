/**
 * `npm run bench -- api [--records N] [--duration S] [--connections C] [--load bulk|copy]
 *   [--phases upsert,xref] [--fresh]`
 *
 * Loads N records of the project's generator (src/synth, default 1,000,000) into PostgreSQL
 * (DATABASE_URL or postgres://postgres@127.0.0.1:5432/ih_bench) — through upsertRecords, the bulk
 * path with real matching (default, --load bulk; `upsert` is the old name), or by COPY of rows the MDM
 * core's pure steps build without matching (--load copy, see _bulk-load.ts) — starts the real server on 127.0.0.1, then drives it
 * over loopback with autocannon for a bounded time each:
 *   1. PUT /v1/records/{system}/{id}: the generator's next records (new people and duplicates of
 *      loaded ones) under fresh ids, so each request runs the full match path.
 *      Targets: p99 ≤ 25 ms, ≥ 500 upserts/s.
 *   2. GET /v1/xref/{system}/{id} of random loaded records. Target: p99 ≤ 5 ms.
 * A database already holding ≥ N records is reused (--fresh reloads). Prints one JSON line.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createMdmContext, type MdmContext, type RecordRef, upsertRecords } from '../../src/mdm/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import { openDatabase } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { machine } from './_machine.js';
import { customerGroups } from './_bench-data.js';
import { benchUpserts, benchXref } from './_api-phases.js';
import { bulkLoad } from './_bulk-load.js';
import { ensureDatabase } from './_database.js';

const log = (msg: string) => process.stderr.write(`[bench api] ${msg}\n`);
/** Records kept aside for the PUT phase (far more than a bounded run sends). */
const PUT_POOL = 100_000;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      records: { type: 'string', default: '1000000' },
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '8' },
      fresh: { type: 'boolean', default: false },
      load: { type: 'string', default: 'bulk' },
      phases: { type: 'string', default: 'upsert,xref' },
    },
  });
  const n = Number(values.records);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/ih_bench';
  await ensureDatabase(url, values.fresh);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: connections + 4 });
  await migrate(database);
  const logger = pino({ level: 'silent' });
  const adminKey = `bench-${randomBytes(16).toString('hex')}`;
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', DEFAULT_COUNTRY: 'AU', ADMIN_API_KEY: adminKey });
  const mdm = createMdmContext({ database, config, logger });
  const groups = customerGroups(n + PUT_POOL);
  const load = await loadRecords(mdm, groups, n, values.load === 'copy' ? 'copy' : 'upsert');
  const putPool = take(groups, PUT_POOL);
  const app = await buildApp({ config, mdm, logger });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const phases = values.phases.split(',');
    const opts = { address, key: adminKey, duration, connections };
    const upsert = phases.includes('upsert') ? await benchUpserts(opts, putPool) : null;
    const xref = phases.includes('xref') ? await benchXref(opts, load.refs) : null;
    const figures = {
      bench: 'api',
      records: load.total,
      load: { mode: load.mode, loaded: load.loaded, seconds: load.seconds, perSecond: load.perSecond },
      connections,
      upsert,
      xref,
      targets: {
        upsertP99Ms: { target: 25, met: upsert ? upsert.p99Ms <= 25 && upsert.non2xx === 0 : null },
        upsertsPerSecond: { target: 500, met: upsert ? upsert.perSecond >= 500 : null },
        xrefP99Ms: { target: 5, met: xref ? xref.p99Ms <= 5 && xref.non2xx === 0 : null },
      },
      // The machine is shared: a load average above its core count means the figures are CPU-starved.
      loadAverage1m: Math.round(os.loadavg()[0]! * 10) / 10,
      machine: machine(),
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await app.close();
    await database.close();
  }
}

interface Loaded {
  mode: 'copy' | 'upsert' | 'reused';
  total: number;
  loaded: number;
  seconds: number;
  perSecond: number;
  refs: RecordRef[];
}

/**
 * Gets the database to n generator records. A database already holding that many is reused (the
 * generator is deterministic, so its first n records are the loaded ones); otherwise the record
 * tables are emptied and loaded by COPY or through upsertRecords.
 */
async function loadRecords(
  mdm: MdmContext,
  groups: Iterator<RawRecord[]>,
  n: number,
  mode: 'copy' | 'upsert',
): Promise<Loaded> {
  const { db } = mdm.database;
  const have = await db
    .selectFrom('source_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const t0 = performance.now();
  if (Number(have.n) >= n) {
    const refs = take(groups, n).map((r) => ({ sourceSystem: r.source_system, sourceRecordId: r.source_record_id }));
    return { mode: 'reused', total: Number(have.n), loaded: 0, seconds: 0, perSecond: 0, refs };
  }
  await sql`truncate customers, source_records, blocking_keys, match_links, review_tasks, audit_events`.execute(db);
  const refs =
    mode === 'copy'
      ? await bulkLoad(mdm, groups, n, (done) => log(`copied ${done}/${n}`))
      : await upsertLoad(mdm, groups, n);
  const seconds = (performance.now() - t0) / 1000;
  return {
    mode,
    total: refs.length,
    loaded: refs.length,
    seconds: round(seconds),
    perSecond: round(refs.length / seconds),
    refs,
  };
}

/**
 * Through upsertRecords (the bulk path) in chunks of 5,000, two in flight: one standardises its chunk
 * in Node while the other's transaction runs in PostgreSQL (systems registered first).
 */
async function upsertLoad(mdm: MdmContext, groups: Iterator<RawRecord[]>, n: number): Promise<RecordRef[]> {
  const all = take(groups, n);
  const systems = [...new Set(all.map((r) => r.source_system))];
  await mdm.database.db
    .insertInto('source_systems')
    .values(systems.map((name) => ({ name, display_name: name })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  mdm.sourceSystems.clear();
  const actor = { type: 'system' as const, id: 'bench' };
  let next = 0;
  const worker = async () => {
    while (next < all.length) {
      const from = next;
      next = Math.min(all.length, next + 5000);
      await upsertRecords(mdm, actor, all.slice(from, next));
      if (Math.floor(from / 20_000) !== Math.floor(next / 20_000)) log(`upserted ${next}/${all.length}`);
    }
  };
  await Promise.all([worker(), worker()]);
  return all.map((r) => ({ sourceSystem: r.source_system, sourceRecordId: r.source_record_id }));
}

/** The next whole groups, flattened, until at least `count` records. */
function take(groups: Iterator<RawRecord[]>, count: number): RawRecord[] {
  const out: RawRecord[] = [];
  while (out.length < count) {
    const next = groups.next();
    if (next.done) break;
    out.push(...next.value);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
