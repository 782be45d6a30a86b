/**
 * Streams canonical records out of a CSV or NDJSON file with their line numbers. A bad row (an
 * unparseable line, a missing id, a value of the wrong type) comes out as an error row and the
 * stream goes on, so one bad line never stops an import. Counts bytes read for progress.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import { toRawRecord } from '../io/canonical-csv.js';
import type { RawRecord } from '../standardize/types.js';

export type SourceRow = { line: number; record: RawRecord } | { line: number; error: string; sourceRecordId?: string };

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
  const { size } = await stat(path);
  const format = opts.format ?? guessFormat(path);
  let bytes = 0;
  const input = createReadStream(path);
  input.on('data', (chunk) => {
    bytes += chunk.length;
  });
  const rows = format === 'ndjson' ? ndjsonRows(input, opts.sourceSystem) : csvRows(input, opts.sourceSystem);
  return { rows, totalBytes: size, bytesRead: () => bytes };
}

function guessFormat(path: string): 'csv' | 'ndjson' {
  return /\.(ndjson|jsonl|json)$/i.test(path) ? 'ndjson' : 'csv';
}

async function* csvRows(input: NodeJS.ReadableStream, system: string | undefined): AsyncGenerator<SourceRow> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: true, skipEmptyLines: 'greedy' });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let line = 1;
  for await (const row of parser as AsyncIterable<Record<string, unknown>>) {
    line += 1;
    if (Array.isArray(row.__parsed_extra)) {
      yield { line, error: `row has ${row.__parsed_extra.length} more fields than the header` };
      continue;
    }
    yield toSourceRow(line, row, system);
  }
}

async function* ndjsonRows(input: NodeJS.ReadableStream, system: string | undefined): AsyncGenerator<SourceRow> {
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
