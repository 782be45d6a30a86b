/**
 * Model (de)serialisation. `parseModel` validates an unknown JSON value and reports problems
 * instead of throwing, so a corrupt stored model is a reportable condition, not a crash.
 */
import { levelLabels } from './comparisons.js';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type MatchModel } from './model.js';
import { comparisonSet, comparisonSetVersion } from './settings.js';

export function serializeModel(model: MatchModel): string {
  return JSON.stringify(model, null, 2);
}

export type ParseModelResult = { ok: true; model: MatchModel } | { ok: false; problems: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isProb = (v: unknown): v is number => typeof v === 'number' && v > 0 && v < 1;

function checkComparisons(model: Record<string, unknown>, problems: string[]): void {
  const defs = typeof model.comparisonSet === 'string' ? comparisonSet(model.comparisonSet) : null;
  if (!defs) {
    problems.push(`unknown comparisonSet ${String(model.comparisonSet)}`);
    return;
  }
  const version = comparisonSetVersion(model.comparisonSet as string);
  if (model.comparisonSetVersion !== version) {
    // The m/u belong to the levels the model was trained on: an older set's model must be retrained.
    problems.push(
      `model was trained on comparison set ${String(model.comparisonSet)} v${String(model.comparisonSetVersion)}; the current version is v${String(version)} (retrain)`,
    );
    return;
  }
  if (!Array.isArray(model.comparisons)) {
    problems.push('comparisons must be an array');
    return;
  }
  for (const def of defs) {
    const c: unknown = model.comparisons.find((x) => isObject(x) && x.name === def.name);
    if (!isObject(c) || !Array.isArray(c.levels)) {
      problems.push(`comparison ${def.name} is missing`);
      continue;
    }
    const labels = levelLabels(def).slice(1);
    const got = c.levels.map((l) => (isObject(l) ? l.label : undefined));
    if (got.join('\u0000') !== labels.join('\u0000'))
      problems.push(`comparison ${def.name}: levels differ from the set`);
    for (const l of c.levels)
      if (!isObject(l) || !isProb(l.m) || !isProb(l.u)) problems.push(`comparison ${def.name}: m/u must be in (0, 1)`);
  }
}

/** Validates a parsed JSON value as a MatchModel of a known format version and comparison set. */
export function parseModel(value: unknown): ParseModelResult {
  const problems: string[] = [];
  if (!isObject(value)) return { ok: false, problems: ['model must be a JSON object'] };
  if (value.format !== MODEL_FORMAT) problems.push(`format must be ${MODEL_FORMAT}`);
  if (value.formatVersion !== MODEL_FORMAT_VERSION)
    problems.push(`unsupported formatVersion ${String(value.formatVersion)}`);
  if (!isProb(value.prior)) problems.push('prior must be in (0, 1)');
  const t = value.thresholds;
  if (!isObject(t) || !isProb(t.merge) || !isProb(t.review) || t.review > t.merge)
    problems.push('thresholds must be probabilities with review <= merge');
  if (!isObject(value.termFrequencies)) problems.push('termFrequencies must be an object');
  checkComparisons(value, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, model: value as unknown as MatchModel };
}

/** Parses model JSON text; syntax errors are reported as problems. */
export function parseModelJson(text: string): ParseModelResult {
  try {
    return parseModel(JSON.parse(text) as unknown);
  } catch (err) {
    return { ok: false, problems: [`invalid JSON: ${(err as Error).message}`] };
  }
}
