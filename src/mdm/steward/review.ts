/**
 * The steward queue: list, read, decide. A decision is remembered on the record pair
 * (steward_merge / steward_separate in match_links), so the pair is never sent to review again and
 * automatic matching never overrides it.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import { resolveCustomer } from '../../store/customers.js';
import { setStewardDecision } from '../../store/links.js';
import {
  closeReviewTask,
  findReviewTask,
  listReviewTaskRows,
  lockReviewTask,
  type ReviewTaskFilter,
} from '../../store/review-tasks.js';
import type { CustomerRow, DB, ReviewTaskRow } from '../../store/schema.js';
import { findRecordsByIds, type RecordRow } from '../../store/source-records.js';
import { writeAuditEvents, type AuditInput } from '../audit.js';
import type { MdmContext } from '../context.js';
import { toCustomer } from '../golden/customer-state.js';
import { mergeInTransaction } from './merge.js';
import { inTransaction } from '../tx.js';
import type { Actor, Customer, MatchExplanation, Page, ReviewTask } from '../types.js';

function parseTaskId(id: string): number {
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError('IH_REVIEW_TASK_NOT_FOUND', id);
  return n;
}

function toReviewTask(row: ReviewTaskRow, records: Map<number, RecordRow>): ReviewTask {
  const side = (recordId: number, customerId: string | null) => {
    const r = records.get(recordId);
    return {
      sourceSystem: r?.source_system ?? '',
      sourceRecordId: r?.source_record_id ?? '',
      customerId: r?.customer_id ?? customerId,
    };
  };
  return {
    id: String(row.id),
    status: row.status,
    probability: row.probability,
    weight: row.weight,
    priorityValue: Number(row.priority_value),
    recordA: side(row.record_a, row.customer_a),
    recordB: side(row.record_b, row.customer_b),
    explanation: row.evidence as unknown as MatchExplanation,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    decidedBy: row.decided_by,
    reason: row.reason,
  };
}

async function withRecords(db: Kysely<DB>, rows: ReviewTaskRow[]): Promise<ReviewTask[]> {
  const records = await findRecordsByIds(db, [...new Set(rows.flatMap((t) => [t.record_a, t.record_b]))]);
  const byId = new Map(records.map((r) => [r.id, r]));
  return rows.map((t) => toReviewTask(t, byId));
}

export async function listReviewTasks(ctx: MdmContext, filter: ReviewTaskFilter): Promise<Page<ReviewTask>> {
  const { rows, total } = await listReviewTaskRows(ctx.database.db, filter);
  return { items: await withRecords(ctx.database.db, rows), total, limit: filter.limit, offset: filter.offset };
}

export async function getReviewTask(ctx: MdmContext, id: string): Promise<ReviewTask> {
  const row = await findReviewTask(ctx.database.db, parseTaskId(id));
  if (!row) throw new AppError('IH_REVIEW_TASK_NOT_FOUND', id);
  const [task] = await withRecords(ctx.database.db, [row]);
  return task as ReviewTask;
}

/**
 * merge: the two records' customers become one (older id survives); separate: they stay apart for
 * good. A task already decided cannot be decided again (IH_CONFLICT).
 */
export async function decideReviewTask(
  ctx: MdmContext,
  actor: Actor,
  id: string,
  input: { decision: 'merge' | 'separate'; reason: string },
): Promise<{ task: ReviewTask; customer: Customer }> {
  const taskId = parseTaskId(id);
  return inTransaction(ctx, async (trx) => {
    const row = await lockReviewTask(trx, taskId);
    if (!row) throw new AppError('IH_REVIEW_TASK_NOT_FOUND', id);
    if (row.status !== 'open') throw new AppError('IH_CONFLICT', `review task ${id} is already ${row.status}`);
    const records = await findRecordsByIds(trx, [row.record_a, row.record_b]);
    const a = records.find((r) => r.id === row.record_a);
    const b = records.find((r) => r.id === row.record_b);
    if (!a?.customer_id || !b?.customer_id)
      throw new AppError('IH_CONFLICT', `review task ${id} refers to a removed record`);
    const events: AuditInput[] = [];
    let customer: CustomerRow | undefined;
    if (input.decision === 'merge') {
      await setStewardDecision(trx, [[a.id, b.id]], 'steward_merge', actor.id);
      if (a.customer_id !== b.customer_id) {
        const merged = await mergeInTransaction(trx, ctx, actor, a.customer_id, b.customer_id, input.reason);
        events.push(...merged.events);
        customer = merged.survivor;
      }
    } else {
      await setStewardDecision(trx, [[a.id, b.id]], 'steward_separate', actor.id);
    }
    // A merge may already have closed this task (its two records now share a customer).
    const current = await lockReviewTask(trx, taskId);
    const status = input.decision === 'merge' ? 'merged' : 'separated';
    const closed =
      current?.status === 'open' || current?.status === 'merged'
        ? await closeReviewTask(trx, taskId, status, actor.id, input.reason)
        : (current as ReviewTaskRow);
    customer ??= await resolveCustomer(trx, a.customer_id);
    events.push({
      action: 'review.decided',
      customerId: a.customer_id,
      sourceSystem: a.source_system,
      sourceRecordId: a.source_record_id,
      reason: input.reason,
      before: { status: 'open' },
      after: { reviewTaskId: id, decision: input.decision, otherCustomerId: b.customer_id },
    });
    await writeAuditEvents(trx, actor, events);
    const [task] = await withRecords(trx, [closed]);
    return { task: task as ReviewTask, customer: toCustomer(customer as CustomerRow) };
  });
}
