/**
 * `npm run bench -- mdm-upsert [--records N] [--upserts M] [--concurrency C] [--fresh]`
 *
 * The MDM hot path without HTTP: loads N synthetic records (default 20,000) into PostgreSQL
 * (DATABASE_URL or postgres://postgres@127.0.0.1:5432/ih_bench_mdm) with upsertRecords (batch path,
 * load rate reported), then runs M (default 2,000) single upsertRecord calls of new records with C
 * concurrent callers (default 8) and reports throughput and latency percentiles.
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { createMdmContext, upsertRecord, upsertRecords } from '../../src/mdm/index.js';
import { openDatabase } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { machine } from './_machine.js';
import { syntheticRecord } from './_synthetic-records.js';
import { ensureDatabase } from './_database.js';

const actor = { type: 'system', id: 'bench' } as const;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      records: { type: 'string', default: '20000' },
      upserts: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '8' },
      fresh: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.records);
  const m = Number(values.upserts);
  const c = Number(values.concurrency);
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/ih_bench_mdm';
  await ensureDatabase(url, values.fresh);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: c + 2 });
  await migrate(database);
  await database.execScript(
    `insert into source_systems (name, display_name, trust_rank) values ('bench_a','A',10),('bench_b','B',20) on conflict do nothing`,
  );
  const ctx = createMdmContext({ database, config: loadConfig({}), logger: pino({ level: 'silent' }) });
  const have = Number(
    (
      await database.db
        .selectFrom('source_records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  let loadRate: number | null = null;
  if (have < n) {
    const t0 = performance.now();
    for (let i = have; i < n; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, n - i) }, (_, j) => syntheticRecord(i + j));
      await upsertRecords(ctx, actor, batch);
      process.stderr.write(`\rloaded ${i + batch.length}/${n}`);
    }
    loadRate = Math.round(((n - have) / (performance.now() - t0)) * 1000);
    process.stderr.write('\n');
    await database.execScript('analyze');
  }
  const latencies: number[] = [];
  let next = 0;
  const base = 10_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (next < m) {
        const i = next++;
        const s = performance.now();
        await upsertRecord(ctx, actor, syntheticRecord(base + i));
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0) * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({
      bench: 'mdm-upsert',
      recordsLoaded: Math.max(n, have),
      loadRecordsPerSecond: loadRate,
      upserts: m,
      concurrency: c,
      upsertsPerSecond: Math.round(m / seconds),
      latencyMs: { p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), max: pct(1) },
      machine: machine(),
    })}\n`,
  );
  await database.close();
}
