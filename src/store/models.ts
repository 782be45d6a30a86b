/** SQL for match_models: versioned Fellegi-Sunter models; at most one is active. */
import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonb } from './json.js';
import { notify } from './notifications.js';
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

/** Every process listens here for a newly promoted model (payload: its version). */
export const MODEL_PROMOTED_CHANNEL = 'ih_model_promoted';

/** Models newest first (the model JSON itself left out: it can be large). */
export async function listModels(db: Kysely<DB>, limit: number): Promise<Omit<MatchModelRow, 'model'>[]> {
  return db
    .selectFrom('match_models')
    .select(['version', 'created_at', 'status', 'training_stats', 'promoted_at'])
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
}

/** Serialises promotions (a second auto-train racing the first sees its model and stops). */
export async function lockModels(trx: Transaction<DB>): Promise<void> {
  await sql`lock table match_models in share row exclusive mode`.execute(trx);
}

/**
 * Retires the active model and activates `version`, atomically (one-active unique index), and
 * notifies every listening process on commit.
 */
export async function promoteModel(trx: Transaction<DB>, version: number): Promise<void> {
  await trx.updateTable('match_models').set({ status: 'retired' }).where('status', '=', 'active').execute();
  await trx
    .updateTable('match_models')
    .set({ status: 'active', promoted_at: sql`now()` })
    .where('version', '=', version)
    .execute();
  await notify(trx, MODEL_PROMOTED_CHANNEL, String(version));
}
