/**
 * Streaming reader and writer of the canonical CSV (DESIGN.md "Canonical record").
 * The reader never loads the whole file: rows are yielded one by one with their line number,
 * and a bad row is yielded as an error instead of stopping the stream (bulk loads report and go on).
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import Papa from 'papaparse';
import { CANONICAL_FIELDS, type CanonicalField, type RawRecord } from '../standardize/types.js';

const canonical = new Set<string>(CANONICAL_FIELDS);

export type CsvRow = { line: number; record: RawRecord } | { line: number; error: string };

/** Turns one parsed CSV object into a RawRecord, or a reason why it cannot be one. */
export function toRawRecord(row: Record<string, unknown>): RawRecord | string {
  const system = String(row.source_system ?? '').trim();
  const id = String(row.source_record_id ?? '').trim();
  if (!system) return 'source_system is missing';
  if (!id) return 'source_record_id is missing';
  const record: RawRecord = { source_system: system, source_record_id: id };
  let extra: Record<string, string> | undefined;
  for (const [key, value] of Object.entries(row)) {
    if (key === 'source_system' || key === 'source_record_id' || key === '__parsed_extra') continue;
    const text = value == null ? '' : String(value);
    if (canonical.has(key)) {
      if (text !== '') record[key as CanonicalField] = text;
    } else if (text !== '') {
      (extra ??= {})[key] = text;
    }
  }
  if (extra) record.extra = extra;
  return record;
}

/** Yields the rows of a canonical CSV file (header required). Line numbers count the header as line 1. */
export async function* readCanonicalCsv(path: string): AsyncGenerator<CsvRow> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: true, skipEmptyLines: 'greedy' });
  const input = createReadStream(path);
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let line = 1;
  for await (const row of parser as AsyncIterable<Record<string, unknown>>) {
    line += 1;
    if (Array.isArray(row.__parsed_extra)) {
      yield { line, error: `row has ${row.__parsed_extra.length} more fields than the header` };
      continue;
    }
    const record = toRawRecord(row);
    yield typeof record === 'string' ? { line, error: record } : { line, record };
  }
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
