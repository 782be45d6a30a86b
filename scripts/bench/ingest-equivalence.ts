/**
 * `npm run bench -- ingest-equivalence --input records.csv [--stored 0.5] [--chunk 5000]`: loads a
 * canonical file into two embedded (PGlite, in memory) stores — every record one upsert at a time, and
 * the first `stored` share one at a time then the rest through the bulk path in chunks — and prints
 * how the customers, links and open review tasks of the two compare (JSON). Used for the "same
 * customers as the one-by-one path" check on fake-1000, febrl3 and chicago-childcare.
 */
import { parseArgs } from 'node:util';
import { openRecordFile } from '../../src/jobs/record-reader.js';
import type { RawRecord } from '../../src/standardize/types.js';
import { openPglite } from '../../src/store/db-pglite.js';
import { migrate } from '../../src/store/migrate.js';
import { machine } from './_machine.js';
import {
  compareContext,
  compareOutcomes,
  loadBulk,
  loadOneByOne,
  readOutcome,
  registerSystems,
} from './_ingest-compare.js';

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      input: { type: 'string' },
      stored: { type: 'string', default: '0.5' },
      chunk: { type: 'string', default: '5000' },
    },
  });
  if (!values.input) {
    process.stderr.write(
      'usage: npm run bench -- ingest-equivalence --input records.csv [--stored 0.5] [--chunk 5000]\n',
    );
    process.exit(2);
  }
  const records: RawRecord[] = [];
  // System names are made valid registry names (chicago-childcare's contain spaces).
  const slug = (s: unknown): string =>
    String(s)
      .replace(/[^A-Za-z0-9_.-]/g, '_')
      .slice(0, 64);
  for await (const row of (await openRecordFile(values.input)).rows) {
    if ('record' in row) records.push({ ...row.record, source_system: slug(row.record.source_system) });
  }
  const stored = Math.round(records.length * Number(values.stored));
  const [one, bulk] = await Promise.all([openPglite({}), openPglite({})]);
  try {
    for (const db of [one, bulk]) {
      await migrate(db);
      await registerSystems(db, records);
    }
    let t = Date.now();
    await loadOneByOne(compareContext(one), records);
    const oneSeconds = (Date.now() - t) / 1000;
    const warnings: string[] = [];
    const ctx = compareContext(bulk, warnings);
    await loadOneByOne(ctx, records.slice(0, stored));
    t = Date.now();
    const failed = await loadBulk(ctx, records.slice(stored), Number(values.chunk));
    const bulkSeconds = (Date.now() - t) / 1000;
    const comparison = compareOutcomes(await readOutcome(one), await readOutcome(bulk));
    process.stdout.write(
      JSON.stringify({
        bench: 'ingest-equivalence',
        input: values.input,
        storedFirst: stored,
        bulkRecords: records.length - stored,
        failed: failed.length,
        chunksFallenBackToOneByOne: warnings.length,
        comparison,
        seconds: { oneByOneAll: oneSeconds, bulkPart: bulkSeconds },
        machine: machine(),
      }) + '\n',
    );
  } finally {
    await one.close();
    await bulk.close();
  }
}
