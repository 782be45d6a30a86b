/**
 * Constraints every model satisfies, whatever EM converged to (the data cannot talk the model out of
 * them):
 * - monotonicity: along a comparison's chain of levels (exact, then looser thresholds, then else) the
 *   weight log2(m/u) never rises; a `sideways` level (nickname, swapped parts, phonetic code, word
 *   overlap) lies between the exact level and "else", and never rises along its own side chain. Violations are pooled (pool-adjacent-violators, the isotonic
 *   regression of the likelihood ratio), which keeps each pooled block's total m;
 * - strong disagreement: "else" of a name or date of birth weighs at most its `maxElseBits`.
 */
import type { ComparisonDef } from '../comparisons.js';

/** Level indices of the main chain (exact first, else last) and of each side chain, in level order. */
function chains(def: ComparisonDef, L: number): { main: number[]; side: number[][] } {
  const main: number[] = [];
  const side = new Map<string, number[]>();
  def.levels.forEach((l, i) => {
    if (l.sideways === undefined) main.push(i);
    else side.set(l.sideways, [...(side.get(l.sideways) ?? []), i]);
  });
  return { main: [...main, L - 1], side: [...side.values()] };
}

/** m (levels without "missing", "else" last) projected onto the constraints; u is unchanged. */
export function constrainM(def: ComparisonDef, m: readonly number[], u: readonly number[]): number[] {
  const out = [...m];
  const { main, side } = chains(def, m.length);
  poolAdjacentViolators(main, out, u);
  const top = out[main[0]!]! / u[main[0]!]!;
  const bottom = out[m.length - 1]! / u[m.length - 1]!;
  for (const chain of side) {
    poolAdjacentViolators(chain, out, u);
    for (const i of chain) {
      const ratio = out[i]! / u[i]!;
      if (ratio > top) out[i] = u[i]! * top;
      else if (ratio < bottom) out[i] = u[i]! * bottom;
    }
  }
  normalise(out);
  if (def.maxElseBits !== null) capElse(out, u, 2 ** def.maxElseBits);
  return out;
}

/** Isotonic (non-increasing) likelihood ratio m/u over the given level indices, in place. */
function poolAdjacentViolators(chain: readonly number[], m: number[], u: readonly number[]): void {
  const blocks: Array<{ from: number; to: number; m: number; u: number }> = [];
  chain.forEach((level, k) => {
    blocks.push({ from: k, to: k, m: m[level]!, u: u[level]! });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.m / prev.u >= last.m / last.u) break;
      blocks.splice(-2, 2, { from: prev.from, to: last.to, m: prev.m + last.m, u: prev.u + last.u });
    }
  });
  for (const b of blocks) for (let k = b.from; k <= b.to; k++) m[chain[k]!] = u[chain[k]!]! * (b.m / b.u);
}

/** Caps the likelihood ratio of "else" (the last level); the other levels share the freed mass. */
function capElse(m: number[], u: readonly number[], maxRatio: number): void {
  const last = m.length - 1;
  const cap = u[last]! * maxRatio;
  if (m[last]! <= cap) return;
  const scale = (1 - cap) / (1 - m[last]!);
  for (let i = 0; i < last; i++) m[i] = m[i]! * scale;
  m[last] = cap;
}

function normalise(m: number[]): void {
  const sum = m.reduce((s, x) => s + x, 0);
  for (let i = 0; i < m.length; i++) m[i] = m[i]! / sum;
}

/** Whether m/u satisfies the constraints (monotone chain, sideways bounded, strong disagreement). */
export function violations(def: ComparisonDef, m: readonly number[], u: readonly number[]): string[] {
  const w = m.map((x, i) => Math.log2(x / u[i]!));
  const eps = 1e-9;
  const out: string[] = [];
  const { main, side } = chains(def, m.length);
  for (const chain of [main, ...side])
    for (let k = 1; k < chain.length; k++)
      if (w[chain[k]!]! > w[chain[k - 1]!]! + eps)
        out.push(`${def.name}: level ${chain[k]! + 1} outweighs a closer level`);
  for (const chain of side)
    for (const i of chain)
      if (w[i]! > w[main[0]!]! + eps || w[i]! < w[m.length - 1]! - eps)
        out.push(`${def.name}: side level ${i + 1} outside exact..else`);
  if (def.maxElseBits !== null && w[m.length - 1]! > def.maxElseBits + 1e-6)
    out.push(`${def.name}: else weighs ${w[m.length - 1]!.toFixed(2)} bits`);
  return out;
}
