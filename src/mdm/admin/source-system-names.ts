/**
 * Source-system names as files carry them. A system has a stable slug (URLs, keys, the
 * source_systems.name column) and a display name people write ("ECE Chicago Find a School scrape",
 * "CRM – Sydney", "营业厅"). A value in a file's system column is resolved, in order: a registered
 * slug, a registered display name, then the slug derived from the value (so "CRM - Sydney" finds the
 * system registered as "CRM – Sydney"). Pure: `cli dedupe` uses the same rule with no registry.
 */
import { createHash } from 'node:crypto';
import anyAscii from 'any-ascii';

/** The store's rule for a slug (check constraint of source_systems.name). */
export const SOURCE_SYSTEM_SLUG = /^[A-Za-z0-9_.-]{1,64}$/;
export const MAX_DISPLAY_NAME = 200;

/**
 * The slug of a system value: the value itself when it already is a valid slug (existing names stay
 * as they are), else its ASCII transliteration in lower case with runs of other characters as "-".
 */
export function slugFor(value: string): string {
  const trimmed = value.trim();
  if (SOURCE_SYSTEM_SLUG.test(trimmed)) return trimmed;
  const slug = anyAscii(trimmed.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  // Nothing transliterable (symbols only): a stable hash keeps distinct names distinct.
  return slug || `system-${createHash('sha256').update(trimmed).digest('hex').slice(0, 12)}`;
}

export interface KnownSystem {
  name: string;
  displayName: string;
}

/** The registered slug a file's system value refers to, or undefined when no system matches. */
export function matchSourceSystem(value: string, systems: readonly KnownSystem[]): string | undefined {
  const v = value.trim();
  return (
    systems.find((s) => s.name === v)?.name ??
    systems.find((s) => s.displayName === v)?.name ??
    systems.find((s) => s.name === slugFor(v))?.name
  );
}

/** The message for systems a caller may not register: which ones, and how to register them. */
export function missingSystemsMessage(missing: readonly string[]): string {
  const list = missing.map((m) => `"${m}" (slug ${slugFor(m)})`).join(', ');
  return (
    `${missing.length} source system(s) not registered: ${list}. Register them first ` +
    `(POST /v1/source-systems {"displayName": "..."} with an admin key), or let the import register them: ` +
    '`cli import --register-systems` (embedded store, or --server with an admin key), or the import job option registerSystems: true.'
  );
}
