/** Shared by the adapters: a flat object of column values → a canonical row or its error. */
import { CANONICAL_FIELDS, type CanonicalField, type RawRecord } from '../../standardize/types.js';
import type { SourceRow } from './types.js';

export function toSourceRow(line: number, row: Record<string, unknown>, system: string | undefined): SourceRow {
  if (system) row.source_system = system;
  const record = toRawRecord(row);
  if (typeof record !== 'string') return { line, record };
  const id = row.source_record_id;
  return { line, error: record, ...(typeof id === 'string' && id ? { sourceRecordId: id } : {}) };
}

const canonical = new Set<string>(CANONICAL_FIELDS);

/** Turns one flat object of column values into a RawRecord, or a reason why it cannot be one. */
export function toRawRecord(row: Record<string, unknown>): RawRecord | string {
  const system = String(row.source_system ?? '').trim();
  const id = String(row.source_record_id ?? '').trim();
  if (!system) return 'source_system is missing';
  if (!id) return 'source_record_id is missing';
  const record: RawRecord = { source_system: system, source_record_id: id };
  let extra: Record<string, string> | undefined;
  for (const [key, value] of Object.entries(row)) {
    if (key === 'source_system' || key === 'source_record_id') continue;
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
