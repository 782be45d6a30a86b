/**
 * Weighted choice over a fixed list: cumulative weights plus binary search, O(log n) per draw and
 * no allocation, so the generator can draw millions of names per second.
 */
import type { Rng } from './prng.js';

export class Weighted<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('Weighted: items and weights differ');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      sum += Math.max(0, weights[i] ?? 0);
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  pick(rng: Rng): T {
    const target = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }

  /** Share of the total weight held by item i (for tests and docs). */
  share(i: number): number {
    const prev = i > 0 ? (this.cumulative[i - 1] as number) : 0;
    return ((this.cumulative[i] as number) - prev) / this.total;
  }
}

/** Builds a Weighted from [item, weight] pairs. */
export function weighted<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
  return new Weighted(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
}

/**
 * Builds a Weighted from a rank-ordered list (most frequent first), weight ∝ rank^-exponent.
 * Name frequencies in the public lists follow such a power law closely over their first few
 * hundred ranks; the exponent per list is documented beside the table.
 */
export function zipf<T>(ranked: readonly T[], exponent: number): Weighted<T> {
  return new Weighted(
    ranked,
    ranked.map((_, i) => Math.pow(i + 1, -exponent)),
  );
}

/** Splits a whitespace- or comma-separated word list written compactly in a table file. */
export function words(text: string): string[] {
  return text.split(/[\s,]+/).filter((w) => w.length > 0);
}
