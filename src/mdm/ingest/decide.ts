/**
 * The real-time decision for one incoming record, as a pure function of its scored candidates
 * (DESIGN.md "decide"). Candidates are first reduced to the best-scoring record per customer, so a
 * record joins a customer on its single best supported link, never through a chain of weak ones.
 *
 * Rules, with p = the best customer's match probability:
 * - customers holding a record a steward separated from this one are never candidates;
 * - a pair a steward merged counts as p = 1 (a steward decision is final, never re-reviewed);
 * - new record: p ≥ upper → attach; lower ≤ p < upper → new customer + review task for the pair;
 *   otherwise a new customer;
 * - the evidence policy applies as in batch: a candidate at p ≥ upper whose pair the policy blocks is
 *   reviewed instead of joined (or, for a contradicting name, left apart); a steward merge overrides it;
 * - changed record already in customer C: it stays in C while it still matches one of C's other
 *   records at p ≥ lower (or C has no other records and nothing better exists); it moves to another
 *   customer only on p ≥ upper; lower ≤ p < upper against another customer opens a review task.
 */

export interface ScoredCandidate {
  recordId: number;
  customerId: string;
  sourceSystem: string;
  sourceRecordId: string;
  weight: number;
  probability: number;
  /**
   * The evidence policy on the pair (match/pair-policy.ts, the batch's rule): an automatic merge is
   * refused when set; `rejected` keeps the pair apart without review. Required, so that no path
   * can decide on a score alone (the bulk path once did, and drifted from single upserts).
   */
  blockReason: string | null;
  rejected: boolean;
}

export type StewardVerdict = 'merge' | 'separate';

export interface DecisionInput {
  scored: ScoredCandidate[];
  /** The record's current customer when it already exists (null for a new record). */
  currentCustomerId: string | null;
  /** Steward decisions between this record and others: other record id → verdict. */
  stewardPairs: Map<number, StewardVerdict>;
  /** Customers this record must never join automatically (a steward separated a pair). */
  separatedCustomers: Set<string>;
  matchUpperThreshold: number;
  matchLowerThreshold: number;
}

export type Decision =
  | { kind: 'create'; best: ScoredCandidate | null }
  | { kind: 'attach'; customerId: string; best: ScoredCandidate }
  | { kind: 'review'; best: ScoredCandidate; customerId: string | null }
  | { kind: 'stay'; customerId: string; best: ScoredCandidate | null };

/** Effective probability used for deciding: a steward merge is certain. */
function effective(c: ScoredCandidate, stewardPairs: Map<number, StewardVerdict>): number {
  return stewardPairs.get(c.recordId) === 'merge' ? 1 : c.probability;
}

/** Best candidate per customer, best customer first (ties: more recent customer id last). */
export function bestPerCustomer(
  scored: ScoredCandidate[],
  stewardPairs: Map<number, StewardVerdict> = new Map(),
): ScoredCandidate[] {
  const best = new Map<string, ScoredCandidate>();
  for (const c of scored) {
    if (stewardPairs.get(c.recordId) === 'separate') continue;
    const prev = best.get(c.customerId);
    if (!prev || effective(c, stewardPairs) > effective(prev, stewardPairs)) best.set(c.customerId, c);
  }
  return [...best.values()].sort(
    (a, b) => effective(b, stewardPairs) - effective(a, stewardPairs) || (a.customerId < b.customerId ? -1 : 1),
  );
}

/** The evidence policy allows an automatic merge, or a steward already merged the pair. */
function mayMerge(c: ScoredCandidate, stewardPairs: Map<number, StewardVerdict>): boolean {
  return !c.blockReason || stewardPairs.get(c.recordId) === 'merge';
}

export function decide(input: DecisionInput): Decision {
  const ranked = bestPerCustomer(input.scored, input.stewardPairs).filter(
    (c) => !input.separatedCustomers.has(c.customerId) || c.customerId === input.currentCustomerId,
  );
  const p = (c: ScoredCandidate): number => effective(c, input.stewardPairs);
  const current = input.currentCustomerId;
  if (current === null) {
    const top = ranked[0];
    if (!top || p(top) < input.matchLowerThreshold) return { kind: 'create', best: top ?? null };
    if (p(top) >= input.matchUpperThreshold && mayMerge(top, input.stewardPairs))
      return { kind: 'attach', customerId: top.customerId, best: top };
    if (top.rejected && input.stewardPairs.get(top.recordId) !== 'merge') return { kind: 'create', best: top };
    return { kind: 'review', best: top, customerId: null };
  }
  const own = ranked.find((c) => c.customerId === current);
  const other = ranked.find((c) => c.customerId !== current);
  if (own && p(own) >= input.matchLowerThreshold) return { kind: 'stay', customerId: current, best: own };
  if (other && p(other) >= input.matchUpperThreshold && mayMerge(other, input.stewardPairs))
    return { kind: 'attach', customerId: other.customerId, best: other };
  if (other && p(other) >= input.matchLowerThreshold && !other.rejected)
    return { kind: 'review', best: other, customerId: current };
  return { kind: 'stay', customerId: current, best: own ?? other ?? null };
}
