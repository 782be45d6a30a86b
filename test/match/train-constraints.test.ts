/**
 * The constraints every trained model satisfies (monotone weights, "completely different" name or
 * date of birth strongly negative), the MAP prior on m, and the sanity check's two signals.
 */
import { describe, expect, it } from 'vitest';
import { NAME_DISAGREEMENT_BITS } from '../../src/match/comparisons.js';
import { defaultComparisons } from '../../src/match/settings.js';
import { priorLevels } from '../../src/match/model.js';
import { constrainM, violations } from '../../src/match/train/constraints.js';
import { runEm } from '../../src/match/train/em.js';
import { mulberry32 } from '../../src/match/train/prng.js';
import { contestedMerges, identityProblems } from '../../src/match/train/sanity.js';

const defs = defaultComparisons();
const def = (name: string) => defs.find((d) => d.name === name)!;

function randomSimplex(rand: () => number, n: number): number[] {
  const x = Array.from({ length: n }, () => -Math.log(rand() + 1e-12));
  const s = x.reduce((a, b) => a + b, 0);
  return x.map((v) => v / s);
}

describe('constrainM', () => {
  it('leaves every expert model as it is (the expert priors already satisfy the constraints)', () => {
    for (const d of defs) {
      const levels = priorLevels(d);
      const m = levels.map((l) => l.m);
      const u = levels.map((l) => l.u);
      expect(violations(d, m, u)).toEqual([]);
      constrainM(d, m, u).forEach((x, i) => expect(x).toBeCloseTo(m[i]!, 12));
    }
  });

  it('projects random m onto monotone, strongly negative, normalised m (2,000 random cases)', () => {
    const rand = mulberry32(11);
    for (let k = 0; k < 2000; k++) {
      const d = defs[k % defs.length]!;
      const L = d.levels.length + 1;
      const m = randomSimplex(rand, L);
      const u = randomSimplex(rand, L);
      const out = constrainM(d, m, u);
      expect(violations(d, out, u)).toEqual([]);
      expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(out.every((x) => x > 0)).toBe(true);
    }
  });

  it('pools two violating levels into one weight and keeps their total m', () => {
    const d = def('postalCode'); // exact, one edit, else
    const u = [0.01, 0.02, 0.97];
    const m = [0.2, 0.7, 0.1]; // one edit (35x) outweighs exact (20x)
    const out = constrainM(d, m, u);
    expect(out[0]! / u[0]!).toBeCloseTo(out[1]! / u[1]!, 9);
    expect(out[0]! + out[1]!).toBeCloseTo(0.9, 9);
  });

  it('caps "else" of a family name learnt from households at the strong-disagreement weight', () => {
    const d = def('familyName');
    const L = d.levels.length + 1;
    const u = priorLevels(d).map((l) => l.u);
    const m = Array.from({ length: L }, (_, i) => (i === L - 1 ? 0.6 : 0.4 / (L - 1)));
    const out = constrainM(d, m, u);
    expect(Math.log2(out[L - 1]! / u[L - 1]!)).toBeLessThanOrEqual(NAME_DISAGREEMENT_BITS + 1e-9);
  });
});

describe('MAP EM', () => {
  const u = [[0.01, 0.99]];
  const prior = [[0.9, 0.1]];
  const gammaOf = (rows: number[]) => ({
    gamma: Uint8Array.from(rows),
    comparisons: 1,
    pairs: rows.map((_, i) => i),
    excluded: new Set<number>(),
    m: prior,
    u,
    lambda: 0.5,
  });
  it('stays near the expert m when a session has few matches, follows the data when it has many', () => {
    // True m(exact) 0.6: 60 % of matches agree. λ is pinned by a clear separation with u.
    const rows = (n: number) => Array.from({ length: n }, (_, i) => (i % 10 < 6 ? 1 : 2));
    const few = runEm({ ...gammaOf(rows(20)), priorM: prior, priorStrength: 50, maxIterations: 1 });
    const many = runEm({ ...gammaOf(rows(20_000)), priorM: prior, priorStrength: 50, maxIterations: 1 });
    const unshrunk = runEm({ ...gammaOf(rows(20)), maxIterations: 1 });
    expect(Math.abs(few.m[0]![0]! - 0.9)).toBeLessThan(Math.abs(unshrunk.m[0]![0]! - 0.9));
    expect(Math.abs(many.m[0]![0]! - unshrunk.m[0]![0]!)).toBeLessThan(0.01);
  });
});

describe('sanity signals', () => {
  it('names an identity comparison whose trained match class does not agree on it', () => {
    const expert = defs.map((d) => priorLevels(d).map((l) => l.m));
    const trained = expert.map((l) => [...l]);
    const g = defs.findIndex((d) => d.name === 'givenName');
    trained[g] = trained[g]!.map((_, i, a) => (i === 0 ? 0.014 : (1 - 0.014) / (a.length - 1)));
    expect(identityProblems(defs, trained, expert)).toEqual([expect.stringMatching(/^givenName: /)]);
    expect(identityProblems(defs, trained, expert, new Set([g]))).toEqual([]);
    expect(identityProblems(defs, expert, expert)).toEqual([]);
  });
  it('counts merges the expert reading contests', () => {
    const trained = Float64Array.from([5, 5, 5, -1]);
    const expert = Float64Array.from([3, -2, 1, -9]);
    expect(contestedMerges(trained, 4, expert)).toEqual({ merges: 3, contested: 1 });
  });
});
