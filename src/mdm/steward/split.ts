/**
 * Split: the named records leave the customer under a NEW id (the id that stays keeps its history).
 * Golden records are recomputed for both parts, and every pair between a leaving and a staying
 * record is marked steward_separate, so automatic matching never joins them again.
 */
import { AppError } from '../../errors.js';
import { insertCustomer } from '../../store/customers.js';
import { lockKeys } from '../../store/blocking-keys.js';
import { setStewardDecision } from '../../store/links.js';
import { refreshOpenTaskCustomers } from '../../store/review-tasks.js';
import type { CustomerRow } from '../../store/schema.js';
import { findRecordsByKeys, listLiveRecordsOfCustomers, moveRecordsByIds } from '../../store/source-records.js';
import { writeAuditEvents } from '../audit.js';
import type { MdmContext } from '../context.js';
import { recomputeCustomers, resolveCustomerOrThrow, stateOfRows, toCustomer } from '../golden/customer-state.js';
import { recordLockKey } from '../ingest/prepare.js';
import { validateRef } from '../records.js';
import { inTransaction } from '../tx.js';
import type { Actor, Customer, RecordRef } from '../types.js';

/** Pairs marked separate are |leaving| × |staying|; beyond this the largest customers are capped. */
const MAX_SEPARATE_PAIRS = 10_000;

export async function splitCustomer(
  ctx: MdmContext,
  actor: Actor,
  id: string,
  recordRefs: RecordRef[],
  reason: string,
): Promise<{ customer: Customer; newCustomer: Customer }> {
  const refs = recordRefs.map(validateRef);
  if (refs.length === 0) throw new AppError('IH_VALIDATION', 'name at least one record to split off');
  return inTransaction(ctx, async (trx) => {
    // The per-record locks an upsert takes, in the same (hash) order: an upsert of a leaving record
    // either commits before the split reads it or reads it after the split has moved it.
    await lockKeys(trx, refs.map(recordLockKey));
    const { customer } = await resolveCustomerOrThrow(trx, id);
    const named = await findRecordsByKeys(trx, refs);
    const live = await listLiveRecordsOfCustomers(trx, [customer.id]);
    const liveIds = new Set(live.map((r) => r.id));
    const leaving = named.filter((r) => liveIds.has(r.id));
    if (leaving.length !== refs.length) {
      throw new AppError('IH_VALIDATION', `every record to split off must be a live record of customer ${customer.id}`);
    }
    const staying = live.filter((r) => !leaving.some((l) => l.id === r.id));
    if (staying.length === 0) throw new AppError('IH_VALIDATION', 'a split must leave at least one record behind');
    const created = await insertCustomer(trx, stateOfRows(leaving, ctx.sourceSystems.trustOf));
    const leavingIds = leaving.map((r) => r.id);
    await moveRecordsByIds(trx, leavingIds, created.id);
    const recomputed = await recomputeCustomers(trx, ctx, [customer.id], reason);
    const pairs = leaving.flatMap((l) => staying.map((s): [number, number] => [l.id, s.id]));
    await setStewardDecision(trx, pairs.slice(0, MAX_SEPARATE_PAIRS), 'steward_separate', actor.id);
    await refreshOpenTaskCustomers(trx, leavingIds);
    const moved = leaving.map((r) => ({ sourceSystem: r.source_system, sourceRecordId: r.source_record_id }));
    await writeAuditEvents(trx, actor, [
      {
        action: 'customer.split',
        customerId: customer.id,
        reason,
        after: { newCustomerId: created.id, records: moved },
      },
      {
        action: 'customer.created',
        customerId: created.id,
        reason,
        after: { splitFrom: customer.id, records: moved, version: created.version, golden: created.golden },
      },
      ...recomputed.events,
    ]);
    return {
      customer: toCustomer(recomputed.rows.get(customer.id) as CustomerRow),
      newCustomer: toCustomer(created),
    };
  });
}
