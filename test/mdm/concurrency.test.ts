import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  getCustomer,
  type MdmContext,
  mergeCustomers,
  upsertRecord,
  upsertRecords,
  type UpsertResult,
} from '../../src/mdm/index.js';
import type { Database } from '../../src/store/db.js';
import { backends, openTestDatabase } from '../helpers/database.js';
import { addSourceSystems, person, sameAs, sourceActor, steward, testContext } from './mdm-helpers.js';

describe.each(backends)('concurrent upserts (%s)', (backend) => {
  let database: Database;
  let ctx: MdmContext;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ctx = testContext(database);
    await addSourceSystems(database, { crm: 10 });
  });
  afterAll(() => database.close());

  it('20 simultaneous records of one new person end in exactly one customer', async () => {
    const rec = person();
    const copies = Array.from({ length: 24 }, () => sameAs(rec));
    const results = await Promise.all(copies.map((c) => upsertRecord(ctx, sourceActor(), c)));
    const customers = new Set(results.map((r) => r.customerId));
    expect(customers.size).toBe(1);
    expect(results.filter((r) => r.decision === 'created')).toHaveLength(1);
    const { customer } = await getCustomer(ctx, [...customers][0] as string);
    // No lost update: every attach was counted in the golden record's customer.
    expect(customer.recordCount).toBe(copies.length);
    expect(customer.version).toBe(copies.length);
  });

  it('batches and single upserts running together neither deadlock nor split a person', async () => {
    const people = Array.from({ length: 30 }, () => person());
    const batchA = people.map((p) => sameAs(p));
    const batchB = [...people].reverse().map((p) => sameAs(p));
    const singles = people.slice(0, 10).map((p) => sameAs(p));
    const [ra, rb, ...rs] = await Promise.all([
      upsertRecords(ctx, sourceActor(), batchA),
      upsertRecords(ctx, sourceActor(), batchB),
      ...singles.map((r) => upsertRecord(ctx, sourceActor(), r)),
    ]);
    const results = [...(ra ?? []), ...(rb ?? []), ...rs] as UpsertResult[];
    expect(results.every((r) => typeof r.customerId === 'string')).toBe(true);
    // Each person ended in one customer: 30 people, 30 customers among all these records.
    expect(new Set(results.map((r) => r.customerId)).size).toBe(people.length);
  });

  it('the same record sent concurrently is stored once, as one version', async () => {
    const rec = person();
    const results = await Promise.all(Array.from({ length: 10 }, () => upsertRecord(ctx, sourceActor(), { ...rec })));
    expect(results.filter((r) => r.decision !== 'unchanged')).toHaveLength(1);
    expect(results.filter((r) => r.decision === 'unchanged')).toHaveLength(9);
    expect(new Set(results.map((r) => r.customerId)).size).toBe(1);
    expect(new Set(results.map((r) => r.recordVersion))).toEqual(new Set([1]));
  });
  it('a merge racing upserts into both customers loses no update: every golden count matches its records', async () => {
    const p = person();
    const q = person();
    const a = await upsertRecord(ctx, sourceActor(), p);
    const b = await upsertRecord(ctx, sourceActor(), q);
    // Upserts hold advisory locks on blocking keys, a merge does not: only the optimistic version
    // check on the customer rows (and the retry it triggers) keeps the two from overwriting each other.
    const [merged, ...attached] = await Promise.all([
      mergeCustomers(ctx, steward, a.customerId, b.customerId, 'same person'),
      ...Array.from({ length: 6 }, () => upsertRecord(ctx, sourceActor(), sameAs(p))),
      ...Array.from({ length: 6 }, () => upsertRecord(ctx, sourceActor(), sameAs(q))),
    ]);
    const survivor = merged.customer.id;
    expect(attached.every((r) => r.decision === 'attached')).toBe(true);
    const counts = await sql<{ id: string; status: string; record_count: number; live: string }>`
      select c.id, c.status, c.record_count,
        (select count(*) from source_records r where r.customer_id = c.id and r.deleted_at is null) as live
      from customers c where c.id in (${a.customerId}, ${b.customerId})`.execute(database.db);
    for (const c of counts.rows) expect(c.record_count, c.id).toBe(Number(c.live));
    const gone = counts.rows.find((c) => c.id !== survivor);
    expect(gone).toMatchObject({ status: 'merged', record_count: 0 });
    expect((await getCustomer(ctx, survivor)).customer.recordCount).toBe(14);
  });
});
