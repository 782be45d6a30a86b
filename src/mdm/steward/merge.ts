/**
 * Merge two customers. The older id survives (ids sort oldest first, and created_at breaks any
 * doubt); the younger becomes a redirect (status merged, merged_into), its records move, older
 * redirects to it are re-pointed so chains stay one hop, the survivor's golden record is recomputed
 * and open review tasks between the two are closed as merged. One transaction; retried on a
 * concurrent change (version check on both customers).
 */
import type { Transaction } from 'kysely';
import { AppError } from '../../errors.js';
import { findCustomerVersion, markCustomerMerged, repointRedirects, resolveCustomer } from '../../store/customers.js';
import { closeSettledTasks, repointOpenTasks } from '../../store/review-tasks.js';
import type { CustomerRow, DB } from '../../store/schema.js';
import { moveAllRecords } from '../../store/source-records.js';
import { writeAuditEvents, type AuditInput } from '../audit.js';
import type { MdmContext } from '../context.js';
import { recomputeCustomers, toCustomer } from '../golden/customer-state.js';
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

/** The merge itself, for use inside a larger transaction (review decisions). Returns its audit events. */
export async function mergeInTransaction(
  trx: Transaction<DB>,
  ctx: MdmContext,
  actor: Actor,
  id: string,
  otherId: string,
  reason: string | null,
): Promise<{ survivor: CustomerRow; mergedId: string; events: AuditInput[] }> {
  const [a, b] = await Promise.all([resolveCustomer(trx, id), resolveCustomer(trx, otherId)]);
  if (!a) throw new AppError('IH_CUSTOMER_NOT_FOUND', id);
  if (!b) throw new AppError('IH_CUSTOMER_NOT_FOUND', otherId);
  if (a.id === b.id) throw new AppError('IH_CONFLICT', `${id} and ${otherId} are already one customer`);
  const [survivor, merged] = older(a, b);
  const moved = await moveAllRecords(trx, merged.id, survivor.id);
  const mergedRow = await markCustomerMerged(trx, merged.id, survivor.id, merged.version);
  if (!mergedRow) throw new VersionConflict(`customer ${merged.id}`);
  await repointRedirects(trx, merged.id, survivor.id);
  await repointOpenTasks(trx, merged.id, survivor.id);
  const current = await findCustomerVersion(trx, survivor.id);
  if (current?.version !== survivor.version) throw new VersionConflict(`customer ${survivor.id}`);
  const recomputed = await recomputeCustomers(trx, ctx, [survivor.id], reason);
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
    ...recomputed.events,
  ];
  return { survivor: recomputed.rows.get(survivor.id) as CustomerRow, mergedId: merged.id, events };
}
