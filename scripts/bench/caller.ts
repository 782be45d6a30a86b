/**
 * `npm run bench -- caller [--records N] [--queries Q] [--fresh]`
 *
 * Caller look-up (GET /v1/caller, issue #16) at scale: loads N generator records (default
 * 1,000,000) into PostgreSQL (DATABASE_URL or postgres://postgres@127.0.0.1:5432/ih_bench) by COPY
 * (see _bulk-load.ts; a database already holding ≥ N records is reused), then times Q look-ups
 * (default 2,000) one after another, in process, cycling through what a caller gives: a phone
 * number as written by the source, an email, a name, a source record id. Target: p99 ≤ 50 ms.
 * Prints one JSON line (with the load average: the machine may be shared).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { createMdmContext, lookupCaller } from '../../src/mdm/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import { openDatabase } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { customerGroups } from './_bench-data.js';
import { bulkLoad } from './_bulk-load.js';
import { ensureDatabase } from './_database.js';
import { machine } from './_machine.js';

const log = (msg: string) => process.stderr.write(`[bench caller] ${msg}\n`);
const KINDS = ['phone', 'email', 'name', 'recordId'] as const;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      records: { type: 'string', default: '1000000' },
      queries: { type: 'string', default: '2000' },
      fresh: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.records);
  const queries = Number(values.queries);
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/ih_bench';
  await ensureDatabase(url, values.fresh);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 4 });
  try {
    await migrate(database);
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', DEFAULT_COUNTRY: 'AU' });
    const mdm = createMdmContext({ database, config, logger: pino({ level: 'silent' }) });
    const have = await sql<{ n: string }>`select count(*) as n from source_records`.execute(database.db);
    const groups = customerGroups(n);
    const sample: RawRecord[] = [];
    if (Number(have.rows[0]?.n ?? 0) < n) {
      await sql`truncate customers, source_records, blocking_keys, match_links, review_tasks, audit_events, golden_values, customer_system_totals`.execute(
        database.db,
      );
      // Tee the generator: every 97th group's first record becomes a query.
      let g = 0;
      const teed: Iterator<RawRecord[]> = {
        next: () => {
          const r = groups.next();
          if (!r.done && g++ % 97 === 0 && r.value[0]) sample.push(r.value[0]);
          return r;
        },
      };
      await bulkLoad(mdm, teed, n, (done) => log(`copied ${done}/${n}`));
      await sql`analyze`.execute(database.db);
    } else {
      let g = 0;
      for (let r = groups.next(); !r.done; r = groups.next()) if (g++ % 97 === 0 && r.value[0]) sample.push(r.value[0]);
    }
    const asked = sample.flatMap((r, i) => {
      const kind = KINDS[i % KINDS.length]!;
      const name = [r['given_name'], r['family_name']].filter(Boolean).join(' ') || r['full_name'];
      const q = { phone: r['phone'], email: r['email'], name, recordId: r.source_record_id }[kind];
      return q ? [{ kind, q }] : [];
    });
    log(`${asked.length} distinct queries; timing ${queries} look-ups`);
    for (const { q } of asked.slice(0, 50)) await lookupCaller(mdm, q); // warm caches and plans
    const times: Record<string, number[]> = { all: [], phone: [], email: [], name: [], recordId: [] };
    let found = 0;
    for (let i = 0; i < queries && asked.length > 0; i++) {
      const { kind, q } = asked[i % asked.length]!;
      const t0 = performance.now();
      const answer = await lookupCaller(mdm, q);
      const ms = performance.now() - t0;
      if (answer.customer) found++;
      times['all']!.push(ms);
      times[kind]!.push(ms);
    }
    const p = (xs: number[], q: number) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10 : null;
    };
    const byKind = Object.fromEntries(
      Object.entries(times).map(([k, xs]) => [k, { n: xs.length, p50Ms: p(xs, 0.5), p99Ms: p(xs, 0.99) }]),
    );
    const p99 = p(times['all']!, 0.99);
    process.stdout.write(
      `${JSON.stringify({
        bench: 'caller',
        records: n,
        queries: times['all']!.length,
        found,
        latency: byKind,
        targets: { p99Ms: { target: 50, met: p99 !== null && p99 <= 50 } },
        loadAverage1m: Math.round(os.loadavg()[0]! * 10) / 10,
        machine: machine(),
      })}\n`,
    );
  } finally {
    await database.close();
  }
}
