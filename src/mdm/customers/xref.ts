/**
 * Cross-reference: which systems hold live records of a customer (ids, counts, annual value per
 * system and in total), and the reverse look-up from (system, record id) to the customer.
 */
import { resolveCustomer } from '../../store/customers.js';
import { listLiveRecordsOfCustomers } from '../../store/source-records.js';
import { findRecordCustomer } from '../../store/xref.js';
import type { MdmContext } from '../context.js';
import { resolveCustomerOrThrow } from '../golden/customer-state.js';
import { recordNotFound, validateRef } from '../records.js';
import type { CustomerXref, RecordRef, XrefSystem } from '../types.js';

export async function getCustomerXref(
  ctx: MdmContext,
  id: string,
): Promise<CustomerXref & { redirectedFrom?: string }> {
  const { customer, redirectedFrom } = await resolveCustomerOrThrow(ctx.database.db, id);
  const records = await listLiveRecordsOfCustomers(ctx.database.db, [customer.id]);
  const bySystem = new Map<string, XrefSystem>();
  for (const r of records) {
    const s = bySystem.get(r.source_system) ?? {
      sourceSystem: r.source_system,
      recordIds: [],
      recordCount: 0,
      totalValue: 0,
    };
    s.recordIds.push(r.source_record_id);
    s.recordCount += 1;
    s.totalValue += r.annual_value ?? 0;
    bySystem.set(r.source_system, s);
  }
  const systems = [...bySystem.values()].sort(
    (a, b) => b.totalValue - a.totalValue || (a.sourceSystem < b.sourceSystem ? -1 : 1),
  );
  return {
    customerId: customer.id,
    systems,
    recordCount: records.length,
    totalValue: systems.reduce((sum, s) => sum + s.totalValue, 0),
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
