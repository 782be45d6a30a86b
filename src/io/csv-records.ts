/**
 * CSV records with the physical line each starts on. A record is one or more physical lines: a
 * quoted field may hold line breaks, so lines are joined until the quotes balance (RFC 4180: `""`
 * inside a quoted field counts twice, so the parity rule holds). Blank lines are skipped but still
 * counted. Errors and bad rows are reported with the line a person sees in an editor — papaparse's
 * stream counted records, so after a blank line or a multi-line field every number drifted.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import Papa from 'papaparse';

export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  /** Field values in column order. */
  fields: string[];
}

/** Yields every record, the header included (the caller takes the first as the header). */
export async function* csvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let physical = 0;
  let pending: string[] = [];
  let startLine = 0;
  let quotes = 0;
  let delimiter: string | undefined;
  for await (const text of lines) {
    physical += 1;
    if (pending.length === 0) {
      if (text.trim() === '') continue;
      startLine = physical;
    }
    pending.push(text);
    quotes += countQuotes(text);
    if (quotes % 2 !== 0) continue; // inside a quoted field: the record goes on
    const recordText = pending.join('\n');
    pending = [];
    quotes = 0;
    const parsed = Papa.parse<string[]>(startLine === 1 ? stripBom(recordText) : recordText, {
      ...(delimiter ? { delimiter } : {}),
    });
    delimiter ??= parsed.meta.delimiter;
    yield { line: startLine, fields: parsed.data[0] ?? [] };
  }
  if (pending.length > 0) {
    // An unclosed quote at the end of the file: report the record as it is.
    const parsed = Papa.parse<string[]>(pending.join('\n'), { ...(delimiter ? { delimiter } : {}) });
    yield { line: startLine, fields: parsed.data[0] ?? [] };
  }
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n += 1;
  return n;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
