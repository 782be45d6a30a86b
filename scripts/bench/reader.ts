/**
 * `npm run bench -- reader [--rows N] [--encoding utf-8|utf-16le|windows-1252|gb18030] [--delimiter comma|semicolon|tab|pipe]`:
 * writes a file of N canonical rows (default 200,000; one in ten with a quoted field spanning two
 * lines) in the encoding and delimiter, then times the one source reader over it (src/io). Prints
 * rows/s, MB/s, CPU seconds and peak RSS: the reader streams, so memory must not grow with N
 * (try --rows 40000000 for the mission's 40 M source records).
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { DELIMITERS } from '../../src/io/delimited.js';
import { openSourceFile } from '../../src/io/source-reader.js';
import { machine } from './_machine.js';

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
}

const HEADER = [
  'source_system',
  'source_record_id',
  'given_name',
  'family_name',
  'address_line1',
  'postal_code',
  'email',
];

async function writeFile(path: string, rows: number, encoding: string, d: string): Promise<void> {
  const out = createWriteStream(path);
  const encode = (text: string) => (encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, encoding));
  if (encoding === 'utf-16le') out.write(Buffer.from([0xff, 0xfe]));
  let block = HEADER.join(d) + '\n';
  for (let i = 1; i <= rows; i++) {
    const address = i % 10 === 0 ? `"${i} Rue Sainte-Catherine\nApt ${i % 97}"` : `${i} Grande Rue`;
    block +=
      [
        'CRM – Montréal',
        String(i),
        'Zoë',
        `Brontë${i % 1000}`,
        address,
        String(1000 + (i % 9000)),
        `z${i}@example.org`,
      ].join(d) + '\n';
    if (block.length > 1 << 20) {
      if (!out.write(encode(block))) await once(out, 'drain');
      block = '';
    }
  }
  out.end(encode(block));
  await once(out, 'finish');
}

export async function run(args: string[]): Promise<void> {
  const rows = Number(arg(args, '--rows', '200000'));
  const encoding = arg(args, '--encoding', 'utf-8');
  const delimiter = (DELIMITERS as Record<string, string>)[arg(args, '--delimiter', 'comma')] ?? ',';
  const dir = mkdtempSync(join(tmpdir(), 'ih-bench-reader-'));
  const path = join(dir, 'records.csv');
  try {
    await writeFile(path, rows, encoding, delimiter);
    const bytes = statSync(path).size;
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const file = await openSourceFile(path, encoding === 'utf-16le' ? {} : { encoding });
    let good = 0;
    let bad = 0;
    let lastLine = 0;
    for await (const row of file.rows) {
      if ('record' in row) good++;
      else bad++;
      lastLine = row.line;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    process.stdout.write(
      JSON.stringify({
        bench: 'reader',
        rows,
        encoding: file.encoding,
        delimiter: file.delimiter,
        good,
        bad,
        lastLine,
        mb: Math.round(bytes / 1e5) / 10,
        seconds: Math.round(seconds * 100) / 100,
        rowsPerSecond: Math.round(rows / seconds),
        mbPerSecond: Math.round(bytes / 1e6 / seconds),
        cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        machine: machine(),
      }) + '\n',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
