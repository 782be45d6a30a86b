/**
 * The input side of `dedupe` and `explain`: the one source reader (src/io) with the same options as
 * `import` (--encoding, --delimiter, --mapping, --system). System values become slugs by the same
 * rule as an import into the store (mdm/admin/source-system-names.ts), so cluster files and the store
 * name systems alike. A file the reader refuses is a CLI error (exit 2) with the reader's reason.
 */
import { ReaderError } from '../io/reader-error.js';
import { openSourceFile, type SourceReadOptions } from '../io/source-reader.js';
import { slugFor } from '../mdm/index.js';
import type { RawRecord } from '../standardize/types.js';
import { CliError } from './cli-error.js';

export const INPUT_OPTIONS = {
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  mapping: { type: 'string' },
  system: { type: 'string' },
} as const;

export const INPUT_USAGE =
  '[--encoding ENC] [--delimiter comma|semicolon|tab|pipe] [--mapping MAP.json] [--system NAME]';

/** The reader options explained, for each command's --help. */
export const INPUT_HELP = `reading the input file:
  --encoding ENC        declared text encoding (gb18030, windows-1252, ...); a byte-order mark wins; default: UTF-8
  --delimiter NAME      comma, semicolon, tab or pipe; default: detected from the header line
  --mapping MAP.json    {"their column": "canonical field", ...} for files with other headers; default: none
  --system NAME         source system of every row (slug or display name); default: the file's source_system column`;

export interface InputArgs {
  encoding?: string | undefined;
  delimiter?: string | undefined;
  mapping?: string | undefined;
  system?: string | undefined;
}

export interface InputRecords {
  records: AsyncGenerator<RawRecord>;
  /** Rows that could not be read (counted while `records` is consumed). */
  bad: { rows: number };
}

/** Opens an input file (header read and checked now); header warnings go to stderr unless quiet. */
export async function openInputRecords(path: string, args: InputArgs, quiet = false): Promise<InputRecords> {
  const opts: SourceReadOptions = {
    encoding: args.encoding,
    delimiter: args.delimiter,
    mapping: args.mapping,
    sourceSystem: args.system,
  };
  let file;
  try {
    file = await openSourceFile(path, opts);
  } catch (err) {
    if (err instanceof ReaderError) throw new CliError(`${path}: ${err.message}`);
    throw err;
  }
  if (!quiet) for (const w of file.warnings) process.stderr.write(`warning: ${path}: ${w}\n`);
  const bad = { rows: 0 };
  const rows = file.rows;
  async function* records(): AsyncGenerator<RawRecord> {
    for await (const row of rows) {
      if ('error' in row) bad.rows++;
      else yield { ...row.record, source_system: slugFor(row.record.source_system) };
    }
  }
  return { records: records(), bad };
}

/** `SYSTEM\0ID` with the system as its slug: the join key of cluster, truth and input files. */
export function recordKey(system: string, id: string): string {
  return `${slugFor(system)}\u0000${id}`;
}
