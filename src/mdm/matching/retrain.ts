/**
 * Retraining (the `retrain` job, the nightly schedule and the first-model auto-train call it): EM
 * training (the batch pipeline with train: true) on a sample of live records, stored as a new
 * version in match_models, promoted only through the quality gate (model-gate.ts): the first
 * trained model always; later ones when they agree with the stewards at least as well and shift
 * few decisions; otherwise held as a candidate for an admin. Promotion notifies every process.
 */
import { runBatchDedupe } from '../../batch/pipeline.js';
import { batchThresholds } from '../../config.js';
import { parseModel, scorePair } from '../../match/index.js';
import { standardizeRecord } from '../../standardize/index.js';
import type { MatchModel } from '../../match/index.js';
import { listLiveRecordsForDedupe, listStewardDecisionPairs, type StewardPairRow } from '../../store/dedupe-scan.js';
import { findActiveModel, insertCandidateModel, lockModels, promoteModel } from '../../store/models.js';
import type { JsonObject } from '../../store/schema.js';
import type { MdmContext } from '../context.js';
import { decisionShift, gateVerdict } from './model-gate.js';

export interface RetrainOptions {
  /** Live records trained on (an even sample of the table). */
  sampleSize?: number | undefined;
  /** Promote even when the new model agrees less with the stewards. */
  force?: boolean | undefined;
}

export interface RetrainResult {
  cancelled: boolean;
  counts: JsonObject;
}

/** Called at a safe point with the counts so far; false stops the retrain (a cancelled job). */
export type RetrainCheckpoint = (counts: JsonObject) => Promise<boolean>;

const DEFAULT_SAMPLE = 50_000;
const MAX_STEWARD_PAIRS = 20_000;

export async function retrainModel(
  ctx: MdmContext,
  payload: RetrainOptions,
  checkpoint: RetrainCheckpoint,
): Promise<RetrainResult> {
  const db = ctx.database.db;
  const rows = await listLiveRecordsForDedupe(db);
  const sample = evenSample(rows, payload.sampleSize ?? DEFAULT_SAMPLE).map((r) => r.raw);
  const active = await ctx.models.current();
  const trained = await runBatchDedupe(sample, {
    standardize: ctx.settings.standardize,
    model: active.model,
    train: true,
    thresholds: batchThresholds(ctx.settings),
  });
  const counts = { sample: sample.length, stage: 'trained' };
  if (!(await checkpoint(counts))) return { cancelled: true, counts };
  const pairs = await listStewardDecisionPairs(db, MAX_STEWARD_PAIRS);
  const gate = gateVerdict({
    firstModel: active.version === null,
    force: payload.force === true,
    shift: decisionShift(active.model, trained.model, trained, ctx.settings),
    agreementActive: agreement(active.model, pairs, ctx),
    agreementNew: agreement(trained.model, pairs, ctx),
    maxShift: ctx.settings.modelGateMaxShift,
  });
  // A degenerate training fell back to the expert m: say so in the job's result, not only in a log.
  const sanity = trained.model.training?.sanity;
  const training = { trainingFellBack: sanity?.fellBack ?? false, trainingProblems: sanity?.problems ?? [] };
  const stats = { sample: sample.length, ...training, stewardPairs: pairs.length, gate };
  const { version, promoted } = await db.transaction().execute(async (trx) => {
    await lockModels(trx);
    const row = await insertCandidateModel(trx, trained.model as unknown as JsonObject, stats);
    // A first model trained by two processes at once: the later one stays a candidate.
    const current = active.version === null ? await findActiveModel(trx) : undefined;
    const raced = current !== undefined && parseModel(current.model).ok && payload.force !== true;
    if (gate.passed && !raced) await promoteModel(trx, row.version);
    return { version: row.version, promoted: gate.passed && !raced };
  });
  if (promoted) await ctx.models.refresh();
  ctx.logger.info({ version, promoted, gate }, promoted ? 'match model promoted' : 'match model held');
  return {
    cancelled: false,
    counts: {
      sample: sample.length,
      ...training,
      stewardPairs: pairs.length,
      ...gate,
      version,
      promoted,
      previousVersion: active.version,
    },
  };
}

/** Share of steward decisions the model agrees with at the upper threshold (1 when there are none). */
function agreement(model: MatchModel, pairs: StewardPairRow[], ctx: MdmContext): number {
  if (pairs.length === 0) return 1;
  const options = ctx.settings.standardize;
  let agree = 0;
  for (const p of pairs) {
    const a = standardizeRecord(p.raw_a, options).std;
    const b = standardizeRecord(p.raw_b, options).std;
    const merge = scorePair(model, a, b).probability >= ctx.settings.matchUpperThreshold;
    if (merge === (p.decision === 'steward_merge')) agree += 1;
  }
  return agree / pairs.length;
}

/** Every k-th row, so the sample spreads over the whole table (ids grow with load time). */
function evenSample<T>(rows: T[], size: number): T[] {
  if (rows.length <= size) return rows;
  const step = rows.length / size;
  return Array.from({ length: size }, (_, i) => rows[Math.floor(i * step)] as T);
}
