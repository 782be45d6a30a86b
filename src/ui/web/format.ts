/** Display helpers shared by the screens. */
import { CANONICAL_FIELDS } from '../../shared/canonical-record.js';
import type { Golden } from './types.js';

export function money(n: number): string {
  return n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function pct(p: number): string {
  return `${(p * 100).toFixed(p > 0.99 && p < 1 ? 2 : 1)}%`;
}

export function when(iso: string | null): string {
  return iso ? iso.replace('T', ' ').slice(0, 19) : '';
}

export function displayName(g: Golden): string {
  return (
    g.displayName?.value ??
    g.organizationName?.value ??
    ([g.givenName?.value, g.familyName?.value].filter(Boolean).join(' ') || '(no name)')
  );
}

export function addressText(a: NonNullable<Golden['address']>['value']): string {
  return [a.line1, a.line2, a.locality, a.region, a.postalCode, a.country].filter(Boolean).join(', ');
}

/** A stored record's raw payload as display strings, by canonical field. */
export function rawValue(raw: Record<string, unknown>, field: string): string {
  const v = raw[field];
  return v === null || v === undefined ? '' : String(v);
}

/** Canonical record fields in display order (source ids shown separately). */
export const RECORD_FIELDS = CANONICAL_FIELDS.filter((f) => f !== 'source_system' && f !== 'source_record_id');
