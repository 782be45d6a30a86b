/**
 * Value frequencies of each comparison's primary value. They give two things: the exact-level u
 * probability computed exactly (u_exact = Σ f_v², no sampling noise for rare agreements such as
 * email or national id), and the term-frequency tables stored in the model for TF adjustment.
 */
import type { StdRecord } from '../../standardize/types.js';
import type { ComparisonDef } from '../comparisons.js';
import type { TermFrequencies } from '../model.js';

export interface ValueCounts {
  total: number;
  counts: Map<string, number>;
}

export function countValues(def: ComparisonDef, records: readonly StdRecord[]): ValueCounts {
  const counts = new Map<string, number>();
  let total = 0;
  for (const r of records) {
    const v = def.get(r);
    if (v === null || v === '') continue;
    total++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return { total, counts };
}

/** P(two random non-missing values are equal) = Σ f_v² (with replacement; exact enough for n ≫ 1). */
export function exactAgreementU(vc: ValueCounts): number {
  if (vc.total < 2) return 0;
  let sum = 0;
  for (const c of vc.counts.values()) sum += c * (c - 1);
  return sum / (vc.total * (vc.total - 1));
}

/** The model's TF table: the most frequent values seen at least twice (others count as seen once). */
export function termFrequencyTable(vc: ValueCounts, maxValues = 20_000): TermFrequencies {
  const repeated = [...vc.counts.entries()].filter(([, c]) => c >= 2);
  repeated.sort((a, b) => b[1] - a[1]);
  const values: Record<string, number> = {};
  for (const [v, c] of repeated.slice(0, maxValues)) values[v] = c / vc.total;
  return { total: vc.total, values };
}
