/**
 * Cross-reference: which systems hold live records of a customer (ids, counts, annual value per
 * system and in total), and the reverse look-up from (system, record id) to the customer.
 */
import {
  countSystemsOfCustomer,
  isGoldenReady,
  pageLiveRefsOfCustomer,
  resolveCustomer,
} from '../../store/customers.js';
import { findSystemTotals } from '../../store/golden-values.js';
import { findRecordCustomer } from '../../store/xref.js';
import type { MdmContext } from '../context.js';
import { resolveCustomerOrThrow } from '../golden/customer-state.js';
import type { PageRequest } from './customers.js';
import { decodeCursor, pageOf } from './cursor.js';
import { recordNotFound, validateRef } from '../records.js';
import type { CustomerXref, RecordRef, XrefSystem } from '../types.js';

/** Record references per page by default (ids are at most 200 characters: a page stays below 1 MB). */
export const XREF_PAGE = 1000;

/**
 * The systems holding live records of the customer, each with its record count and value (always
 * whole, from the per-system totals), and one page of record ids grouped by system (keyset cursor).
 */
export async function getCustomerXref(
  ctx: MdmContext,
  id: string,
  req: PageRequest = {},
): Promise<CustomerXref & { redirectedFrom?: string }> {
  const db = ctx.database.db;
  const { customer, redirectedFrom } = await resolveCustomerOrThrow(db, id);
  const limit = req.limit ?? XREF_PAGE;
  const [totals, refs] = await Promise.all([
    (await isGoldenReady(db, customer.id))
      ? findSystemTotals(db, customer.id)
      : countSystemsOfCustomer(db, customer.id),
    pageLiveRefsOfCustomer(db, customer.id, decodeCursor(req.after), limit),
  ]);
  const { page, nextCursor } = pageOf(refs, limit);
  const bySystem = new Map<string, XrefSystem>(
    totals.map((t) => [
      t.source_system,
      { sourceSystem: t.source_system, recordIds: [], recordCount: t.record_count, totalValue: Number(t.total_value) },
    ]),
  );
  for (const r of page) bySystem.get(r.source_system)?.recordIds.push(r.source_record_id);
  const systems = [...bySystem.values()].sort(
    (a, b) => b.totalValue - a.totalValue || (a.sourceSystem < b.sourceSystem ? -1 : 1),
  );
  return {
    customerId: customer.id,
    systems,
    recordCount: systems.reduce((sum, s) => sum + s.recordCount, 0),
    totalValue: systems.reduce((sum, s) => sum + s.totalValue, 0),
    nextCursor,
    ...(redirectedFrom ? { redirectedFrom } : {}),
  };
}

/**
 * Reverse look-up. Records move with merges, so the answer is normally direct; should a record still
 * point at a merged-away id, the redirect is followed and reported.
 */
export async function lookupXref(
  ctx: MdmContext,
  ref: RecordRef,
): Promise<{
  customerId: string;
  sourceSystem: string;
  sourceRecordId: string;
  deleted: boolean;
  redirectedFrom?: string;
}> {
  const key = validateRef(ref);
  const row = await findRecordCustomer(ctx.database.db, key.sourceSystem, key.sourceRecordId);
  if (!row?.customer_id) throw recordNotFound(key);
  // One lean query answers the usual case; only a record still on a merged-away id needs more.
  const customerId = row.merged_into
    ? ((await resolveCustomer(ctx.database.db, row.customer_id))?.id ?? row.customer_id)
    : row.customer_id;
  return {
    customerId,
    ...key,
    deleted: row.deleted_at !== null,
    ...(customerId !== row.customer_id ? { redirectedFrom: row.customer_id } : {}),
  };
}
