/**
 * `npm run bench -- import [--records N] [--workers 1,2] [--chunk 5000] [--stored M]`: imports N
 * generated canonical records through the BullMQ queue into a fresh PostgreSQL database, once per
 * worker count. With --stored M the database first receives M other generated records through the
 * bulk path (in this process, not timed), so the import matches against a store of that size. With W
 * workers the records are split into W files (a customer's records stay in one file) and W import
 * jobs are enqueued; each worker is its own `npm run worker` process with WORKER_CONCURRENCY=1.
 * Reports records/s, the workers' Node CPU per record, database bytes per source record (indexes
 * included) and the load average before and after each run.
 * Needs REDIS_URL and BENCH_DATABASE_URL (or TEST_DATABASE_URL). Prints one JSON line.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { sql } from 'kysely';
import { BullmqJobRunner } from '../../src/jobs/queues.js';
import { loadConfig } from '../../src/config.js';
import { createMdmContext, upsertRecords } from '../../src/mdm/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import type { PostgresDatabase } from '../../src/store/db-postgres.js';
import { generateRecords } from '../../src/synth/generator.js';
import { machine } from './_machine.js';
import { countRows, dropDatabase, freshDatabase, spawnWorker, stopWorker, writeRecords } from './_import-setup.js';

interface RunFigures {
  workers: number;
  stored: number;
  records: number;
  seconds: number;
  recordsPerSecond: number;
  customers: number;
  failed: number;
  /** User + system CPU of the worker processes per imported record (PostgreSQL's CPU not included). */
  workerCpuMsPerRecord: number;
  /** Database size (tables + indexes) / source records, after the run. */
  dbBytesPerRecord: number;
  load: { before: number[]; after: number[] };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      records: { type: 'string', default: '1000000' },
      workers: { type: 'string', default: '1,2' },
      chunk: { type: 'string', default: '5000' },
      stored: { type: 'string', default: '0' },
    },
  });
  const records = Number(values.records);
  const workerCounts = values.workers.split(',').map(Number);
  const redisUrl = process.env['REDIS_URL'];
  const baseUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (!redisUrl || !baseUrl || !(records > 0) || workerCounts.some((w) => !(w > 0))) {
    process.stderr.write(
      'usage: REDIS_URL=... BENCH_DATABASE_URL=postgres://... npm run bench -- import [--records N] [--workers 1,2]\n',
    );
    process.exit(2);
  }
  const dir = await mkdtemp(join(tmpdir(), 'ih-bench-import-'));
  const runs: RunFigures[] = [];
  try {
    for (const workers of workerCounts) {
      runs.push(
        await benchOnce({
          dir,
          records,
          workers,
          chunk: Number(values.chunk),
          stored: Number(values.stored),
          redisUrl,
          baseUrl,
        }),
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const one = runs.find((r) => r.workers === 1);
  const scaling = Object.fromEntries(
    runs.map((r) => [`x${r.workers}`, one ? Number((r.recordsPerSecond / one.recordsPerSecond).toFixed(2)) : null]),
  );
  process.stdout.write(
    JSON.stringify({ bench: 'import', backend: 'postgres', runs, scaling, machine: machine() }) + '\n',
  );
}

async function benchOnce(o: {
  dir: string;
  records: number;
  workers: number;
  chunk: number;
  stored: number;
  redisUrl: string;
  baseUrl: string;
}): Promise<RunFigures> {
  const name = `ih_bench_import_${o.workers}`;
  const paths = Array.from({ length: o.workers }, (_, i) => join(o.dir, `w${o.workers}-part${i}.csv`));
  process.stderr.write(`generating ${o.records} records into ${o.workers} file(s)\n`);
  await writeRecords(paths, o.records);
  const { url, database } = await freshDatabase(o.baseUrl, name);
  if (o.stored > 0) await preload(database, o.stored);
  const prefix = `ih-bench-${process.pid}-${o.workers}`;
  const env = { DATABASE_URL: url, REDIS_URL: o.redisUrl, REDIS_PREFIX: prefix, WORKER_CONCURRENCY: '1' };
  const children = Array.from({ length: o.workers }, () => spawnWorker(env));
  const runner = new BullmqJobRunner(database, { redisUrl: o.redisUrl, prefix });
  try {
    await new Promise((r) => setTimeout(r, 4_000)); // workers start (tsx + migrations check)
    const loadBefore = os.loadavg();
    const cpuBefore = await Promise.all(children.map((c) => cpuMs(c.pid)));
    const started = Date.now();
    const ids = await Promise.all(
      paths.map(async (path) => (await runner.enqueue('import', { path, chunkSize: o.chunk })).id),
    );
    const views = await waitAll(runner, ids, o.records);
    const seconds = (Date.now() - started) / 1000;
    const cpuAfter = await Promise.all(children.map((c) => cpuMs(c.pid)));
    const loadAfter = os.loadavg();
    const counts = await countRows(database);
    const bytes = await databaseBytes(database);
    const failed = views.reduce((n, v) => n + Number(v.counts['failed'] ?? 0), 0);
    process.stderr.write(`\n${o.workers} worker(s): ${o.records} records in ${seconds.toFixed(1)} s\n`);
    const imported = counts.records - o.stored;
    const cpu = cpuAfter.reduce((a, b) => a + b, 0) - cpuBefore.reduce((a, b) => a + b, 0);
    const round = (x: number) => Number(x.toFixed(2));
    return {
      workers: o.workers,
      stored: o.stored,
      records: imported,
      seconds: round(seconds),
      recordsPerSecond: Math.round(imported / seconds),
      customers: counts.customers,
      failed,
      workerCpuMsPerRecord: Number((cpu / imported).toFixed(3)),
      dbBytesPerRecord: Math.round(bytes / counts.records),
      load: { before: loadBefore.map(round), after: loadAfter.map(round) },
    };
  } finally {
    await Promise.all(children.map((c) => stopWorker(c)));
    await runner.close();
    await database.close();
    await dropDatabase(o.baseUrl, name);
  }
}

async function waitAll(runner: BullmqJobRunner, ids: string[], total: number) {
  const log = pino({ level: 'silent' });
  for (;;) {
    const views = await Promise.all(ids.map((id) => runner.get(id)));
    const done = views.reduce((n, v) => n + Number(v?.counts['read'] ?? 0), 0);
    process.stderr.write(`\rimported ${done}/${total}`);
    if (views.some((v) => v?.state === 'failed')) log.error({ views }, 'import failed');
    if (views.every((v) => v && (v.state === 'completed' || v.state === 'failed'))) return views.map((v) => v!);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** Loads `n` generated records (another seed than the import files) through the bulk path. */
async function preload(database: PostgresDatabase, n: number): Promise<void> {
  const config = loadConfig({ DEFAULT_COUNTRY: 'AU' });
  const mdm = createMdmContext({ database, config, logger: pino({ level: 'silent' }) });
  const actor = { type: 'system', id: 'bench-preload' } as const;
  let batch: RawRecord[] = [];
  let done = 0;
  for (const { record } of generateRecords({ customers: n, seed: 'bench-stored' })) {
    if (done + batch.length >= n) break;
    batch.push({ ...(record as unknown as RawRecord), source_record_id: `s-${record.source_record_id}` });
    if (batch.length === 5_000) {
      await upsertRecords(mdm, actor, batch);
      done += batch.length;
      batch = [];
      process.stderr.write(`\rpreloaded ${done}/${n}`);
    }
  }
  if (batch.length > 0) await upsertRecords(mdm, actor, batch);
  await sql`analyze`.execute(database.db);
  process.stderr.write(`\rpreloaded ${n}/${n}\n`);
}

/** User + system CPU milliseconds of a live process (Linux /proc; 0 elsewhere). */
async function cpuMs(pid: number | undefined): Promise<number> {
  if (!pid) return 0;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  return (ticks * 1000) / 100;
}

async function databaseBytes(database: PostgresDatabase): Promise<number> {
  const { rows } = await database.pool.query<{ bytes: string }>('select pg_database_size(current_database()) as bytes');
  return Number(rows[0]?.bytes ?? 0);
}
