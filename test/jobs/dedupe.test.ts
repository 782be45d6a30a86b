/**
 * The dedupe job through both runners (in-process, and BullMQ on real Redis when REDIS_URL is set):
 * records ingested with automatic matching off are merged by the job; middle-band pairs become
 * review tasks; a steward decision is never undone (no merge across a "separate", even one made on
 * another record of the customer; no split of a steward merge; no task reopened for a decided pair);
 * scope 'changed' acts only on records changed since the last completed run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideReviewTask, mergeCustomers, upsertRecords } from '../../src/mdm/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import { finishBatchRun, insertBatchRun, markBatchRunRunning } from '../../src/store/batch-runs.js';
import type { Database } from '../../src/store/db.js';
import { setStewardDecision } from '../../src/store/links.js';
import { insertSourceSystem } from '../../src/store/source-systems.js';
import { openTestDatabase } from '../helpers/database.js';
import { jobContext, runnerKinds, startHarness, type Harness } from './helpers.js';

const PEOPLE = [
  ['Oluwaseun', 'Adeyemi-Okafor', '1971-03-14'],
  ['Marguerite', 'Vanderwaal', '1988-11-02'],
  ['Thaddeus', 'Quennell', '1959-07-29'],
  ['Ingeborg', 'Holmqvist', '1966-05-21'],
  ['Perpetua', 'Nakashima', '1993-01-08'],
  ['Cornelius', 'Oyelaran', '1948-12-30'],
] as const;

/** Person n as held by one system; `n` keeps every field distinct between people. */
const person = (system: string, id: string, n: number, over: Partial<RawRecord> = {}): RawRecord => ({
  source_system: system,
  source_record_id: id,
  given_name: PEOPLE[n]![0],
  family_name: PEOPLE[n]![1],
  date_of_birth: PEOPLE[n]![2],
  email: `person${n}@example.net`,
  phone: `+6141200000${n}`,
  address_line1: `${10 + n} Kurrajong Street`,
  locality: 'Newtown',
  postal_code: '2042',
  country: 'AU',
  ...over,
});

/**
 * Same name and suburb, but another street and no birth date, email or phone: nothing corroborates
 * the name, so the evidence policy sends the pair to review. (Another birth date would be a
 * conflict: namesakes are kept apart without a task.)
 */
const lookalike = (system: string, id: string, n: number): RawRecord =>
  person(system, id, n, { date_of_birth: '', address_line1: '2 Other Road', email: '', phone: '' });

/** Someone else entirely (a record a steward merged into person n's customer by hand). */
const stranger = (system: string, id: string): RawRecord => ({
  source_system: system,
  source_record_id: id,
  given_name: 'Wilhelmina',
  family_name: 'Castellanos',
  date_of_birth: '1950-02-02',
  email: 'wc@example.com',
  postal_code: '6000',
  country: 'AU',
});

const SYSTEM_ACTOR = { type: 'system' as const, id: 'test' };

async function setUp(): Promise<Database> {
  const database = await openTestDatabase('pglite');
  await database.db.transaction().execute(async (trx) => {
    for (const name of ['crm', 'web']) await insertSourceSystem(trx, { name, display_name: name, trust_rank: 100 });
  });
  return database;
}

/** Ingest with candidate search off (every blocking key too common): each record its own customer. */
async function ingestUnmatched(database: Database, records: RawRecord[]): Promise<void> {
  const noMerge = jobContext(database, { MATCH_MAX_BLOCK_SIZE: '0' });
  const results = await upsertRecords(noMerge, SYSTEM_ACTOR, records);
  expect(results.every((r) => !('error' in r) && r.decision === 'created')).toBe(true);
}

