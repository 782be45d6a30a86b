/**
 * Merge two customers. The older id survives (ids sort oldest first, and created_at breaks any
 * doubt); the younger becomes a redirect (status merged, merged_into), its records move, older
 * redirects to it are re-pointed so chains stay one hop, the survivor's golden record is recomputed
 * and open review tasks between the two are closed as merged. One transaction, both customer rows
 * locked; retried when one was merged away meanwhile.
 */
import type { Transaction } from 'kysely';
import { AppError } from '../../errors.js';
import { markCustomerMerged, repointRedirects, resolveCustomer } from '../../store/customers.js';
import { mergeGoldenState, writeCustomerGolden } from '../../store/golden-values.js';
import { closeSettledTasks, repointOpenTasks } from '../../store/review-tasks.js';
import type { CustomerRow, DB } from '../../store/schema.js';
import { moveAllRecords } from '../../store/source-records.js';
import { writeAuditEvents, type AuditInput } from '../audit.js';
import type { MdmContext } from '../context.js';
import { toCustomer } from '../golden/customer-state.js';
import { HOLDERS_PER_KEY } from '../golden/golden-holders.js';
import { buildGoldenState, customerEvent, lockOrThrow, readGolden } from '../golden/golden-state.js';
import { inTransaction, VersionConflict } from '../tx.js';
import type { Actor, Customer } from '../types.js';

export async function mergeCustomers(
  ctx: MdmContext,
  actor: Actor,
  id: string,
  otherId: string,
  reason: string,
): Promise<{ customer: Customer; mergedId: string }> {
  return inTransaction(ctx, async (trx) => {
    const r = await mergeInTransaction(trx, ctx, actor, id, otherId, reason);
    await writeAuditEvents(trx, actor, r.events);
    return { customer: toCustomer(r.survivor), mergedId: r.mergedId };
  });
}

function older(a: CustomerRow, b: CustomerRow): [CustomerRow, CustomerRow] {
  const aFirst = a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : 1);
  return aFirst < 0 ? [a, b] : [b, a];
}

/**
 * The merge itself, for use inside a larger transaction (review decisions). Returns its audit events.
 * Set-based whatever the sizes: both customer rows are locked (id order), the records move in one
 * statement, the golden state of the merged customer folds into the survivor's key by key, and the
 * survivor's golden record is read from its best keys; no member record is read.
 */
export async function mergeInTransaction(
  trx: Transaction<DB>,
  ctx: MdmContext,
  actor: Actor,
  id: string,
  otherId: string,
  reason: string | null,
): Promise<{ survivor: CustomerRow; mergedId: string; events: AuditInput[] }> {
  const [ra, rb] = await Promise.all([resolveCustomer(trx, id), resolveCustomer(trx, otherId)]);
  if (!ra) throw new AppError('IH_CUSTOMER_NOT_FOUND', id);
  if (!rb) throw new AppError('IH_CUSTOMER_NOT_FOUND', otherId);
  if (ra.id === rb.id) throw new AppError('IH_CONFLICT', `${id} and ${otherId} are already one customer`);
  const locked = await lockOrThrow(trx, [ra.id, rb.id].sort());
  const [a, b] = [locked.get(ra.id) as CustomerRow, locked.get(rb.id) as CustomerRow];
  // Merged away between the redirect look-up and the lock: resolve again from the start.
  if (a.status === 'merged' || b.status === 'merged') throw new VersionConflict(`customer ${a.id}/${b.id}`);
  const [survivor, merged] = older(a, b);
  const unbuilt = [survivor, merged].filter((c) => !c.golden_ready).map((c) => c.id);
  await buildGoldenState(trx, ctx, unbuilt);
  const moved = await moveAllRecords(trx, merged.id, survivor.id);
  await mergeGoldenState(trx, merged.id, survivor.id, HOLDERS_PER_KEY);
  const mergedRow = await markCustomerMerged(trx, merged.id, survivor.id, merged.version);
  if (!mergedRow) throw new VersionConflict(`customer ${merged.id}`);
  await repointRedirects(trx, merged.id, survivor.id);
  await repointOpenTasks(trx, merged.id, survivor.id);
  const counters = unbuilt.length > 0 ? 'recount' : { count: merged.record_count, value: merged.total_value };
  const after = await writeCustomerGolden(trx, survivor.id, await readGolden(trx, survivor.id), counters);
  const closed = await closeSettledTasks(trx, [survivor.id], 'merged', actor.id, reason ?? 'customers merged');
  const events: AuditInput[] = [
    {
      action: 'customer.merged',
      customerId: merged.id,
      reason,
      before: { status: merged.status, version: merged.version, golden: merged.golden },
      after: { status: 'merged', mergedInto: survivor.id, version: mergedRow.version },
    },
    {
      action: 'customer.merge_survivor',
      customerId: survivor.id,
      reason,
      after: { absorbed: merged.id, recordsMoved: moved, reviewTasksClosed: closed.map(String) },
    },
    customerEvent(survivor, after, reason),
  ];
  return { survivor: after, mergedId: merged.id, events };
}
