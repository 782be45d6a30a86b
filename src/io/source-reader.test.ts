import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openSourceFile, type SourceReadOptions, type SourceRow } from './source-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'ih-reader-'));
let n = 0;

function file(content: string | Buffer, ext = 'csv'): string {
  const path = join(dir, `f${++n}.${ext}`);
  writeFileSync(path, content);
  return path;
}

async function read(path: string, opts: SourceReadOptions = {}): Promise<{ rows: SourceRow[]; warnings: string[] }> {
  const f = await openSourceFile(path, opts);
  const rows: SourceRow[] = [];
  for await (const row of f.rows) rows.push(row);
  return { rows, warnings: f.warnings };
}

const names = (rows: SourceRow[]) => rows.map((r) => ('record' in r ? r.record.full_name : r.error));

describe('encodings', () => {
  const text = 'source_system,source_record_id,full_name\ncrm,1,Zoë Brontë\ncrm,2,营业厅 王芳\n';

  it('reads UTF-8 with and without a byte-order mark', async () => {
    for (const content of [text, '\uFEFF' + text]) {
      const { rows } = await read(file(Buffer.from(content, 'utf8')));
      expect(names(rows)).toEqual(['Zoë Brontë', '营业厅 王芳']);
    }
  });

  it('reads UTF-16 LE and BE by their byte-order mark', async () => {
    expect(names((await read(file(iconv.encode(text, 'utf-16le', { addBOM: true })))).rows)).toEqual([
      'Zoë Brontë',
      '营业厅 王芳',
    ]);
    expect(names((await read(file(iconv.encode(text, 'utf-16be', { addBOM: true })))).rows)).toEqual([
      'Zoë Brontë',
      '营业厅 王芳',
    ]);
  });

  it('reads a declared GB18030 and Windows-1252 file', async () => {
    expect(names((await read(file(iconv.encode(text, 'gb18030')), { encoding: 'gb18030' })).rows)).toEqual([
      'Zoë Brontë',
      '营业厅 王芳',
    ]);
    const latin = 'source_system,source_record_id,full_name\ncrm,1,Zoë Brontë – Ça\n';
    expect(names((await read(file(iconv.encode(latin, 'windows-1252')), { encoding: 'cp1252' })).rows)).toEqual([
      'Zoë Brontë – Ça',
    ]);
  });

  it('refuses a file that is not UTF-8 unless its encoding is declared, naming the line', async () => {
    const path = file(iconv.encode('source_system,source_record_id,full_name\ncrm,1,Zoë\n', 'windows-1252'));
    await expect(read(path)).rejects.toThrow(/not UTF-8 \(undecodable bytes on line 2\).*--encoding/);
  });

  it('turns undecodable bytes into a bad row with its line number, and goes on', async () => {
    const bytes = Buffer.concat([
      Buffer.from('source_system,source_record_id,full_name\ncrm,1,Ann\ncrm,2,'),
      Buffer.from([0x81, 0x41]), // 0x81 has no character in Windows-1252
      Buffer.from('\ncrm,3,Bob\n'),
    ]);
    const { rows } = await read(file(bytes), { encoding: 'windows-1252' });
    expect(rows[1]).toEqual({ line: 3, error: expect.stringMatching(/undecodable bytes/) });
    expect(names(rows)).toEqual(['Ann', expect.any(String), 'Bob']);
  });
});

describe('delimiters, quoting and line numbers', () => {
  it.each([
    [';', undefined],
    ['\t', undefined],
    ['|', undefined],
    [',', undefined],
    [';', 'semicolon'],
  ])('reads %j (given: %s)', async (d, given) => {
    const content = [`source_system${d}source_record_id${d}full_name`, `crm${d}1${d}"Smith, Ann; Jr | x"`].join('\n');
    const { rows } = await read(file(content), given ? { delimiter: given } : {});
    expect(names(rows)).toEqual(['Smith, Ann; Jr | x']);
  });

  it('reports physical line numbers after blank lines and multi-line quoted fields', async () => {
    const content = [
      'source_system,source_record_id,full_name,address_line1',
      '',
      'crm,1,Ann,"12 High St',
      'Flat 2"',
      '',
      'crm,,Bob,x',
      'crm,3,"Cy ""the"" Lee",y',
      'crm,4,Di,"unclosed',
    ].join('\r\n');
    const { rows } = await read(file(content));
    expect(rows).toEqual([
      {
        line: 3,
        record: { source_system: 'crm', source_record_id: '1', full_name: 'Ann', address_line1: '12 High St\nFlat 2' },
      },
      { line: 6, error: 'source_record_id is missing' },
      {
        line: 7,
        record: { source_system: 'crm', source_record_id: '3', full_name: 'Cy "the" Lee', address_line1: 'y' },
      },
      { line: 8, error: 'unclosed quoted field at the end of the file' },
    ]);
  });
});

