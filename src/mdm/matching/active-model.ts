/** The active match model of the deployment, as stored in match_models. */
import type { Kysely } from 'kysely';
import { defaultModel, parseModel, type MatchModel } from '../../match/index.js';
import { findActiveModel } from '../../store/models.js';
import type { DB } from '../../store/schema.js';

export interface ActiveModel {
  /** match_models.version, or null for the built-in untrained default. */
  version: number | null;
  model: MatchModel;
}

/**
 * The active model from match_models, or the default model when none is active. A stored model
 * that does not parse is not used (the default is, and the caller's log says why): a bad row must
 * not stop ingest.
 */
export async function loadActiveModel(
  db: Kysely<DB>,
  onInvalid?: (version: number, problems: string[]) => void,
): Promise<ActiveModel> {
  const row = await findActiveModel(db);
  if (!row) return { version: null, model: defaultModel() };
  const parsed = parseModel(row.model);
  if (parsed.ok) return { version: row.version, model: parsed.model };
  onInvalid?.(row.version, parsed.problems);
  return { version: null, model: defaultModel() };
}
