/** SQL for source_systems. */
import type { Kysely, Transaction } from 'kysely';
import type { DB, NewSourceSystemRow, SourceSystemRow } from './schema.js';

export async function insertSourceSystem(trx: Transaction<DB>, row: NewSourceSystemRow): Promise<SourceSystemRow> {
  return trx.insertInto('source_systems').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findSourceSystem(db: Kysely<DB>, name: string): Promise<SourceSystemRow | undefined> {
  return db.selectFrom('source_systems').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function findSourceSystemByDisplayName(
  db: Kysely<DB>,
  displayName: string,
): Promise<SourceSystemRow | undefined> {
  return db.selectFrom('source_systems').selectAll().where('display_name', '=', displayName).executeTakeFirst();
}

export async function listSourceSystemRows(db: Kysely<DB>): Promise<SourceSystemRow[]> {
  return db.selectFrom('source_systems').selectAll().orderBy('name').execute();
}
