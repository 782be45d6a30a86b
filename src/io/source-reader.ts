/**
 * The one reader of source files: the CLI (dedupe, import, explain), the import job and the batch
 * engine all open files here. Bytes are decoded (decode.ts), split into physical lines and handed to
 * the format's adapter (adapters/), optionally through a column mapping file. Rows stream out one by
 * one with the line they start on; a bad row is a row, never the end of the file.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { csvAdapter } from './adapters/csv.js';
import { loadColumnMapping, type ColumnMapping } from './adapters/column-mapping.js';
import { ndjsonAdapter } from './adapters/ndjson.js';
import type { SourceAdapter, SourceRow } from './adapters/types.js';
import { decodeLines, detectEncoding, readSample } from './decode.js';
import { lineGuard } from './line-guard.js';
import { ReaderError } from './reader-error.js';

export type { SourceRow } from './adapters/types.js';
export type SourceFormat = 'csv' | 'ndjson';

const ADAPTERS: Record<SourceFormat, SourceAdapter> = { csv: csvAdapter, ndjson: ndjsonAdapter };

export interface SourceReadOptions {
  format?: SourceFormat | undefined;
  /** Declared encoding; a byte-order mark still wins. */
  encoding?: string | undefined;
  /** comma, semicolon, tab, pipe (or the character); detected from the header when absent. */
  delimiter?: string | undefined;
  /** A column mapping (or the path of its JSON file); its format/encoding/delimiter/sourceSystem are defaults. */
  mapping?: ColumnMapping | string | undefined;
  /** Fills or overrides source_system on every row. */
  sourceSystem?: string | undefined;
}

export interface SourceFile {
  rows: AsyncIterable<SourceRow>;
  warnings: string[];
  format: SourceFormat;
  encoding: string;
  delimiter?: string | undefined;
  /** The system every row gets (the sourceSystem option or the mapping's), if any. */
  fixedSystem?: string | undefined;
  totalBytes: number;
  bytesRead(): number;
}

/** Opens a source file: detects its encoding and reads its header; throws ReaderError when it cannot. */
export async function openSourceFile(path: string, opts: SourceReadOptions = {}): Promise<SourceFile> {
  const mapping = typeof opts.mapping === 'string' ? await loadColumnMapping(opts.mapping) : opts.mapping;
  const format = opts.format ?? mapping?.format ?? guessFormat(path);
  const info = await stat(path);
  // A device, FIFO or socket (`/dev/zero`, a named pipe) never ends or blocks for ever.
  if (!info.isFile()) throw new ReaderError(`${path} is not a regular file`);
  const size = info.size;
  const { sample, fileIsLonger } = await readSample(path);
  const detected = detectEncoding(sample, fileIsLonger, opts.encoding ?? mapping?.encoding);
  let bytes = detected.bomLength;
  const input = createReadStream(path, { start: detected.bomLength, highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => {
    bytes += chunk.length;
  });
  // Bounded lines: a file with no line break (binary, /dev/zero behind a symlink) fails fast.
  const guarded = input.pipe(lineGuard());
  input.on('error', (err) => guarded.destroy(err));
  const lines = decodeLines(guarded as AsyncIterable<Buffer>, detected.encoding);
  const fixedSystem = opts.sourceSystem ?? mapping?.sourceSystem;
  try {
    const opened = await ADAPTERS[format](lines, {
      mapping,
      sourceSystem: fixedSystem,
      delimiter: opts.delimiter ?? mapping?.delimiter,
    });
    return {
      rows: closingWhenDone(opened.rows, input),
      warnings: opened.warnings,
      format,
      encoding: detected.encoding,
      delimiter: opened.delimiter,
      fixedSystem,
      totalBytes: size,
      bytesRead: () => bytes,
    };
  } catch (err) {
    input.destroy();
    throw err;
  }
}

/**
 * Stops reading the file as soon as the consumer stops (a cancelled job leaves its loop) or the
 * parse fails: the read stream is destroyed, so a cancelled import does not read on.
 */
async function* closingWhenDone(rows: AsyncIterable<SourceRow>, input: ReadStream): AsyncGenerator<SourceRow> {
  try {
    yield* rows;
  } finally {
    input.destroy();
  }
}

function guessFormat(path: string): SourceFormat {
  return /\.(ndjson|jsonl|json)$/i.test(path) ? 'ndjson' : 'csv';
}
