/** `dedupe`: the batch re-cluster of the stored records (mdm/dedupe/recluster.ts), with progress and cancellation. */
import { reclusterRecords, type Actor } from '../../mdm/index.js';
import type { DedupePayload } from '../catalog.js';
import type { JobContext, JobOutcome } from '../types.js';

export async function processDedupe(payload: DedupePayload, ctx: JobContext): Promise<JobOutcome> {
  const actor: Actor = { type: 'system', id: `dedupe:${ctx.jobId}` };
  const r = await reclusterRecords(ctx.mdm, actor, payload.scope ?? 'changed', (progress, counts) =>
    ctx.save({ progress, counts, errors: [] }),
  );
  return { status: r.cancelled ? 'cancelled' : 'completed', counts: r.counts };
}
