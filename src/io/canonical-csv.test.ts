import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvWriter, csvField, readCanonicalCsv, type CsvRow } from './canonical-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'ih-csv-'));

async function readAll(path: string): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of readCanonicalCsv(path)) rows.push(row);
  return rows;
}

describe('readCanonicalCsv', () => {
  it('reads records, keeps unknown columns as extra and reports bad rows with line numbers', async () => {
    const path = join(dir, 'in.csv');
    writeFileSync(
      path,
      [
        'source_system,source_record_id,given_name,family_name,loyalty_tier',
        'crm,1,Ann,"Smith, Jr",gold',
        ',2,Bob,Jones,',
        'crm,3,Cy,Lee,silver,unexpected',
        'crm,4,,,',
      ].join('\n'),
    );
    const rows = await readAll(path);
    expect(rows).toEqual([
      {
        line: 2,
        record: {
          source_system: 'crm',
          source_record_id: '1',
          given_name: 'Ann',
          family_name: 'Smith, Jr',
          extra: { loyalty_tier: 'gold' },
        },
      },
      { line: 3, error: 'source_system is missing', sourceRecordId: '2' },
      { line: 4, error: 'row has 1 more fields than the header' },
      { line: 5, record: { source_system: 'crm', source_record_id: '4' } },
    ]);
  });

  it('fails on a missing file', async () => {
    await expect(readAll(join(dir, 'nope.csv'))).rejects.toThrow(/ENOENT/);
  });
});

describe('CsvWriter', () => {
  it('quotes fields that need it and round-trips', async () => {
    const path = join(dir, 'out.csv');
    const w = new CsvWriter(path, ['source_system', 'source_record_id', 'full_name']);
    await w.write({ source_system: 'a', source_record_id: '1', full_name: 'O"Neil, Pat' });
    await w.write({ source_system: 'a', source_record_id: '2', full_name: null });
    await w.close();
    expect(readFileSync(path, 'utf8')).toBe('source_system,source_record_id,full_name\na,1,"O""Neil, Pat"\na,2,\n');
    const rows = await readAll(path);
    expect(rows[0]).toEqual({
      line: 2,
      record: { source_system: 'a', source_record_id: '1', full_name: 'O"Neil, Pat' },
    });
    expect(csvField('plain')).toBe('plain');
  });
});