describe.each(runnerKinds)('dedupe job (%s runner)', (kind) => {
  let database: Database;
  let harness: Harness;

  beforeAll(async () => {
    database = await setUp();
    harness = startHarness(kind, database);
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  const recordIds = async (): Promise<Map<string, { id: number; customer: string }>> => {
    const rows = await database.db
      .selectFrom('source_records')
      .select(['id', 'source_record_id', 'customer_id'])
      .execute();
    return new Map(rows.map((r) => [r.source_record_id, { id: r.id, customer: r.customer_id as string }]));
  };
  const openTasks = () =>
    database.db
      .selectFrom('review_tasks')
      .select(['id', 'record_a', 'record_b'])
      .where('status', '=', 'open')
      .execute();
  const runDedupe = async (scope: 'all' | 'changed') => {
    const { id } = await harness.runner.enqueue('dedupe', { scope });
    const view = await harness.waitFor(id, ['completed', 'failed']);
    expect(view.failure).toBeNull();
    expect(view.state).toBe('completed');
    expect(view.progress).toBe(100);
    return view.counts as Record<string, number>;
  };

  it('merges above the threshold, opens review tasks for the middle band, never undoes a steward', async () => {
    await ingestUnmatched(database, [
      person('crm', 'c0', 0), // c0 + w0: twins, merged by the job
      person('web', 'w0', 0),
      person('crm', 'c1', 1), // c1 + w1: twins a steward separated
      person('web', 'w1', 1),
      person('crm', 'c2', 2), // c2 + w2: twins, but c2's customer also holds z2 (steward merge),
      person('web', 'w2', 2), //   and a steward separated z2 from w2
      stranger('crm', 'z2'),
      person('crm', 'm3', 3), // m3 + l3: lookalikes, between the thresholds
      lookalike('web', 'l3', 3),
    ]);
    const ids = await recordIds();
    const rid = (k: string) => ids.get(k)!.id;
    await database.db.transaction().execute(async (trx) => {
      await setStewardDecision(trx, [[rid('c1'), rid('w1')]], 'steward_separate', 'steward-1');
      await setStewardDecision(trx, [[rid('c2'), rid('z2')]], 'steward_merge', 'steward-1');
      await setStewardDecision(trx, [[rid('z2'), rid('w2')]], 'steward_separate', 'steward-1');
    });
    await mergeCustomers(harness.ctx, SYSTEM_ACTOR, ids.get('c2')!.customer, ids.get('z2')!.customer, 'steward');

    const counts = await runDedupe('all');
    expect(counts['merges']).toBe(1);
    expect(counts['skippedBySteward']).toBe(2);
    expect(counts['reviewTasks']).toBe(1);
    const after = await recordIds();
    const customerOf = (k: string) => after.get(k)!.customer;
    expect(customerOf('c0')).toBe(customerOf('w0'));
    expect(customerOf('c1')).not.toBe(customerOf('w1'));
    expect(customerOf('c2')).toBe(customerOf('z2')); // the steward's merge stands
    expect(customerOf('w2')).not.toBe(customerOf('z2')); // and so does the separate
    expect(customerOf('m3')).not.toBe(customerOf('l3'));
    const tasks = await openTasks();
    expect(tasks.map((t) => [t.record_a, t.record_b].sort())).toEqual([[rid('m3'), rid('l3')].sort()]);

    // Idempotent: a second run merges nothing more and refreshes (does not duplicate) the task.
    const again = await runDedupe('all');
    expect(again['merges']).toBe(0);
    expect(await openTasks()).toHaveLength(1);

    // Once a steward has decided the task, the pair is never sent to review again.
    const task = tasks[0]!;
    await decideReviewTask(harness.ctx, { type: 'steward', id: 'steward-1' }, String(task.id), {
      decision: 'separate',
      reason: 'different people',
    });
    const third = await runDedupe('all');
    expect(third['reviewTasks']).toBe(0);
    expect(await openTasks()).toHaveLength(0);
  });
});

describe.each(runnerKinds)("dedupe scope 'changed' (%s runner)", (kind) => {
  let database: Database;
  let harness: Harness;

  beforeAll(async () => {
    database = await setUp();
    harness = startHarness(kind, database);
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  it('acts only on records changed since the last completed dedupe run', async () => {
    await ingestUnmatched(database, [person('crm', 'old-c', 4), person('web', 'old-w', 4)]);
    // A dedupe run that completed after the "old" pair arrived (as if it had missed it).
    const previous = 'previous-dedupe-run';
    await insertBatchRun(database.db, { id: previous, type: 'dedupe', params: {} });
    await markBatchRunRunning(database.db, previous);
    await finishBatchRun(database.db, previous, 'completed');
    await new Promise((r) => setTimeout(r, 20));
    await ingestUnmatched(database, [person('crm', 'new-c', 5), person('web', 'new-w', 5)]);

    const { id } = await harness.runner.enqueue('dedupe', { scope: 'changed' });
    const changed = await harness.waitFor(id, ['completed', 'failed']);
    expect(changed.counts['since']).not.toBeNull();
    expect(changed.counts['merges']).toBe(1);
    const customers = async (ids: string[]) =>
      new Set(
        (
          await database.db
            .selectFrom('source_records')
            .select('customer_id')
            .where('source_record_id', 'in', ids)
            .execute()
        ).map((r) => r.customer_id),
      ).size;
    expect(await customers(['new-c', 'new-w'])).toBe(1);
    expect(await customers(['old-c', 'old-w'])).toBe(2);

    const all = await harness.runner.enqueue('dedupe', { scope: 'all' });
    expect((await harness.waitFor(all.id, ['completed', 'failed'])).counts['merges']).toBe(1);
    expect(await customers(['old-c', 'old-w'])).toBe(1);
  });
});
