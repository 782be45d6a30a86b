/** SQL for audit_events: append-only history, always written in the changing transaction. */
import type { Kysely, Transaction } from 'kysely';
import { jsonb } from './json.js';
import type { ActorType, AuditEventRow, DB } from './schema.js';

export interface NewAuditEvent {
  actor: string;
  actorType: ActorType;
  action: string;
  customerId: string | null;
  sourceSystem?: string | null;
  sourceRecordId?: string | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

/** One multi-row INSERT for all events of a change. */
export async function insertAuditEvents(trx: Transaction<DB>, events: NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('audit_events')
    .values(
      events.map((e) => ({
        actor: e.actor,
        actor_type: e.actorType,
        action: e.action,
        customer_id: e.customerId,
        source_system: e.sourceSystem ?? null,
        source_record_id: e.sourceRecordId ?? null,
        reason: e.reason ?? null,
        before: e.before === undefined || e.before === null ? null : jsonb(e.before),
        after: e.after === undefined || e.after === null ? null : jsonb(e.after),
      })),
    )
    .execute();
}

/** Newest first, keyset-paged by id (audit_events_customer_idx). */
export async function listCustomerEvents(
  db: Kysely<DB>,
  customerIds: string[],
  limit: number,
  beforeId?: number,
): Promise<AuditEventRow[]> {
  if (customerIds.length === 0) return [];
  let q = db.selectFrom('audit_events').selectAll().where('customer_id', 'in', customerIds);
  if (beforeId !== undefined) q = q.where('id', '<', beforeId);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export async function listRecordEvents(
  db: Kysely<DB>,
  sourceSystem: string,
  sourceRecordId: string,
): Promise<AuditEventRow[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('source_system', '=', sourceSystem)
    .where('source_record_id', '=', sourceRecordId)
    .orderBy('id')
    .execute();
}
