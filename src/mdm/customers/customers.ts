/**
 * Customer read use cases: look-up by id (following merge redirects), member records, and search.
 *
 * Search never scans in JS: each criterion first selects a small candidate set through an index
 * (trigram index on customers.search_name; expression indexes on the standardised email, phone and
 * postal code of live records; the source_record_id index), and only that set is ranked.
 */
import Fuse from 'fuse.js';
import { findCustomers, pageRecordsOfCustomer, searchCustomersByName } from '../../store/customers.js';
import type { CustomerRow } from '../../store/schema.js';
import { findLiveRecordsBySourceRecordId, findLiveRecordsByStdField } from '../../store/source-records.js';
import type { MdmContext } from '../context.js';
import { resolveCustomerOrThrow, toCustomer } from '../golden/customer-state.js';
import { decodeCursor, pageOf } from './cursor.js';
import { standardizeRecord } from '../../standardize/index.js';
import { toStoredRecord } from '../records.js';
import type { Customer, CustomerLookup, StoredRecord } from '../types.js';

export async function getCustomer(ctx: MdmContext, id: string): Promise<CustomerLookup> {
  return resolveCustomerOrThrow(ctx.database.db, id);
}

export interface PageRequest {
  /** Cursor from the previous page's nextCursor; absent for the first page. */
  after?: string | undefined;
  limit?: number | undefined;
}

/** Records per page by default: a record with its payload is a few kB, a page stays far below 1 MB. */
export const RECORDS_PAGE = 100;

/**
 * One page of the records the customer holds, deleted ones included (they carry deletedAt), oldest
 * first, with the cursor of the next page (null on the last).
 */
export async function listCustomerRecords(
  ctx: MdmContext,
  id: string,
  req: PageRequest = {},
): Promise<{ items: StoredRecord[]; nextCursor: string | null }> {
  const { customer } = await resolveCustomerOrThrow(ctx.database.db, id);
  const limit = req.limit ?? RECORDS_PAGE;
  const rows = await pageRecordsOfCustomer(ctx.database.db, customer.id, decodeCursor(req.after), limit);
  const { page, nextCursor } = pageOf(rows, limit);
  return { items: page.map(toStoredRecord), nextCursor };
}

export interface CustomerSearch {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  postalCode?: string | undefined;
  q?: string | undefined;
  limit: number;
}

/** How many customers a name search pulls from the trigram index before ranking. */
const NAME_CANDIDATES = 50;
const EXACT_CANDIDATES = 200;

export async function searchCustomers(
  ctx: MdmContext,
  query: CustomerSearch,
): Promise<Array<{ customer: Customer; score: number }>> {
  const criteria = interpret(ctx, query);
  const sets: Array<Map<string, number>> = [];
  if (criteria.name) sets.push(await byName(ctx, criteria.name));
  for (const [field, value] of criteria.exact) sets.push(await byExact(ctx, field, value));
  if (criteria.recordId) sets.push(await byRecordId(ctx, criteria.recordId));
  if (sets.length === 0) return [];
  // Every given criterion must hold (intersection); the score is the mean of the criteria scores.
  const [first, ...rest] = sets as [Map<string, number>, ...Array<Map<string, number>>];
  const scores = new Map<string, number>();
  for (const [id, s] of first) {
    if (rest.every((m) => m.has(id))) scores.set(id, rest.reduce((sum, m) => sum + (m.get(id) ?? 0), s) / sets.length);
  }
  const rows = await findCustomers(ctx.database.db, [...scores.keys()]);
  return rows
    .filter((r) => r.status === 'active')
    .map((r) => ({ customer: toCustomer(r), score: scores.get(r.id) ?? 0 }))
    .sort((a, b) => b.score - a.score || (a.customer.id < b.customer.id ? -1 : 1))
    .slice(0, query.limit);
}

type ExactField = 'email' | 'phone' | 'postalCode';

interface Criteria {
  name: string | null;
  exact: Array<[ExactField, string]>;
  recordId: string | null;
}

