/** The seam every source format plugs into: physical lines in, canonical rows out (docs/extending.md). */
import type { RawRecord } from '../../standardize/types.js';
import type { TextLine } from '../decode.js';
import type { ColumnMapping } from './column-mapping.js';

export type SourceRow = { line: number; record: RawRecord } | { line: number; error: string; sourceRecordId?: string };

export interface AdapterOptions {
  mapping?: ColumnMapping | undefined;
  /** Fills or overrides source_system on every row. */
  sourceSystem?: string | undefined;
  /** A delimiter given by the caller (csv only); detected from the header otherwise. */
  delimiter?: string | undefined;
}

export interface OpenedAdapter {
  rows: AsyncIterable<SourceRow>;
  /** Header findings worth telling the operator (misspelt columns); rows are read regardless. */
  warnings: string[];
  delimiter?: string;
}

/** Reads the header (if the format has one) eagerly, so a file that cannot be read fails at open. */
export type SourceAdapter = (lines: AsyncIterator<TextLine>, opts: AdapterOptions) => Promise<OpenedAdapter>;