describe('header and column mapping', () => {
  it('refuses a header with none of the canonical columns, listing the expected ones', async () => {
    await expect(read(file('CUST_NM,ADDR1,ZIP\nAnn,1 High St,2000\n'))).rejects.toThrow(
      /none of the canonical columns \(source_system, source_record_id, full_name.*found: CUST_NM, ADDR1, ZIP/,
    );
  });

  it('warns about a misspelt canonical column and keeps it in extra', async () => {
    const { rows, warnings } = await read(file('source_system,source_record_id,emial,tier\ncrm,1,a@b.c,gold\n'));
    expect(warnings).toEqual(['column "emial" is not a canonical field: did you mean email? (kept in extra)']);
    expect(rows[0]).toEqual({
      line: 2,
      record: { source_system: 'crm', source_record_id: '1', extra: { emial: 'a@b.c', tier: 'gold' } },
    });
  });

  it('maps a system export onto canonical fields with a mapping file', async () => {
    const mapping = file(
      JSON.stringify({
        sourceSystem: 'Legacy CRM',
        delimiter: 'semicolon',
        columns: { CUST_NO: 'source_record_id', CUST_NM: 'full_name', ADDR1: 'address_line1', ZIP: 'postal_code' },
      }),
      'json',
    );
    const { rows } = await read(file('CUST_NO;CUST_NM;ADDR1;ZIP;SEGMENT\n7;Ann Lee;1 High St;02000;B2C\n'), {
      mapping,
    });
    expect(rows).toEqual([
      {
        line: 2,
        record: {
          source_system: 'Legacy CRM',
          source_record_id: '7',
          full_name: 'Ann Lee',
          address_line1: '1 High St',
          postal_code: '02000',
          extra: { SEGMENT: 'B2C' },
        },
      },
    ]);
  });

  it('refuses a mapping to a field that does not exist', async () => {
    const mapping = file(JSON.stringify({ columns: { ZIP: 'zip_code' } }), 'json');
    await expect(read(file('ZIP\n1\n'), { mapping })).rejects.toThrow(
      /columns.ZIP: "zip_code" is not a canonical field/,
    );
  });

  it('needs source_record_id, and source_system unless it is given', async () => {
    await expect(read(file('source_system,full_name\ncrm,Ann\n'))).rejects.toThrow(/no source_record_id column/);
    await expect(read(file('source_record_id,full_name\n1,Ann\n'))).rejects.toThrow(/no source_system column/);
    const { rows } = await read(file('source_record_id,full_name\n1,Ann\n'), { sourceSystem: 'crm' });
    expect(rows).toEqual([{ line: 2, record: { source_system: 'crm', source_record_id: '1', full_name: 'Ann' } }]);
  });
});

describe('NDJSON', () => {
  it('reads objects with physical line numbers, mapped keys and typed errors', async () => {
    const mapping = { columns: { CUST_NM: 'full_name' as const } };
    const content = [
      '{"source_system":"crm","source_record_id":"1","CUST_NM":"Ann","extra":{"tier":"gold"}}',
      '',
      '{"source_system":"crm","source_record_id":"2","phone":[1]}',
      'not json',
    ].join('\n');
    const { rows } = await read(file(Buffer.from(content, 'utf8'), 'ndjson'), { mapping });
    expect(rows[0]).toEqual({
      line: 1,
      record: { source_system: 'crm', source_record_id: '1', full_name: 'Ann', extra: { tier: 'gold' } },
    });
    expect(rows[1]).toEqual({
      line: 3,
      error: 'field phone has the wrong type (array, expected a string)',
      sourceRecordId: '2',
    });
    expect(rows[2]).toMatchObject({ line: 4, error: expect.stringMatching(/unparseable JSON/) });
  });
});
