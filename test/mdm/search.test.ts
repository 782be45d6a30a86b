import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MdmContext, searchCustomers, upsertRecord, type UpsertResult } from '../../src/mdm/index.js';
import type { Database } from '../../src/store/db.js';
import { backends, openTestDatabase } from '../helpers/database.js';
import { addSourceSystems, person, sourceActor, testContext } from './mdm-helpers.js';

describe.each(backends)('customer search (%s)', (backend) => {
  let database: Database;
  let ctx: MdmContext;
  let target: UpsertResult;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ctx = testContext(database);
    await addSourceSystems(database, { crm: 10 });
    for (let i = 0; i < 15; i++) await upsertRecord(ctx, sourceActor(), person());
    target = await upsertRecord(
      ctx,
      sourceActor(),
      person({
        given_name: 'Siobhan',
        family_name: 'Fitzgerald',
        email: 'Siobhan.Fitz@Example.com',
        phone: '0413 579 246',
        postal_code: '2795',
        source_record_id: 'CRM-778812',
      }),
    );
  });
  afterAll(() => database.close());

  const ids = (rows: Array<{ customer: { id: string } }>): string[] => rows.map((r) => r.customer.id);

  it('finds a customer by a misspelt name, best match first', async () => {
    const found = await searchCustomers(ctx, { name: 'Shiobhan Fitzgerold', limit: 5 });
    expect(ids(found)[0]).toBe(target.customerId);
    expect(found[0]?.score).toBeGreaterThan(0);
  });

  it('finds a customer from one misspelt word of the name (word similarity)', async () => {
    expect(ids(await searchCustomers(ctx, { name: 'Fitzgerold', limit: 5 }))[0]).toBe(target.customerId);
    expect(ids(await searchCustomers(ctx, { q: 'Siobahn', limit: 5 }))[0]).toBe(target.customerId);
  });

  it('finds by email and phone written differently from the record', async () => {
    expect(ids(await searchCustomers(ctx, { email: ' siobhan.fitz@EXAMPLE.com', limit: 5 }))).toEqual([
      target.customerId,
    ]);
    expect(ids(await searchCustomers(ctx, { phone: '+61 413 579 246', limit: 5 }))).toEqual([target.customerId]);
  });

  it('combines criteria (all must hold) and reads free text', async () => {
    expect(ids(await searchCustomers(ctx, { postalCode: '2795', name: 'Siobhan Fitzgerald', limit: 5 }))).toEqual([
      target.customerId,
    ]);
    expect(ids(await searchCustomers(ctx, { postalCode: '2795', email: 'nobody@example.com', limit: 5 }))).toEqual([]);
    expect(ids(await searchCustomers(ctx, { q: 'siobhan.fitz@example.com', limit: 5 }))).toEqual([target.customerId]);
    expect(ids(await searchCustomers(ctx, { q: '0413579246', limit: 5 }))).toEqual([target.customerId]);
    expect(ids(await searchCustomers(ctx, { q: 'CRM-778812', limit: 5 }))).toEqual([target.customerId]);
    expect(ids(await searchCustomers(ctx, { q: 'Siobhan Fitzgerald', limit: 5 }))[0]).toBe(target.customerId);
  });

  it('answers nothing for an empty query', async () => {
    expect(await searchCustomers(ctx, { limit: 5 })).toEqual([]);
  });
});
