/**
 * Delimited text (RFC 4180 quoting) parsed from physical lines, so every record keeps the number of
 * the line it starts on, also after blank lines and quoted fields that span lines. The delimiter is
 * comma, semicolon, tab or pipe: given, or detected from the header line.
 */
import type { TextLine } from './decode.js';
import { ReaderError } from './reader-error.js';

export const DELIMITERS = { comma: ',', semicolon: ';', tab: '\t', pipe: '|' } as const;
const CANDIDATES = Object.values(DELIMITERS);

/** A quoted field may span lines, but not without end: past this the record is reported as unclosed. */
export const MAX_RECORD_LINES = 1_000;

export type DelimitedRecord = { line: number; fields: string[] } | { line: number; error: string };

/** `--delimiter` value → the character: a name (comma, semicolon, tab, pipe) or the character itself. */
export function parseDelimiter(value: string): string {
  const named = (DELIMITERS as Record<string, string>)[value.toLowerCase()];
  const char = named ?? (value === '\\t' ? '\t' : value);
  if (!(CANDIDATES as readonly string[]).includes(char)) {
    throw new ReaderError(`delimiter must be comma, semicolon, tab or pipe (got "${value}")`);
  }
  return char;
}

/** The candidate that occurs most often outside quotes in the header line; comma on a tie or none. */
export function detectDelimiter(header: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

interface Pending {
  line: number;
  fields: string[];
  field: string;
  lines: number;
  undecodable: boolean;
}

/**
 * Parses lines into records. Blank lines between records are skipped; a record with undecodable
 * bytes or an unclosed quote is an error row at the line it starts on.
 */
export async function* parseDelimited(
  lines: AsyncIterable<TextLine>,
  delimiter: string,
): AsyncGenerator<DelimitedRecord> {
  let pending: Pending | undefined;
  for await (const { line, text, undecodable } of lines) {
    if (!pending) {
      if (text.trim() === '' && !undecodable) continue;
      if (!text.includes('"')) {
        yield undecodable ? badBytes(line) : { line, fields: text.split(delimiter) };
        continue;
      }
      pending = { line, fields: [], field: '', lines: 0, undecodable: false };
    } else {
      pending.field += '\n';
    }
    pending.lines += 1;
    pending.undecodable ||= undecodable === true;
    if (scanLine(text, delimiter, pending)) {
      yield pending.undecodable ? badBytes(pending.line) : { line: pending.line, fields: pending.fields };
      pending = undefined;
    } else if (pending.lines >= MAX_RECORD_LINES) {
      yield {
        line: pending.line,
        error: `unclosed quoted field: the record runs over ${MAX_RECORD_LINES} lines (to line ${line})`,
      };
      pending = undefined;
    }
  }
  if (pending) yield { line: pending.line, error: 'unclosed quoted field at the end of the file' };
}

function badBytes(line: number): DelimitedRecord {
  return { line, error: 'undecodable bytes for the file encoding (declare it with --encoding)' };
}

/**
 * Continues a record with one line. Returns true when the record ends on this line. `pending.field`
 * starting with a quote marks a quoted field still open (the quote itself is dropped on close).
 */
function scanLine(text: string, delimiter: string, p: Pending): boolean {
  let i = 0;
  let inQuotes = p.field.startsWith('\u0000');
  let field = inQuotes ? p.field.slice(1) : p.field;
  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        field += ch;
      }
    } else if (ch === delimiter) {
      p.fields.push(field);
      field = '';
    } else if (ch === '"' && field.trim() === '') {
      inQuotes = true;
      field = '';
    } else {
      // A quote inside an unquoted field, or text after a closing quote: kept as written.
      field += ch;
    }
    i += 1;
  }
  if (inQuotes) {
    p.field = '\u0000' + field;
    return false;
  }
  p.fields.push(field);
  p.field = '';
  return true;
}
