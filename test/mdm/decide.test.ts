import { describe, expect, it } from 'vitest';
import { bestPerCustomer, decide, type DecisionInput, type ScoredCandidate } from '../../src/mdm/ingest/decide.js';

let next = 1;
function cand(customerId: string, probability: number): ScoredCandidate {
  const recordId = next++;
  return {
    recordId,
    customerId,
    sourceSystem: 's',
    sourceRecordId: String(recordId),
    weight: 0,
    probability,
    blockReason: null,
    rejected: false,
  };
}

function input(scored: ScoredCandidate[], over: Partial<DecisionInput> = {}): DecisionInput {
  return {
    scored,
    currentCustomerId: null,
    stewardPairs: new Map(),
    separatedCustomers: new Set(),
    matchUpperThreshold: 0.9,
    matchLowerThreshold: 0.5,
    ...over,
  };
}

describe('decide', () => {
  it('new record: attach at or above upper, review between, create below or with no candidate', () => {
    expect(decide(input([cand('A', 0.9)]))).toMatchObject({ kind: 'attach', customerId: 'A' });
    expect(decide(input([cand('A', 0.7)]))).toMatchObject({ kind: 'review', customerId: null });
    expect(decide(input([cand('A', 0.49)]))).toMatchObject({ kind: 'create' });
    expect(decide(input([]))).toEqual({ kind: 'create', best: null });
  });

  it('applies the evidence policy as the batch does: blocked → review, a contradicting name → apart', () => {
    const blocked = { ...cand('A', 0.99), blockReason: 'no-corroboration', rejected: false };
    expect(decide(input([blocked]))).toMatchObject({ kind: 'review', customerId: null });
    const conflict = { ...cand('A', 0.99), blockReason: 'name-conflict', rejected: true };
    expect(decide(input([conflict]))).toMatchObject({ kind: 'create' });
    // A steward's merge of the pair stands over the policy.
    const merged = { ...cand('A', 0.99), blockReason: 'name-conflict', rejected: true };
    const stewardPairs = new Map([[merged.recordId, 'merge' as const]]);
    expect(decide(input([merged], { stewardPairs }))).toMatchObject({ kind: 'attach', customerId: 'A' });
    // A changed record does not move to a customer the policy blocks.
    const other = { ...cand('B', 0.99), blockReason: 'no-corroboration', rejected: false };
    expect(decide(input([other], { currentCustomerId: 'C' }))).toMatchObject({ kind: 'review', customerId: 'C' });
  });

  it('groups by customer and joins the customer of the single best record', () => {
    const scored = [cand('A', 0.6), cand('A', 0.65), cand('B', 0.95), cand('A', 0.7)];
    expect(bestPerCustomer(scored).map((c) => [c.customerId, c.probability])).toEqual([
      ['B', 0.95],
      ['A', 0.7],
    ]);
    expect(decide(input(scored))).toMatchObject({ kind: 'attach', customerId: 'B' });
  });

  it('never attaches to a customer a steward separated, and a steward merge counts as certain', () => {
    expect(decide(input([cand('A', 0.99), cand('B', 0.2)], { separatedCustomers: new Set(['A']) }))).toMatchObject({
      kind: 'create',
    });
    const merged = cand('C', 0.7);
    expect(decide(input([merged], { stewardPairs: new Map([[merged.recordId, 'merge']]) }))).toMatchObject({
      kind: 'attach',
      customerId: 'C',
    });
    const separated = cand('D', 0.99);
    expect(decide(input([separated], { stewardPairs: new Map([[separated.recordId, 'separate']]) }))).toMatchObject({
      kind: 'create',
    });
  });

  it('changed record stays while it still matches its own customer', () => {
    const d = decide(input([cand('OWN', 0.6), cand('X', 0.99)], { currentCustomerId: 'OWN' }));
    expect(d).toMatchObject({ kind: 'stay', customerId: 'OWN' });
  });

  it('changed record that no longer matches its customer moves only on a sure match, else review or stay', () => {
    const own = { currentCustomerId: 'OWN' };
    expect(decide(input([cand('OWN', 0.1), cand('X', 0.95)], own))).toMatchObject({ kind: 'attach', customerId: 'X' });
    expect(decide(input([cand('X', 0.7)], own))).toMatchObject({ kind: 'review', customerId: 'OWN' });
    expect(decide(input([cand('X', 0.3)], own))).toMatchObject({ kind: 'stay', customerId: 'OWN' });
  });
});
