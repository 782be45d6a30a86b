/**
 * `quality`: recomputes the per-source data-quality report (src/quality, E2) and keeps its headline
 * figures per system in the job's counts, so the nightly run leaves a dated history in batch_runs.
 */
import { qualityReport } from '../../quality/index.js';
import type { QualityPayload } from '../catalog.js';
import type { JobContext, JobOutcome } from '../types.js';

export async function processQuality(_payload: QualityPayload, ctx: JobContext): Promise<JobOutcome> {
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
