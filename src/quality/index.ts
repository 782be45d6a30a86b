/**
 * The data-quality report. Profiles are expensive to compute at scale (a scan of each system's
 * records), so the nightly quality job calls refreshQualitySummaries() and the report serves the
 * stored profiles; a system never profiled yet, or a request with live=true, is computed on the spot.
 */
import { listQualitySummaries, saveQualitySummary } from '../store/quality.js';
import { listSourceSystemRows } from '../store/source-systems.js';
import { sourceQuality, type QualityContext, type SourceQuality } from './profile.js';

export { sourceQuality, type QualityContext, type SourceQuality } from './profile.js';

export interface QualityReport {
  generatedAt: string;
  sources: SourceQuality[];
}

export interface QualityReadOptions {
  /** Compute now instead of serving the stored profile. */
  live?: boolean;
  now?: () => Date;
}

/** Every registered source system, in name order. */
export async function qualityReport(ctx: QualityContext, opts: QualityReadOptions = {}): Promise<QualityReport> {
  const now = opts.now ?? (() => new Date());
  const systems = await listSourceSystemRows(ctx.database.db);
  const stored = opts.live ? new Map() : await storedProfiles(ctx);
  const sources: SourceQuality[] = [];
  for (const s of systems) sources.push(stored.get(s.name) ?? (await sourceQuality(ctx, s.name, now())));
  return { generatedAt: now().toISOString(), sources };
}

/** One system's profile: stored unless live is asked for or none is stored yet. */
export async function readSourceQuality(
  ctx: QualityContext,
  system: string,
  opts: QualityReadOptions = {},
): Promise<SourceQuality> {
  const stored = opts.live ? undefined : (await storedProfiles(ctx)).get(system);
  return stored ?? sourceQuality(ctx, system, (opts.now ?? (() => new Date()))());
}

/**
 * Recomputes and stores every system's profile (for the nightly quality job). One system at a
 * time, so at most one system's scan runs; returns how many systems were profiled.
 */
export async function refreshQualitySummaries(
  ctx: QualityContext,
  now: () => Date = () => new Date(),
): Promise<number> {
  const systems = await listSourceSystemRows(ctx.database.db);
  for (const s of systems) {
    const profile = await sourceQuality(ctx, s.name, now());
    await saveQualitySummary(ctx.database.db, s.name, profile, new Date(profile.computedAt));
  }
  return systems.length;
}

async function storedProfiles(ctx: QualityContext): Promise<Map<string, SourceQuality>> {
  const rows = await listQualitySummaries<SourceQuality>(ctx.database.db);
  return new Map(
    rows.map((r) => [r.source_system, { ...r.summary, computedAt: r.computed_at.toISOString(), live: false }]),
  );
}
