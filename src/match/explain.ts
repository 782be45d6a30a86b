/**
 * Field-by-field explanation of one pair's score: each comparison's level, the values compared and
 * its weight (log2 m/u, plus the term-frequency adjustment on exact levels). The prior weight plus
 * the field weights equals the total weight exactly. Plain data: JSON-serialisable.
 */
import type { StdRecord } from '../standardize/types.js';
import { levelLabels, levelOf } from './comparisons.js';
import { BLOCK_MESSAGES, corroboratingEvidence, mergeBlockReason } from './evidence-policy.js';
import { isRuleGeneric, type GenericValues } from './generic-values.js';
import { compileModel, probabilityOf, tfAdjustment, type MatchModel } from './model.js';
import { pairFullNameBits } from './score.js';

export interface FieldExplanation {
  field: string;
  level: string;
  valueA: string | null;
  valueB: string | null;
  /** log2 Bayes factor of this field's level including `tfAdjustment` (0 for missing). */
  weight: number;
  /** Part of `weight` from the term-frequency adjustment (0 when not adjusted). */
  tfAdjustment: number;
  m: number | null;
  u: number | null;
}

export interface MatchExplanation {
  priorWeight: number;
  fields: FieldExplanation[];
  /** priorWeight + sum of field weights. */
  totalWeight: number;
  probability: number;
  /** The evidence policy on this pair: why an automatic merge is refused (null: allowed), and what corroborates. */
  evidence: { blockReason: string | null; message: string; corroboratedBy: string[] };
}

export function explainPair(model: MatchModel, a: StdRecord, b: StdRecord, generic?: GenericValues): MatchExplanation {
  const cm = compileModel(model);
  const levels = cm.defs.map((def) => levelOf(def, a, b));
  // A value is generic by the batch's statistics (when given) or by rule (role mailbox, 0000000).
  const isGeneric = (c: number) => {
    const def = cm.defs[c]!;
    return [def.get(a), def.get(b)].some(
      (v) => v !== null && (generic?.values[def.name]?.includes(v) === true || isRuleGeneric(def.name, v)),
    );
  };
  const fields = cm.defs.map((def, c): FieldExplanation => {
    const level = levels[c]!;
    const valueA = def.get(a);
    const tf = level === 1 && cm.tf[c] ? tfAdjustment(cm, c, valueA!) : 0;
    const found = level === 0 ? undefined : model.comparisons.find((x) => x.name === def.name)?.levels[level - 1];
    // m and u explain the weight only where it is log2(m/u): a conflict-only comparison's agreement
    // is capped at 0 (no evidence), and showing m/u beside it would contradict the weight.
    const stored = found && Math.log2(found.m / found.u) === cm.weights[c]![level] ? found : undefined;
    return {
      field: def.name,
      level: levelLabels(def)[level]!,
      valueA,
      valueB: def.get(b),
      weight: cm.weights[c]![level]! + tf,
      tfAdjustment: tf,
      m: stored?.m ?? null,
      u: stored?.u ?? null,
    };
  });
  const fullName = pairFullNameBits(cm, a, b);
  if (fullName !== 0)
    fields.push({
      field: 'fullName',
      level: 'exact (frequent full name)',
      valueA: a.displayName,
      valueB: b.displayName,
      weight: fullName,
      tfAdjustment: fullName,
      m: null,
      u: null,
    });
  const totalWeight = fields.reduce((s, f) => s + f.weight, cm.priorWeight);
  const blockReason = mergeBlockReason(cm, levels, isGeneric);
  const corroboratedBy = corroboratingEvidence(cm, levels, isGeneric);
  const message =
    blockReason === null
      ? `auto-merge allowed: corroborated by ${corroboratedBy.join(', ')}`
      : BLOCK_MESSAGES[blockReason]!;
  const evidence = { blockReason, message, corroboratedBy };
  return { priorWeight: cm.priorWeight, fields, totalWeight, probability: probabilityOf(totalWeight), evidence };
}

/** A terminal-readable rendering of an explanation. */
export function formatExplanation(e: MatchExplanation, labelA = 'A', labelB = 'B'): string {
  const fmt = (w: number) => (w >= 0 ? '+' : '') + w.toFixed(2);
  const rows = e.fields.map((f) => {
    const tf = f.tfAdjustment !== 0 ? ` (tf ${fmt(f.tfAdjustment)})` : '';
    return `  ${f.field.padEnd(13)} ${f.level.padEnd(26)} ${fmt(f.weight).padStart(7)}${tf}\n      ${labelA}: ${f.valueA ?? '∅'}\n      ${labelB}: ${f.valueB ?? '∅'}`;
  });
  return [
    `prior (log2 odds)${' '.repeat(23)}${fmt(e.priorWeight).padStart(7)}`,
    ...rows,
    `total match weight${' '.repeat(22)}${fmt(e.totalWeight).padStart(7)}`,
    `match probability ${e.probability.toFixed(6)}`,
    `evidence policy   ${e.evidence.message}`,
  ].join('\n');
}
