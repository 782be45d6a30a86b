/**
 * The one place where mdm/ meets the pure standardisation and matching engines (src/standardize,
 * src/match), so a change in their exports is absorbed here and nowhere else.
 */
import type { Kysely } from 'kysely';
import {
  blockingKeys,
  defaultModel,
  explainPair as explainWithModel,
  parseModel,
  scorePair as scoreWithModel,
  type MatchModel,
} from '../../match/index.js';
import { standardizeRecord } from '../../standardize/index.js';
import type { RawRecord, StandardizeOptions, StandardizeResult, StdRecord } from '../../standardize/types.js';
import { findActiveModel } from '../../store/models.js';
import type { DB } from '../../store/schema.js';
import type { MatchExplanation } from '../types.js';

export interface ActiveModel {
  /** match_models.version, or null for the built-in untrained default. */
  version: number | null;
  model: MatchModel;
}

export function standardize(raw: RawRecord, options: StandardizeOptions): StandardizeResult {
  return standardizeRecord(raw, options);
}

export function blockingKeysOf(std: StdRecord): string[] {
  return blockingKeys(std);
}

export function scorePair(model: MatchModel, a: StdRecord, b: StdRecord): { weight: number; probability: number } {
  return scoreWithModel(model, a, b);
}

export function explainPair(model: MatchModel, a: StdRecord, b: StdRecord): MatchExplanation {
  return explainWithModel(model, a, b);
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
