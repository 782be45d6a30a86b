/**
 * Opens steward review tasks for record pairs found by a batch re-score (the nightly dedupe job):
 * the same link + task + audit writes the real-time ingest path makes for a borderline pair.
 * A pair a steward already decided is never sent to review again, nor is a pair whose records
 * already share a customer. Idempotent: an open task for the pair is updated, not duplicated.
 */
import { upsertAutoLinks } from '../../store/links.js';
import { upsertOpenReviewTask } from '../../store/review-tasks.js';
import type { JsonObject, MatchLinkRow } from '../../store/schema.js';
import { findRecordsByIds } from '../../store/source-records.js';
import { findStewardLinks } from '../../store/links.js';
import { writeAuditEvents, type AuditInput } from '../audit.js';
import type { MdmContext } from '../context.js';
import { explainPair, scorePair } from '../../match/index.js';
import { inTransaction } from '../tx.js';
import type { Actor } from '../types.js';

export interface ReviewPair {
  recordA: number;
  recordB: number;
}

/** Returns how many tasks are open for the given pairs afterwards (new or refreshed). */
export async function openReviewTasks(ctx: MdmContext, actor: Actor, pairs: ReviewPair[]): Promise<number> {
  if (pairs.length === 0) return 0;
  const active = await ctx.models.current();
  return inTransaction(ctx, async (trx) => {
    const ids = [...new Set(pairs.flatMap((p) => [p.recordA, p.recordB]))];
    const records = new Map((await findRecordsByIds(trx, ids)).map((r) => [r.id, r]));
    const decided = new Set(
      (await findStewardLinks(trx, ids)).map((l: MatchLinkRow) => pairKey(l.record_a, l.record_b)),
    );
    const events: AuditInput[] = [];
    for (const p of pairs) {
      const a = records.get(p.recordA);
      const b = records.get(p.recordB);
      if (!a?.std || !b?.std || !a.customer_id || !b.customer_id || a.deleted_at || b.deleted_at) continue;
      if (a.customer_id === b.customer_id || decided.has(pairKey(a.id, b.id))) continue;
      const score = scorePair(active.model, a.std, b.std);
      const evidence = explainPair(active.model, a.std, b.std) as unknown as JsonObject;
      const link = { recordA: a.id, recordB: b.id, weight: score.weight, probability: score.probability };
      await upsertAutoLinks(trx, [
        { ...link, decision: 'review', decidedBy: null, evidence, modelVersion: active.version },
      ]);
      const task = await upsertOpenReviewTask(trx, {
        ...link,
        customerA: a.customer_id,
        customerB: b.customer_id,
        evidence,
        priorityValue: Number(a.annual_value ?? 0) + Number(b.annual_value ?? 0),
      });
      events.push({
        action: 'review.opened',
        customerId: a.customer_id,
        sourceSystem: a.source_system,
        sourceRecordId: a.source_record_id,
        after: { reviewTaskId: String(task.id), otherCustomerId: b.customer_id, probability: score.probability },
      });
    }
    await writeAuditEvents(trx, actor, events);
    return events.length;
  });
}

function pairKey(x: number, y: number): string {
  return x < y ? `${x}:${y}` : `${y}:${x}`;
}
