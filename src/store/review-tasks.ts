/**
 * SQL for review_tasks: the steward queue of uncertain record pairs. At most one open task per
 * pair (partial unique index); re-scoring an open pair updates it.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { evidenceInStoredOrder } from './evidence-sides.js';
import { jsonb } from './json.js';
import type { DB, JsonObject, ReviewTaskRow, ReviewTaskStatus } from './schema.js';

export interface NewReviewTask {
  recordA: number;
  recordB: number;
  customerA: string | null;
  customerB: string | null;
  probability: number;
  weight: number;
  evidence: JsonObject;
  priorityValue: number;
}

export async function upsertOpenReviewTask(trx: Transaction<DB>, t: NewReviewTask): Promise<ReviewTaskRow> {
  const swap = t.recordA > t.recordB;
  return trx
    .insertInto('review_tasks')
    .values({
      record_a: swap ? t.recordB : t.recordA,
      record_b: swap ? t.recordA : t.recordB,
      customer_a: swap ? t.customerB : t.customerA,
      customer_b: swap ? t.customerA : t.customerB,
      probability: t.probability,
      weight: t.weight,
      evidence: jsonb(evidenceInStoredOrder(t.recordA, t.recordB, t.evidence)),
      priority_value: t.priorityValue,
    })
    .onConflict((oc) =>
      oc
        .columns(['record_a', 'record_b'])
        .where('status', '=', 'open')
        .doUpdateSet((eb) => ({
          customer_a: eb.ref('excluded.customer_a'),
          customer_b: eb.ref('excluded.customer_b'),
          probability: eb.ref('excluded.probability'),
          weight: eb.ref('excluded.weight'),
          evidence: eb.ref('excluded.evidence'),
          priority_value: eb.ref('excluded.priority_value'),
        })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findReviewTask(db: Kysely<DB>, id: number): Promise<ReviewTaskRow | undefined> {
  return db.selectFrom('review_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockReviewTask(trx: Transaction<DB>, id: number): Promise<ReviewTaskRow | undefined> {
  return trx.selectFrom('review_tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function closeReviewTask(
  trx: Transaction<DB>,
  id: number,
  status: Exclude<ReviewTaskStatus, 'open'>,
  decidedBy: string,
  reason: string | null,
): Promise<ReviewTaskRow> {
  return trx
    .updateTable('review_tasks')
    .set({ status, decided_by: decidedBy, reason, decided_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Closes open tasks whose two records now sit in one customer, or that involve a deleted record.
 * `customerIds` limits the scan to tasks touching those customers (partial indexes on open tasks).
 */
export async function closeSettledTasks(
  trx: Transaction<DB>,
  customerIds: string[],
  status: 'merged' | 'obsolete',
  decidedBy: string,
  reason: string,
): Promise<number[]> {
  if (customerIds.length === 0) return [];
  const result = await sql<{ id: number }>`
    update review_tasks t
    set status = ${status}, decided_by = ${decidedBy}, reason = ${reason}, decided_at = now()
    from source_records ra, source_records rb
    where t.status = 'open'
      and (t.customer_a = any(${customerIds}::text[]) or t.customer_b = any(${customerIds}::text[]))
      and ra.id = t.record_a and rb.id = t.record_b
      and (ra.customer_id = rb.customer_id or ra.deleted_at is not null or rb.deleted_at is not null)
    returning t.id`.execute(trx);
  return result.rows.map((r) => r.id);
}

/** Keeps the denormalised customer ids of open tasks in step after records moved. */
export async function refreshOpenTaskCustomers(trx: Transaction<DB>, recordIds: number[]): Promise<void> {
  if (recordIds.length === 0) return;
  await sql`
    update review_tasks t
    set customer_a = ra.customer_id, customer_b = rb.customer_id
    from source_records ra, source_records rb
    where t.status = 'open' and ra.id = t.record_a and rb.id = t.record_b
      and (t.record_a = any(${recordIds}::bigint[]) or t.record_b = any(${recordIds}::bigint[]))`.execute(trx);
}

export interface ReviewTaskFilter {
  status: ReviewTaskStatus;
  sort: 'score' | 'value';
  limit: number;
  offset: number;
  sourceSystem?: string | undefined;
  minScore?: number | undefined;
  maxScore?: number | undefined;
}

export async function listReviewTaskRows(
  db: Kysely<DB>,
  f: ReviewTaskFilter,
): Promise<{ rows: ReviewTaskRow[]; total: number }> {
  let q = db.selectFrom('review_tasks as t').where('t.status', '=', f.status);
  if (f.minScore !== undefined) q = q.where('t.probability', '>=', f.minScore);
  if (f.maxScore !== undefined) q = q.where('t.probability', '<=', f.maxScore);
  if (f.sourceSystem !== undefined) {
    const system = f.sourceSystem;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('source_records as r')
          .select('r.id')
          .where((e) => e.or([e('r.id', '=', e.ref('t.record_a')), e('r.id', '=', e.ref('t.record_b'))]))
          .where('r.source_system', '=', system),
      ),
    );
  }
  const ordered =
    f.sort === 'value'
      ? q.orderBy('t.priority_value', 'desc').orderBy('t.id')
      : q.orderBy('t.probability', 'desc').orderBy('t.id');
  const [rows, count] = await Promise.all([
    ordered.selectAll('t').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** After a merge: open tasks that named the merged-away customer now name the survivor. */
export async function repointOpenTasks(trx: Transaction<DB>, fromId: string, toId: string): Promise<void> {
  await trx
    .updateTable('review_tasks')
    .set({ customer_a: toId })
    .where('status', '=', 'open')
    .where('customer_a', '=', fromId)
    .execute();
  await trx
    .updateTable('review_tasks')
    .set({ customer_b: toId })
    .where('status', '=', 'open')
    .where('customer_b', '=', fromId)
    .execute();
}
