/** SQL for api_keys. Keys are only ever handled as their sha256 hex here. */
import type { Kysely, Transaction } from 'kysely';
import type { ApiKeyRow, DB, NewApiKeyRow } from './schema.js';

export async function insertApiKey(trx: Transaction<DB>, row: NewApiKeyRow): Promise<ApiKeyRow> {
  return trx.insertInto('api_keys').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The live (not revoked) key with this hash, if any. Served by the unique index on key_hash. */
export async function findActiveApiKey(db: Kysely<DB>, keyHash: string): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}
