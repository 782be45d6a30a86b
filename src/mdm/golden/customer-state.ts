/**
 * Customer rows as results, redirect resolution, and the golden-record recompute that every change
 * to a customer's records runs in its own transaction (optimistic version check: a concurrent
 * change makes the update miss and the whole transaction is retried, so no update is lost).
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../errors.js';
import { resolveCustomer, type CustomerState } from '../../store/customers.js';
import { writeCustomerGolden } from '../../store/golden-values.js';
import type { CustomerRow, DB, JsonObject } from '../../store/schema.js';
import type { RecordRow } from '../../store/source-records.js';
import type { MdmContext } from '../context.js';
import { computeGolden, searchNameOf, type GoldenInput } from './golden.js';
import { toGoldenInput } from '../records.js';
import { buildGoldenState, customerEvent, lockOrThrow, readGolden } from './golden-state.js';
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
 * Full recompute: rebuilds each customer's golden state from its live records and writes the golden
 * record and counters (a customer left without live records is retired). Returns the new rows and
 * an audit event per customer (the caller writes them with the rest of its change). Changes of a
 * few records go through applyRecordChanges instead, which does not read the whole customer.
 */
export async function recomputeCustomers(
  trx: Transaction<DB>,
  ctx: MdmContext,
  customerIds: string[],
  reason: string | null = null,
): Promise<{ rows: Map<string, CustomerRow>; events: AuditInput[] }> {
  const ids = [...new Set(customerIds)].sort();
  const locked = await lockOrThrow(trx, ids);
  await buildGoldenState(trx, ctx, ids);
  const rows = new Map<string, CustomerRow>();
  const events: AuditInput[] = [];
  for (const id of ids) {
    const before = locked.get(id) as CustomerRow;
    if (before.status === 'merged') throw new VersionConflict(`customer ${id}`);
    const after = await writeCustomerGolden(trx, id, await readGolden(trx, id), 'recount');
    rows.set(id, after);
    events.push(customerEvent(before, after, reason));
  }
  return { rows, events };
}
