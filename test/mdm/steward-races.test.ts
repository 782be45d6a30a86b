/**
 * Steward actions racing upserts of the same customers (#15): merge, review decision and delete,
 * each run several times with the upserts of the records involved in flight. After every run the
 * SQL invariants of test/helpers/invariants.ts must hold (the split race is in the large-customer
 * work). Timing varies run to run; the invariants must hold in every interleaving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideReviewTask, deleteRecord, mergeCustomers, upsertRecord } from '../../src/mdm/index.js';
import type { MdmContext } from '../../src/mdm/context.js';
import { scorePair } from '../../src/match/index.js';
import { standardizeRecord } from '../../src/standardize/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import { backends, openTestDatabase } from '../helpers/database.js';
import { checkInvariants } from '../helpers/invariants.js';
import { addSourceSystems, person, sameAs, sourceActor, steward, testContext } from './mdm-helpers.js';

const RUNS = 4;

/** Settles every promise; a refused action (409, not found) is a legal outcome of a race. */
async function race(actions: Array<() => Promise<unknown>>): Promise<void> {
  await Promise.allSettled(actions.map((a) => a()));
}

describe.each(backends)('steward actions racing upserts (%s)', (backend) => {
  let database: Database;
  let ctx: MdmContext;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ctx = testContext(database);
    await addSourceSystems(database, { crm: 10, web: 50 });
  });
  afterAll(() => database.close());

  const expectInvariants = async () => expect(await checkInvariants(database.db)).toEqual([]);
  const upsert = (rec: RawRecord) => upsertRecord(ctx, sourceActor(rec.source_system), rec);

  it('merge racing updates, new duplicates and a delete of the records of both customers', async () => {
    for (let run = 0; run < RUNS; run++) {
      const a = person();
      const b = person({ source_system: 'web' });
      const ra = await upsert(a);
      const rb = await upsert(b);
      await race([
        () => mergeCustomers(ctx, steward, ra.customerId, rb.customerId, `race ${run}`),
        () => upsert({ ...a, annual_value: String(100 + run) }),
        () => upsert({ ...b, annual_value: String(200 + run) }),
        () => upsert(sameAs(a, { annual_value: '7' })),
        () => upsert(sameAs(b, { source_system: 'web', annual_value: '9' })),
        () => deleteRecord(ctx, steward, { sourceSystem: 'web', sourceRecordId: b.source_record_id }),
      ]);
      await expectInvariants();
    }
  }, 120_000);

  it('a review decision racing updates of both records of the task', async () => {
    for (let run = 0; run < RUNS; run++) {
      const a = person();
      const b = sameAs(a, { source_system: 'web', email: null, phone: null, date_of_birth: null });
      const rctx = await reviewContextFor(a, b);
      await upsertRecord(rctx, sourceActor(), a);
      const rb = await upsertRecord(rctx, sourceActor('web'), b);
      expect(rb.decision).toBe('review');
      const decision = run % 2 === 0 ? 'merge' : 'separate';
      await race([
        () => decideReviewTask(ctx, steward, rb.reviewTaskId as string, { decision, reason: `race ${run}` }),
        () => upsertRecord(rctx, sourceActor(), { ...a, annual_value: String(300 + run) }),
        () => upsertRecord(rctx, sourceActor('web'), { ...b, annual_value: String(400 + run) }),
        () => upsertRecord(rctx, sourceActor('web'), sameAs(b, { source_system: 'web', annual_value: '11' })),
      ]);
      await expectInvariants();
    }
  }, 120_000);

  it('deletes racing re-sends and updates of the same records', async () => {
    for (let run = 0; run < RUNS; run++) {
      const a = person();
      const twin = sameAs(a);
      await upsert(a);
      await upsert(twin);
      const ref = { sourceSystem: 'crm', sourceRecordId: a.source_record_id };
      await race([
        () => deleteRecord(ctx, steward, ref, `race ${run}`),
        () => upsert({ ...a, annual_value: String(500 + run) }),
        () => deleteRecord(ctx, sourceActor(), { sourceSystem: 'crm', sourceRecordId: twin.source_record_id }),
        () => upsert({ ...twin, annual_value: '13' }),
        () => deleteRecord(ctx, steward, ref),
      ]);
      await expectInvariants();
    }
  }, 120_000);

  it('the invariant checker bites: a wrong count, an orphan record and a missing audit event are reported', async () => {
    const a = person();
    const { customerId } = await upsert(a);
    await database.db.updateTable('customers').set({ record_count: 5 }).where('id', '=', customerId).execute();
    await database.db
      .deleteFrom('audit_events')
      .where('source_record_id', '=', a.source_record_id)
      .where('action', 'like', 'record.%')
      .execute();
    const violations = (await checkInvariants(database.db)).map((v) => v.invariant);
    expect(violations).toEqual([
      'record_count and total_value equal the live records',
      'every record version has its audit event',
    ]);
    await database.db
      .updateTable('source_records')
      .set({ customer_id: null })
      .where('source_record_id', '=', a.source_record_id)
      .execute();
    expect((await checkInvariants(database.db)).map((v) => v.invariant)).toContain(
      'every live record belongs to one active customer',
    );
  });

  /** A context whose review band holds the pair (a, b), whatever the model's numbers. */
  async function reviewContextFor(a: RawRecord, b: RawRecord): Promise<MdmContext> {
    const { model } = await ctx.models.current();
    const sa = standardizeRecord(a, ctx.settings.standardize).std;
    const sb = standardizeRecord(b, ctx.settings.standardize).std;
    const p = scorePair(model, sa, sb).probability;
    return { ...ctx, settings: { ...ctx.settings, matchLowerThreshold: p / 2, matchUpperThreshold: (p + 1) / 2 } };
  }
});
