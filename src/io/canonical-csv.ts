/**
 * Reading and writing the canonical CSV (DESIGN.md "Canonical record"). Reading goes through the one
 * source reader (source-reader.ts): rows stream one by one with their line number, and a bad row is
 * yielded as an error instead of stopping the stream (bulk loads report and go on).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { openSourceFile, type SourceReadOptions, type SourceRow } from './source-reader.js';

export { toRawRecord } from './adapters/rows.js';
export type CsvRow = SourceRow;

/**
 * Yields the rows of a source file (canonical CSV by default; any encoding, delimiter or mapping the
 * reader accepts). Line numbers are physical, the header is line 1.
 */
export async function* readCanonicalCsv(path: string, opts: SourceReadOptions = {}): AsyncGenerator<CsvRow> {
  yield* (await openSourceFile(path, opts)).rows;
}

/** Quotes a CSV field when needed (RFC 4180). */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV writer with backpressure: `await write(row)` waits when the file buffer is full. */
export class CsvWriter {
  private readonly out: WriteStream;

  constructor(
    path: string,
    private readonly columns: readonly string[],
  ) {
    this.out = createWriteStream(path);
    this.out.write(columns.join(',') + '\n');
  }

  async write(row: Record<string, unknown>): Promise<void> {
    const line = this.columns.map((c) => csvField(row[c])).join(',') + '\n';
    if (!this.out.write(line)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}
