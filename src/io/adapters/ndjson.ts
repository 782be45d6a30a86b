/**
 * One JSON object per line: canonical keys (or keys named in a mapping file), values strings,
 * numbers or null; `extra` may be an object of those. Blank lines are skipped; line numbers are physical.
 */
import { didYouMean, targetOf } from '../columns.js';
import type { ColumnMapping } from './column-mapping.js';
import { toSourceRow } from './rows.js';
import type { AdapterOptions, SourceAdapter, SourceRow } from './types.js';

export const ndjsonAdapter: SourceAdapter = async (lines, opts) => {
  // The first object stands in for a header: its keys are checked for misspelt canonical fields.
  let first = await lines.next();
  while (!first.done && first.value.text.trim() === '' && !first.value.undecodable) first = await lines.next();
  const warnings = first.done ? [] : keyWarnings(first.value.text, opts.mapping);
  async function* rows(): AsyncGenerator<SourceRow> {
    for (let next = first; !next.done; next = await lines.next()) {
      const { line, text, undecodable } = next.value;
      if (undecodable) {
        yield { line, error: 'undecodable bytes for the file encoding (declare it with --encoding)' };
        continue;
      }
      if (text.trim() === '') continue;
      yield parseJsonLine(line, text, opts);
    }
  }
  return { rows: rows(), warnings };
};

function keyWarnings(text: string, mapping: ColumnMapping | undefined): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const keys = Object.keys(value).filter((k) => k !== 'extra');
  const present = new Set(keys.map((k) => targetOf(k, mapping)).filter((t) => t !== undefined));
  return keys.flatMap((k) => {
    const guess = targetOf(k, mapping) ? undefined : didYouMean(k, present);
    return guess ? [`key "${k}" is not a canonical field: did you mean ${guess}? (kept in extra)`] : [];
  });
}

/** One NDJSON line → a row: values must be strings, numbers or null; `extra` may be an object of those. */
export function parseJsonLine(line: number, text: string, opts: AdapterOptions = {}): SourceRow {
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
    flat[targetOf(key, opts.mapping) ?? key] = v;
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
  return toSourceRow(line, flat, opts.sourceSystem);
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;
}