/** Normalises the query with the same standardisers as the records, so forms agree. */
function interpret(ctx: MdmContext, q: CustomerSearch): Criteria {
  const out: Criteria = { name: null, exact: [], recordId: null };
  const std = (raw: Record<string, string>) =>
    standardizeRecord({ source_system: 'search', source_record_id: 'q', ...raw }, ctx.settings.standardize).std;
  if (q.name?.trim()) out.name = foldedName(std({ full_name: q.name }), q.name);
  if (q.email?.trim()) out.exact.push(['email', std({ email: q.email }).email ?? q.email.trim().toLowerCase()]);
  if (q.phone?.trim()) out.exact.push(['phone', std({ phone: q.phone }).phone ?? q.phone.trim()]);
  if (q.postalCode?.trim()) {
    out.exact.push(['postalCode', std({ postal_code: q.postalCode }).postalCode ?? q.postalCode.trim().toUpperCase()]);
  }
  const text = q.q?.trim();
  if (text) Object.assign(out, interpretFreeText(std, text, out));
  return out;
}

function foldedName(
  std: {
    givenName: string | null;
    middleName: string | null;
    familyName: string | null;
    organizationName: string | null;
  },
  raw: string,
): string {
  const person = [std.givenName, std.middleName, std.familyName].filter(Boolean).join(' ');
  return (person || std.organizationName || raw).trim().toLowerCase();
}

/** Free text: an email, a phone number, a postcode, a source record id, or else a name. */
function interpretFreeText(
  std: (raw: Record<string, string>) => ReturnType<typeof standardizeRecord>['std'],
  text: string,
  out: Criteria,
): Partial<Criteria> {
  if (text.includes('@')) return { exact: [...out.exact, ['email', std({ email: text }).email ?? text.toLowerCase()]] };
  const digits = text.replace(/[\s()+.-]/g, '');
  if (/^\d{7,}$/.test(digits)) {
    const phone = std({ phone: text }).phone;
    if (phone) return { exact: [...out.exact, ['phone', phone]] };
  }
  // Postcodes always hold a digit: without that test a 7-letter name ("Siobahn") looks like "SW1A 1AA".
  if (/^\d{3,6}$/.test(digits) || (/\d/.test(text) && /^[A-Z0-9]{2,4} ?[A-Z0-9]{3}$/i.test(text))) {
    const pc = std({ postal_code: text }).postalCode ?? text.toUpperCase();
    return { exact: [...out.exact, ['postalCode', pc]] };
  }
  if (/\d/.test(text) && !/\s/.test(text)) return { recordId: text };
  return { name: foldedName(std({ full_name: text }), text) };
}

async function byName(ctx: MdmContext, folded: string): Promise<Map<string, number>> {
  const rows = await searchCustomersByName(ctx.database.db, folded, NAME_CANDIDATES);
  return rankNames(rows, folded);
}

/** Ranks the few trigram candidates with fuse.js (token-aware), blended with trigram similarity. */
function rankNames(rows: Array<CustomerRow & { similarity: number }>, folded: string): Map<string, number> {
  const fuse = new Fuse(rows, { keys: ['search_name'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
  const fuseScore = new Map(fuse.search(folded).map((r) => [r.item.id, 1 - (r.score ?? 1)]));
  return new Map(rows.map((r) => [r.id, (Number(r.similarity) + (fuseScore.get(r.id) ?? 0)) / 2]));
}

async function byExact(ctx: MdmContext, field: ExactField, value: string): Promise<Map<string, number>> {
  const rows = await findLiveRecordsByStdField(ctx.database.db, field, value, EXACT_CANDIDATES);
  return new Map(rows.flatMap((r) => (r.customer_id ? [[r.customer_id, 1] as [string, number]] : [])));
}

async function byRecordId(ctx: MdmContext, recordId: string): Promise<Map<string, number>> {
  const rows = await findLiveRecordsBySourceRecordId(ctx.database.db, recordId, EXACT_CANDIDATES);
  return new Map(rows.flatMap((r) => (r.customer_id ? [[r.customer_id, 1] as [string, number]] : [])));
}
