/**
 * Customer rows as results, redirect resolution, and the golden-record recompute that every change
 * to a customer's records runs in its own transaction (optimistic version check: a concurrent
 * change makes the update miss and the whole transaction is retried, so no update is lost).
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../errors.js';
import {
  findCustomersWithLiveRecords,
  resolveCustomer,
  updateCustomerState,
  type CustomerState,
} from '../../store/customers.js';
import type { CustomerRow, DB, JsonObject } from '../../store/schema.js';
import type { RecordRow } from '../../store/source-records.js';
import type { MdmContext } from '../context.js';
import { computeGolden, searchNameOf, type GoldenInput } from './golden.js';
import { toGoldenInput } from '../records.js';
import { VersionConflict } from '../tx.js';
import type { Customer, CustomerLookup, GoldenRecord } from '../types.js';
import type { AuditInput } from '../audit.js';

export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    status: row.status,
    golden: row.golden as unknown as GoldenRecord,
    recordCount: row.record_count,
    totalValue: Number(row.total_value),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function resolveCustomerOrThrow(db: Kysely<DB>, id: string): Promise<CustomerLookup> {
  const row = await resolveCustomer(db, id);
  if (!row) throw new AppError('IH_CUSTOMER_NOT_FOUND', id);
  const customer = toCustomer(row);
  return row.id === id ? { customer } : { customer, redirectedFrom: id };
}

/** Golden record, counts and search name of a set of live records. */
export function stateOf(
  records: GoldenInput[],
  values: Array<number | null>,
  trustOf: (s: string) => number,
): CustomerState {
  const golden = computeGolden(records, trustOf);
  return {
    golden: golden as unknown as JsonObject,
    displayName: golden.displayName?.value ?? null,
    searchName: searchNameOf(records, golden),
    recordCount: records.length,
    totalValue: values.reduce<number>((sum, v) => sum + (v ?? 0), 0),
  };
}

export function stateOfRows(rows: RecordRow[], trustOf: (s: string) => number): CustomerState {
  return stateOf(
    rows.map(toGoldenInput),
    rows.map((r) => r.annual_value),
    trustOf,
  );
}

/**
 * Recomputes the golden record of each customer from its live records and writes it with a version
 * check. Returns the new rows and an audit event per customer (the caller writes them with the rest
 * of its change). A customer left without live records is retired.
 */
export async function recomputeCustomers(
  trx: Transaction<DB>,
  ctx: MdmContext,
  customerIds: string[],
  reason: string | null = null,
): Promise<{ rows: Map<string, CustomerRow>; events: AuditInput[] }> {
  const ids = [...new Set(customerIds)];
  const loaded = new Map((await findCustomersWithLiveRecords(trx, ids)).map((e) => [e.customer.id, e]));
  const rows = new Map<string, CustomerRow>();
  const events: AuditInput[] = [];
  for (const id of ids) {
    const entry = loaded.get(id);
    if (!entry) throw new AppError('IH_CUSTOMER_NOT_FOUND', id);
    const before = entry.customer;
    const state = stateOfRows(entry.records, ctx.sourceSystems.trustOf);
    const after = await updateCustomerState(trx, id, before.version, state);
    if (!after) throw new VersionConflict(`customer ${id}`);
    rows.set(id, after);
    events.push({
      action: after.status === 'retired' && before.status !== 'retired' ? 'customer.retired' : 'customer.updated',
      customerId: id,
      reason,
      before: {
        version: before.version,
        status: before.status,
        recordCount: before.record_count,
        golden: before.golden,
      },
      after: { version: after.version, status: after.status, recordCount: after.record_count, golden: after.golden },
    });
  }
  return { rows, events };
}
