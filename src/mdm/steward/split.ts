/**
 * Split: the named records leave the customer under a NEW id (the id that stays keeps its history).
 * Set-based and bounded by the records that leave: their keys leave the old customer's golden state
 * and make up the new one's; leaving records are marked steward_separate from the staying ones, so
 * automatic matching never joins them again. Takes the per-record locks an upsert takes.
 */
import { AppError } from '../../errors.js';
import { insertCustomer } from '../../store/customers.js';
import { lockKeys } from '../../store/blocking-keys.js';
import { hasOtherLiveRecords, markGoldenReady, writeCustomerGolden } from '../../store/golden-values.js';
import { separateFromCustomer } from '../../store/links.js';
import { refreshOpenTaskCustomers } from '../../store/review-tasks.js';
import type { CustomerRow } from '../../store/schema.js';
import { findRecordsByRefs, moveRecordsByIds } from '../../store/source-records.js';
import { writeAuditEvents } from '../audit.js';
import type { MdmContext } from '../context.js';
import { resolveCustomerOrThrow, stateOfRows, toCustomer } from '../golden/customer-state.js';
import {
  buildGoldenState,
  customerEvent,
  Deltas,
  lockOrThrow,
  readGolden,
  writeGoldenStateOf,
} from '../golden/golden-state.js';
import { recordLockKey } from '../ingest/prepare.js';
import { validateRef } from '../records.js';
import { inTransaction, VersionConflict } from '../tx.js';
import type { Actor, Customer, RecordRef } from '../types.js';

/** Pairs marked separate: each leaving record with up to MAX / |leaving| staying ones (bounded writes). */
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
    const before = (await lockOrThrow(trx, [customer.id])).get(customer.id) as CustomerRow;
    if (before.status === 'merged') throw new VersionConflict(`customer ${customer.id}`);
    const leaving = (await findRecordsByRefs(trx, refs)).filter(
      (r) => r.customer_id === customer.id && r.deleted_at === null,
    );
    if (leaving.length !== refs.length) {
      throw new AppError('IH_VALIDATION', `every record to split off must be a live record of customer ${customer.id}`);
    }
    const leavingIds = leaving.map((r) => r.id);
    if (!(await hasOtherLiveRecords(trx, customer.id, leavingIds))) {
      throw new AppError('IH_VALIDATION', 'a split must leave at least one record behind');
    }
    if (!before.golden_ready) await buildGoldenState(trx, ctx, [customer.id]);
    const created = await insertCustomer(trx, stateOfRows(leaving, ctx.sourceSystems.trustOf));
    await moveRecordsByIds(trx, leavingIds, created.id);
    // Set-based: the leaving records' keys leave the old customer and make up the new one's state.
    const delta = new Deltas(ctx.sourceSystems.trustOf);
    delta.remove(leaving);
    await delta.write(trx, ctx);
    await writeGoldenStateOf(
      trx,
      ctx,
      leaving.map((r) => ({ ...r, customer_id: created.id })),
    );
    await markGoldenReady(trx, created.id);
    const after = await writeCustomerGolden(
      trx,
      customer.id,
      await readGolden(trx, customer.id),
      delta.countersOf(customer.id),
    );
    const perRecord = Math.max(1, Math.floor(MAX_SEPARATE_PAIRS / leavingIds.length));
    await separateFromCustomer(trx, leavingIds, customer.id, perRecord, actor.id);
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
      customerEvent(before, after, reason),
    ]);
    return {
      customer: toCustomer(after),
      newCustomer: toCustomer(created),
    };
  });
}
