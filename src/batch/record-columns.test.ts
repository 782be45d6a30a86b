import { describe, expect, it } from 'vitest';
import { emptyStdRecord } from '../standardize/index.js';
import type { StdRecord } from '../standardize/types.js';
import { buildRecordColumns, recordView, tupleKeys } from './record-columns.js';

const rec = (over: Partial<StdRecord>): StdRecord => ({ ...emptyStdRecord('s', '1'), ...over });

describe('record columns', () => {
  const records = [
    rec({ givenName: 'ann', familyName: 'lee', birthYear: 1980 }),
    rec({ givenName: 'ann', familyName: 'li', birthYear: 1980 }),
    rec({ givenName: 'ann', familyName: 'lee', birthYear: null }),
    rec({ givenName: null, familyName: 'lee', birthYear: 1980 }),
  ];
  const cols = buildRecordColumns(records, ['givenName', 'familyName', 'birthYear', 'givenName']);

  it('stores each distinct value once and gives back every record', () => {
    expect(cols.columns.map((c) => c.field)).toEqual(['givenName', 'familyName', 'birthYear']);
    expect(cols.columns[0]!.values).toEqual([null, 'ann']);
    expect(cols.columns[0]!.ids.buffer).toBeInstanceOf(SharedArrayBuffer);
    records.forEach((r, i) =>
      expect(recordView(cols, i)).toEqual({ givenName: r.givenName, familyName: r.familyName, birthYear: r.birthYear }),
    );
  });

  it('gives equal tuple ids exactly to records equal on all the fields', () => {
    const k = tupleKeys(cols, ['givenName', 'familyName']);
    expect(k.ids[0]).toBe(k.ids[2]);
    expect(new Set([k.ids[0], k.ids[1], k.ids[3]]).size).toBe(3);
    expect(k.count).toBe(3);
    expect(() => tupleKeys(cols, ['email'])).toThrow(/not in the record columns/);
  });
});
