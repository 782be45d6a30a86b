import { describe, expect, it } from 'vitest';
import { clusterPairs } from './cluster.js';

describe('clusterPairs', () => {
  // 0-1-2 strongly linked to each other; 3 links strongly to 2 only and scores low with 0 and 1.
  const left = Int32Array.from([0, 0, 1, 2]);
  const right = Int32Array.from([1, 2, 2, 3]);
  const probability = Float64Array.from([0.99, 0.98, 0.97, 0.96]);
  const cross = (i: number, j: number) => (Math.min(i, j) === 2 || (i !== 3 && j !== 3) ? 0.99 : 0.01);

  it('keeps a record out of a cluster it reaches through one link only (chain guard)', () => {
    const c = clusterPairs({
      records: 4,
      left,
      right,
      probability,
      thresholds: { merge: 0.9, review: 0.5 },
      scoreCross: cross,
    });
    expect(c.clusterOf[0]).toBe(c.clusterOf[1]);
    expect(c.clusterOf[1]).toBe(c.clusterOf[2]);
    expect(c.clusterOf[3]).not.toBe(c.clusterOf[2]);
    expect(c.clusters).toBe(2);
    expect(c.links).toBe(2);
    expect(c.review).toEqual([{ pair: 3, reason: 'weak-bridge' }]);
  });

  it('joins it when the cross pairs support the link', () => {
    const c = clusterPairs({
      records: 4,
      left,
      right,
      probability,
      thresholds: { merge: 0.9, review: 0.5 },
      scoreCross: () => 0.99,
    });
    expect(new Set(c.clusterOf).size).toBe(1);
    expect(c.links).toBe(3);
    expect(c.review).toEqual([]);
  });
});
