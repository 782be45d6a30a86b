/** Decision calls shared by the queue and the compare screen. */
import { api, enc } from '../api.js';
import type { DecisionResult } from '../types.js';

/** The API wants a reason; a keyboard decision without one records what happened. */
export function reasonOrDefault(reason: string, decision: 'merge' | 'separate'): string {
  const r = reason.trim();
  if (r) return r;
  return decision === 'merge' ? 'Steward review: same customer' : 'Steward review: different customers';
}

export function decideTask(id: string, decision: 'merge' | 'separate', reason: string): Promise<DecisionResult> {
  return api<DecisionResult>('POST', `/review-tasks/${enc(id)}/decision`, {
    decision,
    reason: reasonOrDefault(reason, decision),
  });
}
