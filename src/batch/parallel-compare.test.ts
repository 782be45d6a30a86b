import { describe, expect, it } from 'vitest';
import { readCanonicalCsv } from '../io/canonical-csv.js';
import { buildCandidatePairs, compareBatch, compileModel, defaultModel } from '../match/index.js';
import { standardizeOptions, standardizeRecord } from '../standardize/index.js';
import type { StdRecord } from '../standardize/types.js';
import { compareColumns, comparisonFields } from './parallel-compare.js';
import { buildRecordColumns } from './record-columns.js';

async function sampleRecords(): Promise<StdRecord[]> {
  const options = standardizeOptions({ defaultCountry: 'US', dateOrder: 'DMY' });
  const out: StdRecord[] = [];
  const path = new URL('../../fixtures/sample/records.csv', import.meta.url).pathname;
  for await (const row of readCanonicalCsv(path))
    if ('record' in row) out.push(standardizeRecord(row.record, options).std);
  return out;
}

describe('compare stage over record columns', () => {
  it('gives the levels of the record-by-record engine, in one thread and across two workers', async () => {
    const records = await sampleRecords();
    const pairs = buildCandidatePairs(records);
    const model = defaultModel();
    // The reference: every comparison on whole records. Equal levels on the columns also prove that
    // each comparison reads only the fields it declares (the memo's assumption).
    const expected = compareBatch(compileModel(model).defs, records, pairs);
    const columns = buildRecordColumns(records, comparisonFields(model));
    expect(pairs.length).toBeGreaterThan(1000);
    const inThread = await compareColumns(model, columns, pairs, 1);
    expect(Buffer.from(inThread).equals(Buffer.from(expected))).toBe(true);
    const seen: number[] = [];
    const inWorkers = await compareColumns(model, columns, pairs, 2, (done) => seen.push(done), 257);
    expect(Buffer.from(inWorkers).equals(Buffer.from(expected))).toBe(true);
    expect(seen.at(-1)).toBe(pairs.length);
  });
});
