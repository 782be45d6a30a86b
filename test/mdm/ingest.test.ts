import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteRecord,
  getCustomer,
  getRecord,
  type MdmContext,
  type UpsertFailure,
  upsertRecord,
  upsertRecords,
  type UpsertResult,
} from '../../src/mdm/index.js';
import { scorePair } from '../../src/match/index.js';
import { standardizeRecord } from '../../src/standardize/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import { backends, openTestDatabase } from '../helpers/database.js';
import { addSourceSystems, person, sameAs, sourceActor, testContext } from './mdm-helpers.js';

async function countRows(database: Database, table: 'audit_events' | 'customers' | 'review_tasks'): Promise<number> {
  const r = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Probability the active model gives a pair (so tests do not depend on one model's numbers). */
async function pairProbability(ctx: MdmContext, a: RawRecord, b: RawRecord): Promise<number> {
  const { model } = await ctx.models.current();
  const sa = standardizeRecord(a, ctx.settings.standardize).std;
  const sb = standardizeRecord(b, ctx.settings.standardize).std;
  return scorePair(model, sa, sb).probability;
}

describe.each(backends)('ingest (%s)', (backend) => {
  let database: Database;
  let ctx: MdmContext;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ctx = testContext(database);
    await addSourceSystems(database, { crm: 10, web: 50, erp: 5 });
  });
  afterAll(() => database.close());

  it('creates a customer for a new person, with golden record and audit events', async () => {
    const before = await countRows(database, 'audit_events');
    const rec = person();
    const r = await upsertRecord(ctx, sourceActor(), rec);
    expect(r.decision).toBe('created');
    expect(r.recordVersion).toBe(1);
    const { customer } = await getCustomer(ctx, r.customerId);
    expect(customer.status).toBe('active');
    expect(customer.recordCount).toBe(1);
    expect(customer.totalValue).toBe(1200);
    expect(customer.golden.familyName?.value).toBe(rec.family_name);
    expect(customer.golden.email?.sourceRecordId).toBe(r.sourceRecordId);
    const events = await database.db.selectFrom('audit_events').selectAll().where('id', '>', before).execute();
    expect(events.map((e) => e.action).sort()).toEqual(['customer.created', 'record.created']);
    const created = events.find((e) => e.action === 'record.created');
    expect(created).toMatchObject({
      actor: 'crm',
      actor_type: 'source',
      customer_id: r.customerId,
      source_system: 'crm',
      source_record_id: rec.source_record_id,
    });
    expect(created?.after).toMatchObject({ version: 1, customerId: r.customerId, deleted: false });
  });

  it('attaches a near-duplicate from another system and recomputes the golden record', async () => {
    const rec = person({ phone: '0412 345 678' });
    const first = await upsertRecord(ctx, sourceActor(), rec);
    const dup = sameAs(rec, {
      source_system: 'erp',
      given_name: rec.given_name?.toUpperCase(),
      email: rec.email?.toUpperCase(),
      phone: '0412 999 000',
      annual_value: '300',
    });
    const r = await upsertRecord(ctx, sourceActor('erp'), dup);
    expect(r.decision).toBe('attached');
    expect(r.customerId).toBe(first.customerId);
    expect(r.score).toBeGreaterThanOrEqual(ctx.settings.matchUpperThreshold);
    const { customer } = await getCustomer(ctx, first.customerId);
    expect(customer.recordCount).toBe(2);
    expect(customer.totalValue).toBe(1500);
    // erp is the most trusted source: its phone wins.
    expect(customer.golden.phone).toMatchObject({ sourceSystem: 'erp', rule: 'trust' });
    const link = await database.db
      .selectFrom('match_links')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(link.decision).toBe('auto_merge');
    expect((link.evidence as { fields?: unknown[] }).fields?.length).toBeGreaterThan(0);
  });

  it('answers unchanged for the same payload, with no new version and no event', async () => {
    const rec = person();
    const first = await upsertRecord(ctx, sourceActor(), rec);
    const events = await countRows(database, 'audit_events');
    const again = await upsertRecord(ctx, sourceActor(), { ...rec });
    expect(again.decision).toBe('unchanged');
    expect(again.customerId).toBe(first.customerId);
    expect(again.recordVersion).toBe(1);
    expect(await countRows(database, 'audit_events')).toBe(events);
  });

  it('stores a changed payload as version 2 and recomputes the golden record', async () => {
    const rec = person();
    const first = await upsertRecord(ctx, sourceActor(), rec);
    const r = await upsertRecord(ctx, sourceActor(), { ...rec, email: 'henrik.new@example.com' });
    expect(r.recordVersion).toBe(2);
    expect(r.customerId).toBe(first.customerId);
    const { customer } = await getCustomer(ctx, r.customerId);
    expect(customer.golden.email?.value).toBe('henrik.new@example.com');
    expect(customer.golden.email?.sourceRecordId).toBe(rec.source_record_id);
    expect(customer.version).toBeGreaterThan(1);
    expect((await getRecord(ctx, r)).version).toBe(2);
  });

  it('opens a review task for a borderline pair and keeps the records apart', async () => {
    const a = person();
    const b = sameAs(a, { email: 'someone.else@example.net', phone: '0400 333 444', address_line1: '99 Other Road' });
    const p = await pairProbability(ctx, a, b);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    // Put this pair in the review band of a context of its own, whatever the model's numbers are.
    const reviewCtx: MdmContext = {
      ...ctx,
      settings: { ...ctx.settings, matchLowerThreshold: p / 2, matchUpperThreshold: (p + 1) / 2 },
    };
    const ra = await upsertRecord(reviewCtx, sourceActor(), a);
    const rb = await upsertRecord(reviewCtx, sourceActor(), b);
    expect(rb.decision).toBe('review');
    expect(rb.customerId).not.toBe(ra.customerId);
    expect(rb.reviewTaskId).toBeDefined();
    expect(rb.score).toBeCloseTo(p, 6);
    const task = await database.db
      .selectFrom('review_tasks')
      .selectAll()
      .where('id', '=', Number(rb.reviewTaskId))
      .executeTakeFirstOrThrow();
    expect(task.status).toBe('open');
    expect([task.customer_a, task.customer_b].sort()).toEqual([ra.customerId, rb.customerId].sort());
  });

  it('soft-deletes: golden recomputed, and a customer with no live record is retired', async () => {
    const rec = person({ annual_value: '10' });
    const a = await upsertRecord(ctx, sourceActor(), rec);
    const b = await upsertRecord(ctx, sourceActor('web'), sameAs(rec, { source_system: 'web', annual_value: '5' }));
    expect(b.customerId).toBe(a.customerId);
    expect(await deleteRecord(ctx, sourceActor(), a, 'customer asked')).toEqual({ customerId: a.customerId });
    let { customer } = await getCustomer(ctx, a.customerId);
    expect(customer).toMatchObject({ status: 'active', recordCount: 1, totalValue: 5 });
    expect(customer.golden.email?.sourceSystem).toBe('web');
    expect((await getRecord(ctx, a)).deletedAt).not.toBeNull();
    await deleteRecord(ctx, sourceActor('web'), b);
    ({ customer } = await getCustomer(ctx, a.customerId));
    expect(customer).toMatchObject({ status: 'retired', recordCount: 0 });
  });

  it('rejects an unknown source system and a missing record id', async () => {
    await expect(upsertRecord(ctx, sourceActor('nope'), person({ source_system: 'nope' }))).rejects.toMatchObject({
      code: 'IH_SOURCE_SYSTEM_NOT_FOUND',
      statusCode: 404,
    });
    await expect(upsertRecord(ctx, sourceActor(), person({ source_record_id: '' }))).rejects.toMatchObject({
      code: 'IH_VALIDATION',
    });
    await expect(getRecord(ctx, { sourceSystem: 'crm', sourceRecordId: 'missing' })).rejects.toMatchObject({
      code: 'IH_RECORD_NOT_FOUND',
    });
  });

  it('batch upsert gives the one-by-one decisions and reports bad records without stopping', async () => {
    const a = person();
    const aDup = sameAs(a, { source_system: 'web' });
    const b = person();
    const results = await upsertRecords(ctx, sourceActor(), [a, aDup, b, { ...a }, person({ source_system: 'nope' })]);
    const ok = results.slice(0, 4) as UpsertResult[];
    expect(ok.map((r) => r.decision)).toEqual(['created', 'attached', 'created', 'unchanged']);
    expect(ok[1]?.customerId).toBe(ok[0]?.customerId);
    expect(ok[2]?.customerId).not.toBe(ok[0]?.customerId);
    expect((results[4] as UpsertFailure).error.code).toBe('IH_SOURCE_SYSTEM_NOT_FOUND');
    // Re-importing the same file changes nothing.
    const events = await countRows(database, 'audit_events');
    const again = await upsertRecords(ctx, sourceActor(), [a, aDup, b]);
    expect(again.map((r) => (r as UpsertResult).decision)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(again.map((r) => (r as UpsertResult).customerId)).toEqual(ok.slice(0, 3).map((r) => r.customerId));
    expect(await countRows(database, 'audit_events')).toBe(events);
  });
});
