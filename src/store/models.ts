/** SQL for match_models: versioned Fellegi-Sunter models; at most one is active. */
import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonb } from './json.js';
import type { DB, JsonObject, MatchModelRow } from './schema.js';

export async function findActiveModel(db: Kysely<DB>): Promise<MatchModelRow | undefined> {
  return db.selectFrom('match_models').selectAll().where('status', '=', 'active').executeTakeFirst();
}

export async function findModel(db: Kysely<DB>, version: number): Promise<MatchModelRow | undefined> {
  return db.selectFrom('match_models').selectAll().where('version', '=', version).executeTakeFirst();
}

export async function insertCandidateModel(
  trx: Transaction<DB>,
  model: JsonObject,
  trainingStats: JsonObject,
): Promise<MatchModelRow> {
  return trx
    .insertInto('match_models')
    .values({ model: jsonb(model), training_stats: jsonb(trainingStats) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Retires the active model and activates `version`, atomically (one-active unique index). */
export async function promoteModel(trx: Transaction<DB>, version: number): Promise<void> {
  await trx.updateTable('match_models').set({ status: 'retired' }).where('status', '=', 'active').execute();
  await trx
    .updateTable('match_models')
    .set({ status: 'active', promoted_at: sql`now()` })
    .where('version', '=', version)
    .execute();
}
