/**
 * Nothing half-written: a failure at the last step of a change (the audit insert, made to fail by a
 * real trigger in the test database) leaves no trace of the change anywhere.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCustomer, type MdmContext, mergeCustomers, upsertRecord } from '../../src/mdm/index.js';
import type { Database } from '../../src/store/db.js';
import { backends, openTestDatabase } from '../helpers/database.js';
import { addSourceSystems, person, sourceActor, testContext } from './mdm-helpers.js';

const saboteur = { type: 'steward', id: 'explode' } as const;

describe.each(backends)('atomic changes (%s)', (backend) => {
  let database: Database;
  let ctx: MdmContext;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ctx = testContext(database);
    await addSourceSystems(database, { crm: 10 });
    await database.execScript(`
      create function fail_audit() returns trigger language plpgsql as $$
      begin
        if new.actor = 'explode' then raise exception 'audit refused'; end if;
        return new;
      end $$;
      create trigger fail_audit before insert on audit_events for each row execute function fail_audit();`);
  });
  afterAll(() => database.close());

  async function counts(): Promise<Record<string, number>> {
    const r = await sql<Record<string, number>>`select
      (select count(*) from customers)::int as customers,
      (select count(*) from source_records)::int as records,
      (select count(*) from blocking_keys)::int as keys,
      (select count(*) from match_links)::int as links`.execute(database.db);
    return r.rows[0] as Record<string, number>;
  }

  it('a failed upsert leaves no customer, record or key behind', async () => {
    const before = await counts();
    await expect(upsertRecord(ctx, saboteur, person())).rejects.toThrow(/audit refused/);
    expect(await counts()).toEqual(before);
  });

  it('a failed merge leaves both customers as they were', async () => {
    const a = await upsertRecord(ctx, sourceActor(), person());
    const b = await upsertRecord(ctx, sourceActor(), person());
    await expect(mergeCustomers(ctx, saboteur, a.customerId, b.customerId, 'x')).rejects.toThrow(/audit refused/);
    const cb = await getCustomer(ctx, b.customerId);
    expect(cb.redirectedFrom).toBeUndefined();
    expect(cb.customer).toMatchObject({ status: 'active', recordCount: 1, version: 1 });
    expect((await getCustomer(ctx, a.customerId)).customer).toMatchObject({ recordCount: 1, version: 1 });
  });
});
