/**
 * Generic values (after Senzing's "generics"): a phone, email, address, date of birth or identifier
 * shared by many different entities — a switchboard, an `info@` mailbox, an office block or PO box,
 * a placeholder date (1900-01-01) or id (000-00-0000). Agreement on such a value says nothing about
 * identity, so it neither corroborates a merge nor adds weight (see evidence-policy.ts).
 *
 * Detected from the data: a value is generic when the records holding it carry more distinct names
 * than values of that field usually do, by a wide margin (`factor` × the mean, at least `minNames`);
 * "different names" is what makes the holders otherwise conflicting. Two small rules need no
 * statistics: role mailboxes (info@, sales@ …) and values of one repeated character (0000000).
 * The result is a plain JSON-able structure, so the real-time path can load what a batch computed.
 */
import type { StdRecord } from '../standardize/types.js';
import type { ComparisonDef } from './comparisons.js';

/** Comparisons whose agreeing value can be generic. */
export const GENERIC_COMPARISONS: readonly string[] = ['phone', 'email', 'address', 'dateOfBirth', 'nationalId'];

/** Local parts of mailboxes that belong to a role or a team, not a person. */
export const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  'info',
  'admin',
  'office',
  'sales',
  'contact',
  'accounts',
  'enquiries',
  'inquiries',
  'support',
  'hello',
  'mail',
  'reception',
  'billing',
  'service',
  'team',
  'noreply',
  'no-reply',
]);

export interface GenericValues {
  format: 'identity-hub.generic-values';
  formatVersion: 1;
  /** Per comparison name, the values found generic by frequency. */
  values: Record<string, string[]>;
}

export interface GenericOptions {
  /** A value is generic when its holders carry at least this many distinct names … */
  minNames?: number;
  /** … and at least `factor` times the mean number of distinct names per value of that field. */
  factor?: number;
}

/** Who holds a value: the person's given + family name, or the organisation key. */
function nameKey(s: StdRecord): string | null {
  if (s.organizationKey) return `o:${s.organizationKey}`;
  const given = s.givenNameCanonical ?? s.givenName;
  if (!given && !s.familyName) return null;
  return `p:${given ?? ''}|${s.familyName ?? ''}`;
}

/** Comparisons whose values are numbers (digits decide a placeholder). */
const NUMERIC_COMPARISONS: ReadonlySet<string> = new Set(['phone', 'nationalId', 'dateOfBirth']);

export function isRuleGeneric(comparison: string, value: string): boolean {
  // Placeholders: a number of one repeated digit (0000000, 1111-11-11) or a value of one repeated
  // character. Only the digits of numbers count: an email or address with one digit in it
  // (ajones6@…, 1 High Street) is not a placeholder.
  const numeric = NUMERIC_COMPARISONS.has(comparison);
  const core = numeric ? value.replace(/\D/g, '') : value.replace(/[^\p{L}\p{N}]/gu, '');
  if (core.length >= 4 && /^(.)\1*$/u.test(core)) return true;
  if (comparison === 'email') {
    const at = value.indexOf('@');
    return at > 0 && ROLE_MAILBOXES.has(value.slice(0, at));
  }
  return false;
}

/** Finds the generic values among `records` for the comparisons in GENERIC_COMPARISONS. */
export function findGenericValues(
  defs: readonly ComparisonDef[],
  records: readonly StdRecord[],
  options: GenericOptions = {},
): GenericValues {
  const minNames = options.minNames ?? 5;
  const factor = options.factor ?? 10;
  const values: Record<string, string[]> = {};
  for (const def of defs) {
    if (!GENERIC_COMPARISONS.includes(def.name)) continue;
    const names = new Map<string, Set<string>>();
    // Distinct names are only counted up to a cap: beyond it the value is generic whatever the mean.
    const cap = 1024;
    for (const r of records) {
      const v = def.get(r);
      const n = v ? nameKey(r) : null;
      if (!v || !n) continue;
      let set = names.get(v);
      if (!set) names.set(v, (set = new Set()));
      if (set.size < cap) set.add(n);
    }
    let total = 0;
    for (const s of names.values()) total += s.size;
    const threshold = Math.max(minNames, names.size === 0 ? Infinity : (factor * total) / names.size);
    values[def.name] = [...names].filter(([, s]) => s.size >= threshold).map(([v]) => v);
  }
  return { format: 'identity-hub.generic-values', formatVersion: 1, values };
}

/**
 * Per comparison (by index in `defs`), one flag per record: its value is generic (by frequency or by
 * rule). Null for comparisons that cannot be generic.
 */
export function genericFlags(
  defs: readonly ComparisonDef[],
  records: readonly StdRecord[],
  generic: GenericValues,
): Array<Uint8Array | null> {
  return defs.map((def) => {
    if (!GENERIC_COMPARISONS.includes(def.name)) return null;
    const found = new Set(generic.values[def.name] ?? []);
    const flags = new Uint8Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const v = def.get(records[i]!);
      if (v && (found.has(v) || isRuleGeneric(def.name, v))) flags[i] = 1;
    }
    return flags;
  });
}
