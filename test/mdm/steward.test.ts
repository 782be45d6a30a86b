import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decideReviewTask,
  getCustomer,
  getCustomerHistory,
  getCustomerXref,
  getReviewTask,
  listCustomerRecords,
  listReviewTasks,
  lookupXref,
  matchRecord,
  type MdmContext,
  mergeCustomers,
  splitCustomer,
  upsertRecord,
} from '../../src/mdm/index.js';
import { scorePair } from '../../src/match/index.js';
import { standardizeRecord } from '../../src/standardize/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import { backends, openTestDatabase } from '../helpers/database.js';
import { addSourceSystems, person, sameAs, sourceActor, steward, testContext } from './mdm-helpers.js';

describe.each(backends)('steward operations (%s)', (backend) => {
  let database: Database;
  let ctx: MdmContext;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ctx = testContext(database);
    await addSourceSystems(database, { crm: 10, web: 50, shop: 30 });
  });
  afterAll(() => database.close());

  /** A context whose review band holds the pair (a, b), whatever the model's numbers. */
  async function reviewContextFor(a: RawRecord, b: RawRecord): Promise<MdmContext> {
    const { model } = await ctx.models.current();
    const sa = standardizeRecord(a, ctx.settings.standardize).std;
    const sb = standardizeRecord(b, ctx.settings.standardize).std;
    const p = scorePair(model, sa, sb).probability;
    return { ...ctx, settings: { ...ctx.settings, matchLowerThreshold: p / 2, matchUpperThreshold: (p + 1) / 2 } };
  }

  it('merges (older id survives, other redirects), then a split restores the records under a new id', async () => {
    const a = await upsertRecord(ctx, sourceActor(), person({ annual_value: '100' }));
    const b = await upsertRecord(ctx, sourceActor('web'), person({ source_system: 'web', annual_value: '40' }));
    expect(a.customerId).not.toBe(b.customerId);
    const merged = await mergeCustomers(ctx, steward, b.customerId, a.customerId, 'same person, phone call');
    expect(merged.customer.id).toBe(a.customerId);
    expect(merged.mergedId).toBe(b.customerId);
    expect(merged.customer).toMatchObject({ recordCount: 2, totalValue: 140, status: 'active' });

    // Redirect: the old id answers with the survivor and says so.
    const viaOld = await getCustomer(ctx, b.customerId);
    expect(viaOld.customer.id).toBe(a.customerId);
    expect(viaOld.redirectedFrom).toBe(b.customerId);
    expect((await lookupXref(ctx, b)).customerId).toBe(a.customerId);
    expect((await getCustomerXref(ctx, b.customerId)).customerId).toBe(a.customerId);

    const split = await splitCustomer(ctx, steward, a.customerId, [b], 'not the same after all');
    expect(split.customer.id).toBe(a.customerId);
    expect(split.newCustomer.id).not.toBe(a.customerId);
    expect(split.newCustomer.id).not.toBe(b.customerId);
    expect((await listCustomerRecords(ctx, a.customerId)).items.map((r) => r.sourceRecordId)).toEqual([
      a.sourceRecordId,
    ]);
    expect((await listCustomerRecords(ctx, split.newCustomer.id)).items.map((r) => r.sourceRecordId)).toEqual([
      b.sourceRecordId,
    ]);
    expect((await getCustomer(ctx, a.customerId)).customer).toMatchObject({ recordCount: 1, totalValue: 100 });
    expect(split.newCustomer).toMatchObject({ recordCount: 1, totalValue: 40 });

    const history = await getCustomerHistory(ctx, a.customerId, { limit: 100 });
    const actions = history.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['customer.merged', 'customer.split', 'record.created']));
    const split0 = history.find((e) => e.action === 'customer.split');
    expect(split0).toMatchObject({ actor: steward, reason: 'not the same after all' });
  });

  it('a merge closes the open review tasks between the two customers', async () => {
    const a = person();
    const b = sameAs(a, { email: 'third.party@example.net', phone: '0400 777 888', address_line1: '5 Side Lane' });
    const rctx = await reviewContextFor(a, b);
    const ra = await upsertRecord(rctx, sourceActor(), a);
    const rb = await upsertRecord(rctx, sourceActor(), b);
    expect(rb.decision).toBe('review');
    await mergeCustomers(ctx, steward, ra.customerId, rb.customerId, 'seen on the phone');
    const task = await getReviewTask(ctx, rb.reviewTaskId as string);
    expect(task.status).toBe('merged');
    expect(task.decidedBy).toBe(steward.id);
  });

  it('answers IH_CUSTOMER_NOT_FOUND for an unknown id', async () => {
    await expect(getCustomer(ctx, 'C9999999999')).rejects.toMatchObject({ code: 'IH_CUSTOMER_NOT_FOUND' });
  });

  it('matchRecord ranks candidate customers with explanations and stores nothing', async () => {
    const rec = person();
    const stored = await upsertRecord(ctx, sourceActor(), rec);
    const count = async (): Promise<number> =>
      Number(
        (
          await database.db
            .selectFrom('source_records')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const { candidates, problems } = await matchRecord(ctx, sameAs(rec, { source_system: 'web' }), { limit: 3 });
    expect(Array.isArray(problems)).toBe(true);
    expect(candidates[0]).toMatchObject({
      customerId: stored.customerId,
      bestRecord: { sourceSystem: 'crm', sourceRecordId: rec.source_record_id },
    });
    expect(candidates[0]?.probability).toBeGreaterThanOrEqual(ctx.settings.matchUpperThreshold);
    expect(candidates[0]?.explanation.fields.length).toBeGreaterThan(0);
    expect(candidates[0]?.golden.familyName?.value).toBe(rec.family_name);
    expect(await count()).toBe(before);
  });

  it('follows a chain of redirects after successive merges', async () => {
    const x = await upsertRecord(ctx, sourceActor(), person());
    const y = await upsertRecord(ctx, sourceActor(), person());
    const z = await upsertRecord(ctx, sourceActor(), person());
    await mergeCustomers(ctx, steward, y.customerId, z.customerId, 'dup');
    await mergeCustomers(ctx, steward, x.customerId, y.customerId, 'dup');
    const found = await getCustomer(ctx, z.customerId);
    expect(found.customer.id).toBe(x.customerId);
    expect(found.redirectedFrom).toBe(z.customerId);
    expect(found.customer.recordCount).toBe(3);
    await expect(mergeCustomers(ctx, steward, x.customerId, z.customerId, 'again')).rejects.toMatchObject({
      code: 'IH_CONFLICT',
    });
  });

  it('cross-references systems, counts and value, and looks up in reverse', async () => {
    const rec = person({ annual_value: '250' });
    const a = await upsertRecord(ctx, sourceActor(), rec);
    await upsertRecord(ctx, sourceActor('shop'), sameAs(rec, { source_system: 'shop', annual_value: '75.5' }));
    await upsertRecord(ctx, sourceActor('shop'), sameAs(rec, { source_system: 'shop', annual_value: '10' }));
    const xref = await getCustomerXref(ctx, a.customerId);
    expect(xref.recordCount).toBe(3);
    expect(xref.totalValue).toBeCloseTo(335.5, 6);
    expect(xref.systems.map((s) => [s.sourceSystem, s.recordCount, s.totalValue])).toEqual([
      ['crm', 1, 250],
      ['shop', 2, 85.5],
    ]);
    expect(await lookupXref(ctx, a)).toMatchObject({ customerId: a.customerId, deleted: false });
    await expect(lookupXref(ctx, { sourceSystem: 'crm', sourceRecordId: 'nope' })).rejects.toMatchObject({
      code: 'IH_RECORD_NOT_FOUND',
    });
  });

  it('a review decided "merge" joins the customers; the task leaves the open queue', async () => {
    const a = person();
    const b = sameAs(a, { email: 'else.where@example.net', phone: '0400 333 444', address_line1: '7 Far Lane' });
    const rctx = await reviewContextFor(a, b);
    const ra = await upsertRecord(rctx, sourceActor(), a);
    const rb = await upsertRecord(rctx, sourceActor(), b);
    expect(rb.decision).toBe('review');
    const open = await listReviewTasks(ctx, { status: 'open', sort: 'score', limit: 50, offset: 0 });
    expect(open.items.map((t) => t.id)).toContain(rb.reviewTaskId);
    const task = await getReviewTask(ctx, rb.reviewTaskId as string);
    expect(task.explanation.fields.length).toBeGreaterThan(0);
    const decided = await decideReviewTask(ctx, steward, rb.reviewTaskId as string, {
      decision: 'merge',
      reason: 'ok',
    });
    expect(decided.task.status).toBe('merged');
    expect(decided.customer.id).toBe(ra.customerId);
    expect((await getCustomer(ctx, rb.customerId)).customer.id).toBe(ra.customerId);
    await expect(
      decideReviewTask(ctx, steward, rb.reviewTaskId as string, { decision: 'separate', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'IH_CONFLICT' });
  });

  it('a pair a steward separated is never joined automatically, nor sent to review again', async () => {
    const a = person();
    const b = sameAs(a, { email: 'other.one@example.net', phone: '0400 555 666', address_line1: '3 Near Lane' });
    const rctx = await reviewContextFor(a, b);
    const ra = await upsertRecord(rctx, sourceActor(), a);
    const rb = await upsertRecord(rctx, sourceActor(), b);
    expect(rb.decision).toBe('review');
    await decideReviewTask(ctx, steward, rb.reviewTaskId as string, { decision: 'separate', reason: 'twins' });
    // b now changes to look exactly like a: still never attached, and no new review task.
    const again = await upsertRecord(rctx, sourceActor(), { ...a, source_record_id: b.source_record_id });
    expect(again.customerId).toBe(rb.customerId);
    expect(again.decision).not.toBe('review');
    expect(again.recordVersion).toBe(2);
    const open = await listReviewTasks(ctx, { status: 'open', sort: 'score', limit: 100, offset: 0 });
    expect(open.items.filter((t) => [t.recordA.customerId, t.recordB.customerId].includes(ra.customerId))).toEqual([]);
  });

  it('records split apart are not re-merged when one of them is re-sent changed', async () => {
    const rec = person();
    const a = await upsertRecord(ctx, sourceActor(), rec);
    const b = await upsertRecord(ctx, sourceActor('web'), sameAs(rec, { source_system: 'web' }));
    expect(b.customerId).toBe(a.customerId);
    const { newCustomer } = await splitCustomer(ctx, steward, a.customerId, [b], 'different people');
    const resent = await upsertRecord(
      ctx,
      sourceActor('web'),
      sameAs(rec, {
        source_system: 'web',
        source_record_id: b.sourceRecordId,
        annual_value: '999',
      }),
    );
    expect(resent.customerId).toBe(newCustomer.id);
    expect((await getCustomer(ctx, a.customerId)).customer.recordCount).toBe(1);
  });
});
