/**
 * Golden output: standardizeRecord over every record of fixtures/sample/records.csv (three option
 * sets, each record twice so cached paths are compared too) must give exactly the output recorded
 * in golden/sample-records.json. The snapshot holds a short SHA-256 per record, not the output
 * itself, so it stays small; it was made with the code before the performance work (commit
 * dc349f1), which is what "optimisations change no output" means.
 *
 * An intended change of output: regenerate with
 *   UPDATE_GOLDEN=1 npx vitest run src/standardize/golden.test.ts
 * and say in the commit which records changed and why.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCanonicalCsv } from '../io/canonical-csv.js';
import { clearStandardizeCaches, standardizeOptions, standardizeRecord, type RawRecord } from './index.js';

const SAMPLE = new URL('../../fixtures/sample/records.csv', import.meta.url).pathname;
const SNAPSHOT = new URL('./golden/sample-records.json', import.meta.url).pathname;
const TODAY = new Date(Date.UTC(2026, 0, 1));
const OPTION_SETS = [
  standardizeOptions({ defaultCountry: 'AU', dateOrder: 'DMY', today: TODAY }),
  standardizeOptions({ defaultCountry: 'US', dateOrder: 'MDY', today: TODAY }),
  standardizeOptions({ defaultCountry: 'GB', dateOrder: 'DMY', today: TODAY }),
];

interface Snapshot {
  records: number;
  /** First 12 hex digits of the SHA-256 of each record's outputs, in file order. */
  hashes: string[];
}

async function outputHashes(): Promise<{ ids: string[]; hashes: string[] }> {
  const records: RawRecord[] = [];
  for await (const row of readCanonicalCsv(SAMPLE)) if ('record' in row) records.push(row.record);
  const outputs: string[][] = records.map(() => []);
  clearStandardizeCaches();
  for (const options of OPTION_SETS) {
    for (let pass = 0; pass < 2; pass++) {
      records.forEach((r, i) => outputs[i]!.push(JSON.stringify(standardizeRecord(r, options))));
    }
  }
  return {
    ids: records.map((r) => `${r.source_system}/${r.source_record_id}`),
    hashes: outputs.map((o) => createHash('sha256').update(o.join('\n')).digest('hex').slice(0, 12)),
  };
}

describe('golden output on the sample fixture', () => {
  it('is unchanged record by record', async () => {
    const { ids, hashes } = await outputHashes();
    if (process.env.UPDATE_GOLDEN) {
      writeFileSync(SNAPSHOT, JSON.stringify({ records: hashes.length, hashes } satisfies Snapshot, null, 2) + '\n');
    }
    const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
    expect(hashes.length).toBe(snapshot.records);
    expect(hashes.length).toBeGreaterThan(1000);
    const changed = ids.filter((_, i) => hashes[i] !== snapshot.hashes[i]);
    expect(changed).toEqual([]);
  });
});
