/**
 * The reverse cross-reference look-up, the call-centre's hot path: one indexed query that reads
 * neither the payload nor the golden record (their jsonb would cost more than the look-up itself).
 */
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

export interface RecordCustomerRow {
  customer_id: string | null;
  deleted_at: Date | null;
  /** Set when the record's customer was merged away (the caller follows the redirect). */
  merged_into: string | null;
}

export async function findRecordCustomer(
  db: Kysely<DB>,
  sourceSystem: string,
  sourceRecordId: string,
): Promise<RecordCustomerRow | undefined> {
  return db
    .selectFrom('source_records as r')
    .leftJoin('customers as c', 'c.id', 'r.customer_id')
    .select(['r.customer_id', 'r.deleted_at', 'c.merged_into'])
    .where('r.source_system', '=', sourceSystem)
    .where('r.source_record_id', '=', sourceRecordId)
    .executeTakeFirst();
}
