/**
 * Real time against batch (#12): pairwise F1 of the customers a record-by-record import leaves in
 * PostgreSQL, against `cli dedupe` on the same file with the same settings — with no manual step
 * (the first model is trained and promoted automatically, MODEL_AUTO_TRAIN_RECORDS), then after one
 * dedupe run (the nightly job's re-cluster), then over shuffled record orders.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ih_rt npx tsx scripts/realtime-vs-batch.ts \
 *     --data ../shared/data/fake-1000 [--data …] [--shuffles 3] [--chunk 500]
 *
 * The database named in DATABASE_URL is dropped and recreated for every run. Prints one JSON line
 * per dataset (and `uptime` load before and after) on stdout. Settings come from the environment
 * exactly as for the service (loadConfig).
 */
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { runBatchDedupe } from '../src/batch/pipeline.js';
import { batchThresholds, loadConfig, type Config } from '../src/config.js';
import { readCanonicalCsv } from '../src/io/canonical-csv.js';
import { evaluateClusters } from '../src/match/index.js';
import {
  createMdmContext,
  createSourceSystem,
  reclusterRecords,
  settleAutoTrain,
  upsertRecords,
  type MdmContext,
} from '../src/mdm/index.js';
import type { RawRecord } from '../src/standardize/types.js';
import { openDatabase } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { ensureDatabase } from './bench/_database.js';

const ADMIN = { type: 'admin' as const, id: 'realtime-vs-batch' };
const key = (system: string, id: string) => `${system}\u0000${id}`;

async function readRecords(dir: string): Promise<{ records: RawRecord[]; truth: Map<string, string> }> {
  const records: RawRecord[] = [];
  for await (const row of readCanonicalCsv(join(dir, 'records.csv'))) if ('record' in row) records.push(row.record);
  const truth = new Map<string, string>();
  for await (const row of readCanonicalCsv(join(dir, 'truth.csv')))
    if ('record' in row)
      truth.set(key(row.record.source_system, row.record.source_record_id), row.record.extra!['entity_id']!);
  return { records, truth };
}

function f1(customerOf: Map<string, string>, truth: Map<string, string>): number {
  const keys = [...truth.keys()];
  // A record missing from the store counts as a customer of its own.
  return evaluateClusters(
    keys.map((k) => customerOf.get(k) ?? `missing:${k}`),
    keys.map((k) => truth.get(k)!),
  ).pairwise.f1;
}

async function batchF1(config: Config, records: RawRecord[], truth: Map<string, string>): Promise<number> {
  const result = await runBatchDedupe(records, {
    standardize: { defaultCountry: config.defaultCountry, dateOrder: config.dateOrder, today: new Date() },
    thresholds: batchThresholds(config),
    train: true,
  });
  const customerOf = new Map(
    result.records.map((r, i) => [key(r.sourceSystem, r.sourceRecordId), result.customerIds[i]!]),
  );
  return f1(customerOf, truth);
}

async function storedCustomers(mdm: MdmContext): Promise<Map<string, string>> {
  const rows = await mdm.database.db
    .selectFrom('source_records')
    .select(['source_system', 'source_record_id', 'customer_id'])
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [key(r.source_system, r.source_record_id), r.customer_id ?? 'none']));
}

/** A fresh database, the file streamed through the real-time path, F1 before and after one dedupe run. */
async function realtime(url: string, config: Config, records: RawRecord[], truth: Map<string, string>, chunk: number) {
  await ensureDatabase(url, true);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 4 });
  try {
    await migrate(database);
    const mdm = createMdmContext({ database, config, logger: pino({ level: 'warn' }) });
    for (const system of new Set(records.map((r) => r.source_system)))
      await createSourceSystem(mdm, ADMIN, { name: system }).catch(() => undefined);
    const started = Date.now();
    for (let i = 0; i < records.length; i += chunk) await upsertRecords(mdm, ADMIN, records.slice(i, i + chunk));
    await settleAutoTrain(mdm);
    const importSeconds = (Date.now() - started) / 1000;
    const model = (await mdm.models.current()).version;
    const imported = f1(await storedCustomers(mdm), truth);
    await reclusterRecords(mdm, { type: 'system', id: 'dedupe' }, 'changed', async () => true);
    const afterDedupe = f1(await storedCustomers(mdm), truth);
    return { imported, afterDedupe, model, importSeconds };
  } finally {
    await database.close();
  }
}

/** Deterministic Fisher–Yates shuffle (a seeded LCG), so a run can be repeated. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const round = (x: number) => Number(x.toFixed(4));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', multiple: true },
      shuffles: { type: 'string', default: '3' },
      chunk: { type: 'string', default: '500' },
    },
  });
  const url = process.env['DATABASE_URL'];
  if (!url || !values.data?.length)
    throw new Error('usage: DATABASE_URL=postgres://… tsx scripts/realtime-vs-batch.ts --data DIR …');
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  for (const dir of values.data) {
    const loadBefore = execSync('uptime').toString().trim();
    const { records, truth } = await readRecords(dir);
    const batch = await batchF1(config, records, truth);
    const inOrder = await realtime(url, config, records, truth, Number(values.chunk));
    const shuffles = [];
    for (let s = 1; s <= Number(values.shuffles); s++)
      shuffles.push((await realtime(url, config, shuffled(records, s), truth, Number(values.chunk))).imported);
    const all = [inOrder.imported, ...shuffles];
    process.stdout.write(
      JSON.stringify({
        data: dir,
        records: records.length,
        batchF1: round(batch),
        realtimeF1: round(inOrder.imported),
        afterDedupeF1: round(inOrder.afterDedupe),
        gap: round(batch - inOrder.imported),
        gapAfterDedupe: round(batch - inOrder.afterDedupe),
        shuffleF1: shuffles.map(round),
        orderSpread: round(Math.max(...all) - Math.min(...all)),
        model: inOrder.model,
        importSeconds: inOrder.importSeconds,
        loadBefore,
        loadAfter: execSync('uptime').toString().trim(),
      }) + '\n',
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
