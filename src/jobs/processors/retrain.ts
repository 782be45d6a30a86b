/** `retrain`: trains a model on the live records and promotes it through mdm's gate (mdm/matching/retrain.ts). */
import { retrainModel } from '../../mdm/index.js';
import type { RetrainPayload } from '../catalog.js';
import type { JobContext, JobOutcome } from '../types.js';

export async function processRetrain(payload: RetrainPayload, ctx: JobContext): Promise<JobOutcome> {
  const r = await retrainModel(ctx.mdm, payload, (counts) => ctx.save({ progress: 70, counts, errors: [] }));
  return { status: r.cancelled ? 'cancelled' : 'completed', counts: r.counts };
}
