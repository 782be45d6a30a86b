/**
 * Header → where each column goes: a canonical field, or `extra` under its own name (DESIGN.md).
 * A header with no canonical column at all is refused with the list of expected ones; a column that
 * is one or two letters away from a canonical field gets a "did you mean" warning (it is still kept
 * in extra: never guessed).
 */
import { distance } from 'fastest-levenshtein';
import { CANONICAL_FIELDS, type CanonicalField } from '../standardize/types.js';
import type { ColumnMapping } from './adapters/column-mapping.js';
import { ReaderError } from './reader-error.js';

const canonical = new Set<string>(CANONICAL_FIELDS);

export interface ColumnPlan {
  /** Per column: its key in the row object (a canonical field, or the column name for extra). */
  keys: string[];
  warnings: string[];
}

/** The canonical field a source column maps to, or undefined (extra). */
export function targetOf(name: string, mapping: ColumnMapping | undefined): CanonicalField | undefined {
  const cols = mapping?.columns;
  if (cols) {
    if (Object.hasOwn(cols, name)) return cols[name];
    const lower = name.toLowerCase();
    const key = Object.keys(cols).find((k) => k.toLowerCase() === lower);
    if (key) return cols[key];
  }
  const lower = name.toLowerCase();
  return canonical.has(lower) ? (lower as CanonicalField) : undefined;
}

/** A canonical field the column name is a likely misspelling of (edit distance ≤ 2), if any. */
export function didYouMean(name: string, present: ReadonlySet<string>): string | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 4) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const field of CANONICAL_FIELDS) {
    if (present.has(field)) continue;
    const d = distance(lower, field);
    if (d < bestDistance) [best, bestDistance] = [field, d];
  }
  return best;
}

export function planColumns(
  header: readonly string[],
  opts: { mapping?: ColumnMapping | undefined; systemGiven: boolean },
): ColumnPlan {
  const names = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
  const targets = names.map((n) => targetOf(n, opts.mapping));
  const present = new Set(targets.filter((t): t is CanonicalField => t !== undefined));
  if (present.size === 0) {
    throw new ReaderError(
      `the header has none of the canonical columns (${CANONICAL_FIELDS.join(', ')}); found: ${names.join(', ')}. ` +
        'Rename the columns or give a column mapping file (--mapping).',
    );
  }
  const seen = new Map<string, string>();
  targets.forEach((t, i) => {
    if (!t) return;
    const other = seen.get(t);
    if (other !== undefined) throw new ReaderError(`columns "${other}" and "${names[i]}" both map to ${t}`);
    seen.set(t, names[i]!);
  });
  if (!present.has('source_record_id')) {
    throw new ReaderError(`the header has no source_record_id column (found: ${names.join(', ')})`);
  }
  if (!present.has('source_system') && !opts.systemGiven) {
    throw new ReaderError('the header has no source_system column: give the system of every row (--system)');
  }
  const warnings: string[] = [];
  names.forEach((n, i) => {
    if (targets[i] || n === '') return;
    const guess = didYouMean(n, present);
    if (guess) warnings.push(`column "${n}" is not a canonical field: did you mean ${guess}? (kept in extra)`);
  });
  return { keys: names.map((n, i) => targets[i] ?? n), warnings };
}
