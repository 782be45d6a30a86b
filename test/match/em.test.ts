/**
 * Splink-style convergence test: comparison vectors are drawn from a mixture with KNOWN m, u and
 * match share; EM, starting from wrong m and given u, must recover m and the share.
 */
import { describe, expect, it } from 'vitest';
import { runEm } from '../../src/match/train/em.js';
import { mulberry32 } from '../../src/match/train/prng.js';
import { estimatePrior } from '../../src/match/train/prior.js';

function draw(rand: () => number, probs: number[]): number {
  let x = rand();
  for (let i = 0; i < probs.length; i++) {
    x -= probs[i]!;
    if (x <= 0) return i;
  }
  return probs.length - 1;
}

const trueM = [
  [0.7, 0.2, 0.1],
  [0.85, 0.1, 0.05],
  [0.6, 0.3, 0.1],
  [0.9, 0.1],
];
const trueU = [
  [0.02, 0.08, 0.9],
  [0.01, 0.04, 0.95],
  [0.05, 0.15, 0.8],
  [0.1, 0.9],
];

function synthesise(n: number, lambda: number, missingRate: number, seed: number): Uint8Array {
  const rand = mulberry32(seed);
  const C = trueM.length;
  const gamma = new Uint8Array(n * C);
  for (let p = 0; p < n; p++) {
    const match = rand() < lambda;
    for (let c = 0; c < C; c++) {
      // Level 0 is "missing": present independently of match status, as the engine assumes.
      gamma[p * C + c] = rand() < missingRate ? 0 : draw(rand, (match ? trueM : trueU)[c]!) + 1;
    }
  }
  return gamma;
}

describe('EM recovers known parameters', () => {
  it.each([
    { lambda: 0.3, missing: 0 },
    { lambda: 0.1, missing: 0.2 },
  ])('m within 0.03 and λ within 0.02 (λ=$lambda, missing=$missing)', ({ lambda, missing }) => {
    const n = 60_000;
    const gamma = synthesise(n, lambda, missing, 7);
    const start = trueM.map((levels) => levels.map(() => 1 / levels.length));
    const result = runEm({
      gamma,
      comparisons: trueM.length,
      pairs: Array.from({ length: n }, (_, i) => i),
      excluded: new Set(),
      m: start.map((l, c) => l.map((x, i) => (i === 0 ? x + 0.2 : x - 0.2 / (trueM[c]!.length - 1)))),
      u: trueU,
      lambda: 0.5,
    });
    expect(result.converged).toBe(true);
    expect(Math.abs(result.lambda - lambda)).toBeLessThan(0.02);
    result.m.forEach((levels, c) => levels.forEach((m, l) => expect(Math.abs(m - trueM[c]![l]!)).toBeLessThan(0.03)));
  });

  it('leaves excluded comparisons untouched', () => {
    const gamma = synthesise(5_000, 0.3, 0, 3);
    const m = trueM.map((l) => l.map(() => 1 / l.length));
    const result = runEm({
      gamma,
      comparisons: 4,
      pairs: Array.from({ length: 5000 }, (_, i) => i),
      excluded: new Set([1]),
      m,
      u: trueU,
    });
    expect(result.m[1]).toEqual(m[1]);
    expect(result.m[0]).not.toEqual(m[0]);
  });
});

describe('prior from the data', () => {
  it('finds the share of matches among all pairs when candidates separate cleanly', () => {
    // 1,000 clear matches (+20 bits) and 9,000 clear non-matches (-20 bits) among 10^7 pairs.
    const bits = new Float64Array(10_000).map((_, i) => (i < 1000 ? 20 : -20));
    const { prior } = estimatePrior(bits, 1e7);
    expect(prior).toBeGreaterThan(0.9e-4);
    expect(prior).toBeLessThan(1.1e-4);
  });
});
