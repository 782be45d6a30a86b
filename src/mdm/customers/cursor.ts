/**
 * Opaque keyset cursors for pages of a customer's members: the last row id of a page, encoded so
 * clients treat it as a token. A cursor stays valid across inserts (new rows sort after it).
 */
import { AppError } from '../../errors.js';

export function encodeCursor(id: number): string {
  return Buffer.from(`r:${id}`).toString('base64url');
}

/** The row id a cursor names (0 = from the start); a malformed cursor is a 400 naming the field. */
export function decodeCursor(cursor: string | undefined, field = 'querystring/after'): number {
  if (cursor === undefined || cursor === '') return 0;
  const m = /^r:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) {
    throw new AppError('IH_VALIDATION', 'malformed cursor', {
      details: [{ path: field, reason: 'not a cursor this API gave' }],
    });
  }
  return Number(m[1]);
}

/** Splits the `limit + 1` rows read into the page and the cursor of the next one (null: last page). */
export function pageOf<T extends { id: number }>(rows: T[], limit: number): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
