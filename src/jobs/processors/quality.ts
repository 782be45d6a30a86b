/**
 * `quality`: recomputes and stores every system's data-quality profile (src/quality: the report
 * API serves these stored profiles), then keeps the headline figures per system in the job's counts,
 * so the nightly runs leave a dated history in batch_runs.
 */
import { qualityReport, refreshQualitySummaries } from '../../mdm/index.js';
import type { QualityPayload } from '../catalog.js';
import type { JobContext, JobOutcome } from '../types.js';

export async function processQuality(_payload: QualityPayload, ctx: JobContext): Promise<JobOutcome> {
  const systems = await refreshQualitySummaries(ctx.mdm);
  await ctx.save({ progress: 90, counts: { systems }, errors: [] });
  const report = await qualityReport(ctx.mdm);
  const sources = Object.fromEntries(
    report.sources.map((s) => [
      s.sourceSystem,
      {
        records: s.records,
        customers: s.customers,
        duplicateRate: s.duplicateRate,
        recordsWithProblems: s.recordsWithProblems,
        invalidAddresses: s.invalidAddresses,
        invalidPhones: s.invalidPhones,
        invalidEmails: s.invalidEmails,
        missingRequired: s.missingRequired,
      },
    ]),
  );
  return { status: 'completed', counts: { generatedAt: report.generatedAt, systems: report.sources.length, sources } };
}
