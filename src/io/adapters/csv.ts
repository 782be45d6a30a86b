/** Delimited text with a header line: canonical columns, or any columns through a mapping file. */
import { detectDelimiter, parseDelimited, parseDelimiter } from '../delimited.js';
import type { TextLine } from '../decode.js';
import { planColumns } from '../columns.js';
import { ReaderError } from '../reader-error.js';
import { toSourceRow } from './rows.js';
import type { SourceAdapter, SourceRow } from './types.js';

export const csvAdapter: SourceAdapter = async (lines, opts) => {
  const first = await firstContentLine(lines);
  if (!first) throw new ReaderError('the file is empty (no header line)');
  if (first.undecodable)
    throw new ReaderError(`the header (line ${first.line}) has undecodable bytes: declare the encoding`);
  const delimiter = opts.delimiter ? parseDelimiter(opts.delimiter) : detectDelimiter(first.text);
  const records = parseDelimited(prepend(first, lines), delimiter);
  const head = await records.next();
  if (head.done) throw new ReaderError('the file is empty (no header line)');
  if ('error' in head.value) throw new ReaderError(`unreadable header: ${head.value.error}`);
  const plan = planColumns(head.value.fields, { mapping: opts.mapping, systemGiven: Boolean(opts.sourceSystem) });
  async function* rows(): AsyncGenerator<SourceRow> {
    for await (const rec of records) {
      if ('error' in rec) {
        yield rec;
        continue;
      }
      if (rec.fields.length > plan.keys.length) {
        yield { line: rec.line, error: `row has ${rec.fields.length - plan.keys.length} more fields than the header` };
        continue;
      }
      const row: Record<string, unknown> = {};
      rec.fields.forEach((value, i) => {
        row[plan.keys[i]!] = value;
      });
      yield toSourceRow(rec.line, row, opts.sourceSystem);
    }
  }
  return { rows: rows(), warnings: plan.warnings, delimiter };
};

async function firstContentLine(lines: AsyncIterator<TextLine>): Promise<TextLine | undefined> {
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    if (next.value.text.trim() !== '' || next.value.undecodable) return next.value;
  }
  return undefined;
}

async function* prepend(first: TextLine, rest: AsyncIterator<TextLine>): AsyncGenerator<TextLine> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
