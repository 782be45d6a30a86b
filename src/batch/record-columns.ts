/**
 * Compact, columnar form of standardised records for the batch engine: one value table per field
 * (each distinct value stored once) and, per record, a 32-bit index into it. The index columns sit
 * in SharedArrayBuffers, so worker threads read them without a copy; only the value tables (distinct
 * values, far fewer than records) are cloned into each worker.
 */
import type { StdRecord } from '../standardize/types.js';

export type FieldValue = string | number | null;

/** A StdRecord field's values as a table of distinct values plus one index per record (0 = null). */
export interface FieldColumn {
  field: keyof StdRecord;
  /** values[0] is always null. */
  values: FieldValue[];
  ids: Int32Array;
}

/** What a worker needs to rebuild any record's fields: plain data, cloneable by postMessage. */
export interface RecordColumns {
  records: number;
  columns: FieldColumn[];
}

function sharedInt32(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, n) * 4), 0, n);
}

/** Interns the given fields of every record into columns. */
export function buildRecordColumns(records: readonly StdRecord[], fields: readonly (keyof StdRecord)[]): RecordColumns {
  const unique = [...new Set(fields)];
  const columns = unique.map((field): FieldColumn => {
    const index = new Map<FieldValue, number>([[null, 0]]);
    const values: FieldValue[] = [null];
    const ids = sharedInt32(records.length);
    for (let i = 0; i < records.length; i++) {
      const raw = records[i]![field];
      const v: FieldValue = raw === undefined ? null : (raw as FieldValue);
      let id = index.get(v);
      if (id === undefined) {
        id = values.length;
        values.push(v);
        index.set(v, id);
      }
      ids[i] = id;
    }
    return { field, values, ids };
  });
  return { records: records.length, columns };
}

/** The record's values of the columned fields, as a StdRecord (fields not in the columns are absent). */
export function recordView(cols: RecordColumns, i: number, only?: readonly (keyof StdRecord)[]): StdRecord {
  const out: Record<string, FieldValue> = {};
  for (const c of cols.columns) if (!only || only.includes(c.field)) out[c.field] = c.values[c.ids[i]!]!;
  return out as unknown as StdRecord;
}

/**
 * Per record, one id for the tuple of its values on `fields` (equal ids ⇔ equal tuples). A comparison
 * that reads only those fields gives the same level for any two records with the same pair of ids:
 * the basis of the level memo.
 */
export interface TupleKeys {
  ids: Int32Array;
  /** Ids are 0 .. count - 1. */
  count: number;
}

export function tupleKeys(cols: RecordColumns, fields: readonly (keyof StdRecord)[]): TupleKeys {
  const parts = [...new Set(fields)].map((f) => {
    const col = cols.columns.find((c) => c.field === f);
    if (!col) throw new Error(`field ${String(f)} is not in the record columns`);
    return col;
  });
  if (parts.length === 1) return { ids: parts[0]!.ids, count: parts[0]!.values.length };
  const index = new Map<string, number>();
  const ids = sharedInt32(cols.records);
  for (let i = 0; i < cols.records; i++) {
    let key = String(parts[0]!.ids[i]);
    for (let k = 1; k < parts.length; k++) key += ',' + String(parts[k]!.ids[i]);
    let id = index.get(key);
    if (id === undefined) index.set(key, (id = index.size));
    ids[i] = id;
  }
  return { ids, count: index.size };
}

/** Bytes held per record by the columns (id arrays plus a rough size of the value tables). */
export function columnBytes(cols: RecordColumns): number {
  let bytes = 0;
  for (const c of cols.columns) {
    bytes += c.ids.byteLength;
    for (const v of c.values) bytes += typeof v === 'string' ? 16 + v.length * 2 : 8;
  }
  return bytes;
}
