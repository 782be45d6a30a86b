/**
 * Streams canonical records out of a CSV or NDJSON file with their line numbers. A bad row (an
 * unparseable line, a missing id, a value of the wrong type) comes out as an error row and the
 * stream goes on, so one bad line never stops an import. Counts bytes read for progress.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { toRawRecord } from '../io/canonical-csv.js';
import { csvRecords } from '../io/csv-records.js';
import { LineTooLongError, lineGuard } from '../io/line-guard.js';
import type { RawRecord } from '../standardize/types.js';

export type SourceRow = { line: number; record: RawRecord } | { line: number; error: string; sourceRecordId?: string };

/** The file cannot be imported at all (retrying will not help): not a regular file, a line too long. */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

export interface RecordFile {
  rows: AsyncIterable<SourceRow>;
  totalBytes: number;
  bytesRead(): number;
}

export interface OpenRecordFileOptions {
  format?: 'csv' | 'ndjson' | undefined;
  /** Fills or overrides source_system on every row. */
  sourceSystem?: string | undefined;
}

export async function openRecordFile(path: string, opts: OpenRecordFileOptions = {}): Promise<RecordFile> {
  const info = await stat(path);
  // A device, FIFO or socket (`/dev/zero`, a named pipe) never ends or blocks for ever.
  if (!info.isFile()) throw new UnreadableFileError(`${path} is not a regular file`);
  const format = opts.format ?? guessFormat(path);
  let bytes = 0;
  const file = createReadStream(path);
  file.on('data', (chunk) => {
    bytes += chunk.length;
  });
  const input = file.pipe(lineGuard());
  file.on('error', (err) => input.destroy(err));
  const parse = format === 'ndjson' ? ndjsonRows(input, opts.sourceSystem) : csvRows(input, opts.sourceSystem);
  return { rows: closingWhenDone(parse, file), totalBytes: info.size, bytesRead: () => bytes };
}

/**
 * Stops reading the file as soon as the consumer stops (a cancelled job breaks out of its loop) or
 * the parse fails: the read stream is destroyed, so a cancelled import does not read on.
 */
async function* closingWhenDone(rows: AsyncGenerator<SourceRow>, file: ReadStream): AsyncGenerator<SourceRow> {
  try {
    yield* rows;
  } catch (err) {
    throw err instanceof LineTooLongError ? new UnreadableFileError(err.message) : err;
  } finally {
    file.destroy();
  }
}

function guessFormat(path: string): 'csv' | 'ndjson' {
  return /\.(ndjson|jsonl|json)$/i.test(path) ? 'ndjson' : 'csv';
}

/** Line numbers are physical lines (blank lines and multi-line quoted fields counted): csv-records.ts. */
async function* csvRows(input: Readable, system: string | undefined): AsyncGenerator<SourceRow> {
  let header: string[] | undefined;
  for await (const { line, fields } of csvRecords(input)) {
    if (!header) {
      header = fields.map((f) => f.trim());
      continue;
    }
    if (fields.length > header.length) {
      yield { line, error: `row has ${fields.length - header.length} more fields than the header` };
      continue;
    }
    const row: Record<string, unknown> = {};
    header.forEach((name, i) => {
      row[name] = fields[i];
    });
    yield toSourceRow(line, row, system);
  }
}

async function* ndjsonRows(input: Readable, system: string | undefined): AsyncGenerator<SourceRow> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    yield parseJsonLine(line, text, system);
  }
}

/** One NDJSON line → a row: values must be strings, numbers or null; `extra` may be an object of those. */
export function parseJsonLine(line: number, text: string, system: string | undefined): SourceRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { line, error: `unparseable JSON: ${(err as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, error: 'line is not a JSON object' };
  }
  const flat: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'extra' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) flat[k] ??= x;
      continue;
    }
    flat[key] = v;
  }
  const wrong = Object.entries(flat).find(([, v]) => v !== null && typeof v !== 'string' && typeof v !== 'number');
  const id = typeof flat.source_record_id === 'string' ? flat.source_record_id : undefined;
  if (wrong) {
    return {
      line,
      error: `field ${wrong[0]} has the wrong type (${describe(wrong[1])}, expected a string)`,
      ...(id ? { sourceRecordId: id } : {}),
    };
  }
  return toSourceRow(line, flat, system);
}

function toSourceRow(line: number, row: Record<string, unknown>, system: string | undefined): SourceRow {
  if (system) row.source_system = system;
  const record = toRawRecord(row);
  if (typeof record !== 'string') return { line, record };
  const id = row.source_record_id;
  return { line, error: record, ...(typeof id === 'string' && id ? { sourceRecordId: id } : {}) };
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;
}
