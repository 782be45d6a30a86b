/**
 * Audit trail: every change writes its events in the transaction that makes the change, so the
 * history can never disagree with the data.
 */
import type { Transaction } from 'kysely';
import { listRedirectsTo } from '../store/customers.js';
import { insertAuditEvents, listCustomerEvents, type NewAuditEvent } from '../store/audit-events.js';
import type { AuditEventRow, DB } from '../store/schema.js';
import type { MdmContext } from './context.js';
import { resolveCustomerOrThrow } from './golden/customer-state.js';
import type { Actor, AuditEvent } from './types.js';

export type AuditInput = Omit<NewAuditEvent, 'actor' | 'actorType'>;

export async function writeAuditEvents(trx: Transaction<DB>, actor: Actor, events: AuditInput[]): Promise<void> {
  await insertAuditEvents(
    trx,
    events.map((e) => ({ ...e, actor: actor.id, actorType: actor.type })),
  );
}

export async function writeAuditEvent(trx: Transaction<DB>, actor: Actor, event: AuditInput): Promise<void> {
  await writeAuditEvents(trx, actor, [event]);
}

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: String(row.id),
    occurredAt: row.occurred_at.toISOString(),
    actor: { type: row.actor_type, id: row.actor },
    action: row.action,
    customerId: row.customer_id,
    sourceSystem: row.source_system,
    sourceRecordId: row.source_record_id,
    reason: row.reason,
    before: row.before,
    after: row.after,
  };
}

/**
 * History of a customer, newest first. For a surviving customer it includes the events of the ids
 * merged into it (their history is part of its history).
 */
export async function getCustomerHistory(
  ctx: MdmContext,
  id: string,
  opts: { limit: number; beforeId?: string | undefined },
): Promise<AuditEvent[]> {
  const { customer } = await resolveCustomerOrThrow(ctx.database.db, id);
  const ids = await mergedAliases(ctx, customer.id);
  const before = opts.beforeId === undefined ? undefined : Number(opts.beforeId);
  const rows = await listCustomerEvents(ctx.database.db, ids, opts.limit, Number.isFinite(before) ? before : undefined);
  return rows.map(toAuditEvent);
}

async function mergedAliases(ctx: MdmContext, id: string): Promise<string[]> {
  return [id, ...(await listRedirectsTo(ctx.database.db, id))];
}
