/**
 * `npm run bench -- import [--records N] [--workers 1,2] [--chunk 500]`: imports N generated canonical
 * records through the BullMQ queue into a fresh PostgreSQL database, once per worker count. With W
 * workers the records are split into W files (a customer's records stay in one file) and W import
 * jobs are enqueued; each worker is its own `npm run worker` process with WORKER_CONCURRENCY=1.
 * Needs REDIS_URL and BENCH_DATABASE_URL (or TEST_DATABASE_URL). Prints one JSON line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { BullmqJobRunner } from '../../src/jobs/queues.js';
import { machine } from './_machine.js';
import { countRows, dropDatabase, freshDatabase, spawnWorker, stopWorker, writeRecords } from './_import-setup.js';

interface RunFigures {
  workers: number;
  records: number;
  seconds: number;
  recordsPerSecond: number;
  customers: number;
  failed: number;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      records: { type: 'string', default: '1000000' },
      workers: { type: 'string', default: '1,2' },
      chunk: { type: 'string', default: '500' },
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
      runs.push(await benchOnce({ dir, records, workers, chunk: Number(values.chunk), redisUrl, baseUrl }));
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
  redisUrl: string;
  baseUrl: string;
}): Promise<RunFigures> {
  const name = `ih_bench_import_${o.workers}`;
  const paths = Array.from({ length: o.workers }, (_, i) => join(o.dir, `w${o.workers}-part${i}.csv`));
  process.stderr.write(`generating ${o.records} records into ${o.workers} file(s)\n`);
  await writeRecords(paths, o.records);
  const { url, database } = await freshDatabase(o.baseUrl, name);
  const prefix = `ih-bench-${process.pid}-${o.workers}`;
  const env = { DATABASE_URL: url, REDIS_URL: o.redisUrl, REDIS_PREFIX: prefix, WORKER_CONCURRENCY: '1' };
  const children = Array.from({ length: o.workers }, () => spawnWorker(env));
  const runner = new BullmqJobRunner(database, { redisUrl: o.redisUrl, prefix });
  try {
    await new Promise((r) => setTimeout(r, 4_000)); // workers start (tsx + migrations check)
    const started = Date.now();
    const ids = await Promise.all(
      paths.map(async (path) => (await runner.enqueue('import', { path, chunkSize: o.chunk })).id),
    );
    const views = await waitAll(runner, ids, o.records);
    const seconds = (Date.now() - started) / 1000;
    const counts = await countRows(database);
    const failed = views.reduce((n, v) => n + Number(v.counts['failed'] ?? 0), 0);
    process.stderr.write(`\n${o.workers} worker(s): ${o.records} records in ${seconds.toFixed(1)} s\n`);
    return {
      workers: o.workers,
      records: counts.records,
      seconds: Number(seconds.toFixed(2)),
      recordsPerSecond: Math.round(counts.records / seconds),
      customers: counts.customers,
      failed,
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
