/**
 * `retrain`: EM training (C's batch pipeline with train: true) on a sample of live records, stored
 * as a new candidate version in match_models; promoted only when it classifies the stored steward
 * decisions (merge / separate, at the upper threshold) at least as well as the active model.
 * With no steward decisions yet there is nothing to be worse on, and the new model is promoted.
 */
import { runBatchDedupe } from '../../batch/pipeline.js';
import { batchThresholds } from '../../config.js';
import { scorePair, standardize } from '../../mdm/matching/active-model.js';
import type { MatchModel } from '../../match/index.js';
import { listLiveRecordsForDedupe, listStewardDecisionPairs, type StewardPairRow } from '../../store/dedupe-scan.js';
import { insertCandidateModel, promoteModel } from '../../store/models.js';
import type { JsonObject } from '../../store/schema.js';
import type { RetrainPayload } from '../catalog.js';
import type { JobContext, JobOutcome } from '../types.js';

const DEFAULT_SAMPLE = 50_000;
const MAX_STEWARD_PAIRS = 20_000;

export async function processRetrain(payload: RetrainPayload, ctx: JobContext): Promise<JobOutcome> {
  const db = ctx.mdm.database.db;
  const rows = await listLiveRecordsForDedupe(db);
  const sample = evenSample(rows, payload.sampleSize ?? DEFAULT_SAMPLE).map((r) => r.raw);
  const active = await ctx.mdm.models.current();
  const trained = await runBatchDedupe(sample, {
    standardize: ctx.mdm.settings.standardize,
    model: active.model,
    train: true,
    thresholds: batchThresholds(ctx.mdm.settings),
  });
  const counts = { sample: sample.length, stage: 'trained' };
  if (!(await ctx.save({ progress: 70, counts, errors: [] }))) return { status: 'cancelled', counts };
  const pairs = await listStewardDecisionPairs(db, MAX_STEWARD_PAIRS);
  const oldScore = agreement(active.model, pairs, ctx);
  const newScore = agreement(trained.model, pairs, ctx);
  const promote = payload.force === true || newScore >= oldScore;
  const stats = {
    sample: sample.length,
    stewardPairs: pairs.length,
    agreementActive: oldScore,
    agreementNew: newScore,
  };
  const version = await db.transaction().execute(async (trx) => {
    const row = await insertCandidateModel(trx, trained.model as unknown as JsonObject, stats);
    if (promote) await promoteModel(trx, row.version);
    return row.version;
  });
  if (promote) await ctx.mdm.models.refresh();
  return { status: 'completed', counts: { ...stats, version, promoted: promote, previousVersion: active.version } };
}

/** Share of steward decisions the model agrees with at the upper threshold (1 when there are none). */
function agreement(model: MatchModel, pairs: StewardPairRow[], ctx: JobContext): number {
  if (pairs.length === 0) return 1;
  const options = ctx.mdm.settings.standardize;
  let agree = 0;
  for (const p of pairs) {
    const a = standardize(p.raw_a, options).std;
    const b = standardize(p.raw_b, options).std;
    const merge = scorePair(model, a, b).probability >= ctx.mdm.settings.matchUpperThreshold;
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
