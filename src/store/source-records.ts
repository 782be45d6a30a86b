/**
 * SQL for source_records: the raw payload of each (source_system, source_record_id), its
 * standardised form, the customer it belongs to, a version and a soft-delete mark.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Problem, RawRecord, StdRecord } from '../standardize/types.js';
import type { DB, SourceRecordRow } from './schema.js';

/** The columns a use case needs to reason about a record (everything but the payload hash). */
export type RecordRow = SourceRecordRow;

export async function findRecordByKey(
  db: Kysely<DB>,
  sourceSystem: string,
  sourceRecordId: string,
): Promise<RecordRow | undefined> {
  return db
    .selectFrom('source_records')
    .selectAll()
    .where('source_system', '=', sourceSystem)
    .where('source_record_id', '=', sourceRecordId)
    .executeTakeFirst();
}

export async function findRecordsByKeys(
  db: Kysely<DB>,
  refs: Array<{ sourceSystem: string; sourceRecordId: string }>,
): Promise<RecordRow[]> {
  if (refs.length === 0) return [];
  return db
    .selectFrom('source_records')
    .selectAll()
    .where((eb) =>
      eb.or(
        refs.map((r) =>
          eb.and([eb('source_system', '=', r.sourceSystem), eb('source_record_id', '=', r.sourceRecordId)]),
        ),
      ),
    )
    .execute();
}

type HashRow = Pick<
  RecordRow,
  'source_system' | 'source_record_id' | 'customer_id' | 'payload_hash' | 'version' | 'deleted_at'
>;

/** The idempotency fields of many records in one round trip (batch path). */
export async function findRecordHashes(
  db: Kysely<DB>,
  refs: Array<{ sourceSystem: string; sourceRecordId: string }>,
): Promise<HashRow[]> {
  if (refs.length === 0) return [];
  const systems = refs.map((r) => r.sourceSystem);
  const ids = refs.map((r) => r.sourceRecordId);
  const result = await sql<HashRow>`
    select r.source_system, r.source_record_id, r.customer_id, r.payload_hash, r.version, r.deleted_at
    from unnest(${systems}::text[], ${ids}::text[]) as k(s, i)
    join source_records r on r.source_system = k.s and r.source_record_id = k.i`.execute(db);
  return result.rows;
}

/** Full rows of many records in one round trip (batch path), by natural key. */
export async function findRecordsByRefs(
  db: Kysely<DB>,
  refs: Array<{ sourceSystem: string; sourceRecordId: string }>,
): Promise<RecordRow[]> {
  if (refs.length === 0) return [];
  const systems = refs.map((r) => r.sourceSystem);
  const ids = refs.map((r) => r.sourceRecordId);
  const result = await sql<RecordRow>`
    select r.* from unnest(${systems}::text[], ${ids}::text[]) as k(s, i)
    join source_records r on r.source_system = k.s and r.source_record_id = k.i`.execute(db);
  return result.rows;
}

export async function findRecordsByIds(db: Kysely<DB>, ids: number[]): Promise<RecordRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('source_records').selectAll().where('id', 'in', ids).execute();
}

export interface NewRecord {
  sourceSystem: string;
  sourceRecordId: string;
  customerId: string | null;
  raw: RawRecord;
  std: StdRecord;
  problems: Problem[];
  payloadHash: string;
  annualValue: number | null;
}

export async function softDeleteRecord(trx: Transaction<DB>, id: number): Promise<RecordRow> {
  return trx
    .updateTable('source_records')
    .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Live (not deleted) records of the given customers, oldest first. */
export async function listLiveRecordsOfCustomers(db: Kysely<DB>, customerIds: string[]): Promise<RecordRow[]> {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('source_records')
    .selectAll()
    .where('customer_id', 'in', customerIds)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Every record of a customer, deleted ones included (cross-reference history), oldest first. */
export async function listRecordsOfCustomer(db: Kysely<DB>, customerId: string): Promise<RecordRow[]> {
  return db.selectFrom('source_records').selectAll().where('customer_id', '=', customerId).orderBy('id').execute();
}

export async function moveAllRecords(trx: Transaction<DB>, fromCustomer: string, toCustomer: string): Promise<number> {
  const res = await trx
    .updateTable('source_records')
    .set({ customer_id: toCustomer })
    .where('customer_id', '=', fromCustomer)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function moveRecordsByIds(trx: Transaction<DB>, ids: number[], toCustomer: string): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('source_records').set({ customer_id: toCustomer }).where('id', 'in', ids).execute();
}

/** Live records whose standardised attribute equals the value (served by 0002 expression indexes). */
export async function findLiveRecordsByStdField(
  db: Kysely<DB>,
  field: 'email' | 'phone' | 'postalCode',
  value: string,
  limit: number,
): Promise<Array<{ customer_id: string | null }>> {
  return db
    .selectFrom('source_records')
    .select('customer_id')
    .where(sql<string>`std->>${sql.lit(field)}`, '=', value)
    .where('deleted_at', 'is', null)
    .where('customer_id', 'is not', null)
    .limit(limit)
    .execute();
}

export async function findLiveRecordsBySourceRecordId(
  db: Kysely<DB>,
  sourceRecordId: string,
  limit: number,
): Promise<Array<{ customer_id: string | null }>> {
  return db
    .selectFrom('source_records')
    .select('customer_id')
    .where('source_record_id', '=', sourceRecordId)
    .where('deleted_at', 'is', null)
    .where('customer_id', 'is not', null)
    .limit(limit)
    .execute();
}
