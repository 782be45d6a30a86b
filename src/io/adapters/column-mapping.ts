/**
 * The declarative adapter: a JSON file that maps a system's own export onto canonical fields, so a
 * new source needs no code. Example (fixtures/files/legacy-crm.mapping.json):
 *
 *   { "format": "csv", "encoding": "windows-1252", "delimiter": "semicolon", "sourceSystem": "Legacy CRM",
 *     "columns": { "CUST_NO": "source_record_id", "CUST_NM": "full_name", "ADDR1": "address_line1", "ZIP": "postal_code" } }
 *
 * Source columns not named in `columns` stay in the file's own name: canonical ones are read as
 * such, the others are kept in `extra`. Header names match exactly first, then ignoring case.
 */
import { readFile } from 'node:fs/promises';
import { CANONICAL_FIELDS, type CanonicalField } from '../../standardize/types.js';
import { ReaderError } from '../reader-error.js';

export interface ColumnMapping {
  format?: 'csv' | 'ndjson';
  encoding?: string;
  delimiter?: string;
  sourceSystem?: string;
  /** Source column → canonical field. */
  columns: Record<string, CanonicalField>;
}

const canonical = new Set<string>(CANONICAL_FIELDS);
const KEYS = new Set(['format', 'encoding', 'delimiter', 'sourceSystem', 'columns']);

/** Validates a parsed mapping; every problem is listed with its path. */
export function parseColumnMapping(value: unknown, origin = 'mapping'): ColumnMapping {
  const problems: string[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ReaderError(`${origin}: not a JSON object`);
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v))
    if (!KEYS.has(key)) problems.push(`${key}: unknown key (allowed: ${[...KEYS].join(', ')})`);
  if (v.format !== undefined && v.format !== 'csv' && v.format !== 'ndjson')
    problems.push('format: must be csv or ndjson');
  for (const key of ['encoding', 'delimiter', 'sourceSystem'] as const)
    if (v[key] !== undefined && (typeof v[key] !== 'string' || v[key] === ''))
      problems.push(`${key}: must be a non-empty string`);
  const columns = v.columns;
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns)) {
    problems.push('columns: must be an object { "SOURCE_COLUMN": "canonical_field" }');
  } else {
    for (const [from, to] of Object.entries(columns as Record<string, unknown>)) {
      if (typeof to !== 'string' || !canonical.has(to))
        problems.push(`columns.${from}: "${String(to)}" is not a canonical field (${CANONICAL_FIELDS.join(', ')})`);
    }
  }
  if (problems.length) throw new ReaderError(`${origin}: ${problems.join('; ')}`);
  return v as unknown as ColumnMapping;
}

export async function loadColumnMapping(path: string): Promise<ColumnMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ReaderError(`cannot read mapping file ${path}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ReaderError(`mapping file ${path} is not JSON: ${(err as Error).message}`);
  }
  return parseColumnMapping(parsed, path);
}
