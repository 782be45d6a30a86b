/**
 * Loads the demo data set (fixtures/sample/records.csv: 1,933 generated records in six source
 * systems) through the real ingest path: the source systems are registered with POST
 * /v1/source-systems, then the records go in with POST /v1/records:batch, as a source would send
 * them. Truth (truth.csv) is never read.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCanonicalCsv } from '../../../src/io/canonical-csv.js';
import type { RawRecord } from '../../../src/standardize/types.js';
import { ADMIN_KEY, type UiServer } from './server.js';

export const DEMO_CSV = fileURLToPath(new URL('../../../fixtures/sample/records.csv', import.meta.url));
const BATCH = 500;

export interface DemoLoad {
  records: number;
  failed: number;
  systems: string[];
  ms: number;
}

export async function readDemoRecords(path = DEMO_CSV): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const row of readCanonicalCsv(path)) {
    if ('error' in row) throw new Error(`${join(path)} line ${row.line}: ${row.error}`);
    out.push(row.record);
  }
  return out;
}

export async function loadDemoData(server: UiServer): Promise<DemoLoad> {
  const started = performance.now();
  const records = await readDemoRecords();
  const systems = [...new Set(records.map((r) => r.source_system))].sort();
  for (const name of systems) {
    await server.call('POST', '/v1/source-systems', ADMIN_KEY, { name });
  }
  let failed = 0;
  for (let i = 0; i < records.length; i += BATCH) {
    const result = await server.call<{ ok: number; failed: number }>('POST', '/v1/records:batch', ADMIN_KEY, {
      records: records.slice(i, i + BATCH),
    });
    failed += result.failed;
  }
  return { records: records.length, failed, systems, ms: Math.round(performance.now() - started) };
}
