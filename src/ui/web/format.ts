/** Display helpers shared by the screens. */
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
export const RECORD_FIELDS = [
  'full_name',
  'given_name',
  'middle_name',
  'family_name',
  'organization_name',
  'date_of_birth',
  'gender',
  'email',
  'phone',
  'address_line1',
  'address_line2',
  'locality',
  'region',
  'postal_code',
  'country',
  'national_id',
  'annual_value',
] as const;
