/**
 * Property (#18): after any sequence of upserts, deletes, merges and splits, every customer's golden
 * record, search name, counts, total value and per-system totals — kept per change — equal a full
 * recompute from its live records. The records are drawn from a few people with colliding values
 * (shared emails, initials that abbreviate full names, two systems of different trust) so that
 * frequency, abbreviation and trust decide winners and winners leave.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRecord, mergeCustomers, splitCustomer, upsertRecord } from '../../src/mdm/index.js';
import type { MdmContext } from '../../src/mdm/context.js';
import { recomputedGolden } from '../../src/mdm/golden/golden-state.js';
import type { RawRecord } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import type { CustomerRow } from '../../src/store/schema.js';
import { listLiveRecordsOfCustomers } from '../../src/store/source-records.js';
import { openTestDatabase } from '../helpers/database.js';
import { addSourceSystems, sourceActor, steward, testContext } from './mdm-helpers.js';

const GIVEN = ['Mitchell', 'M', 'Mitch', 'Anna'];
const FAMILY = ['Okafor', 'Okafor-Lee'];
const EMAILS = ['mo@example.com', 'mitchell.okafor@example.com', ''];
const PHONES = ['0412345678', '0298765432', ''];

type Op =
  | {
      kind: 'upsert';
      rec: number;
      system: number;
      given: number;
      family: number;
      email: number;
      phone: number;
      value: number;
    }
  | { kind: 'delete'; rec: number }
  | { kind: 'merge'; a: number; b: number }
  | { kind: 'split'; rec: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('upsert' as const),
      rec: fc.nat(7),
      system: fc.nat(1),
      given: fc.nat(GIVEN.length - 1),
      family: fc.nat(FAMILY.length - 1),
      email: fc.nat(EMAILS.length - 1),
      phone: fc.nat(PHONES.length - 1),
      value: fc.integer({ min: 0, max: 500 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), rec: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), a: fc.nat(7), b: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('split' as const), rec: fc.nat(7) }) },
);

describe('incremental golden records (pglite)', () => {
  let database: Database;
  let ctx: MdmContext;
  let run = 0;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    ctx = testContext(database);
    await addSourceSystems(database, { crm: 10, web: 20 });
  });
  afterAll(() => database.close());

  async function customerOf(prefix: string, rec: number): Promise<{ id: string; live: boolean } | undefined> {
    const r = await sql<{ customer_id: string; deleted_at: Date | null }>`
      select customer_id, deleted_at from source_records where source_record_id = ${`${prefix}-${rec}`}`.execute(
      database.db,
    );
    const row = r.rows[0];
    return row ? { id: row.customer_id, live: row.deleted_at === null } : undefined;
  }

  async function apply(prefix: string, o: Op): Promise<void> {
    const ref = (rec: number, system = 'crm') => ({ sourceSystem: system, sourceRecordId: `${prefix}-${rec}` });
    if (o.kind === 'upsert') {
      const raw: RawRecord = {
        source_system: o.system === 0 ? 'crm' : 'web',
        source_record_id: `${prefix}-${o.rec}`,
        given_name: GIVEN[o.given] as string,
        family_name: FAMILY[o.family] as string,
        email: EMAILS[o.email] as string,
        phone: PHONES[o.phone] as string,
        date_of_birth: '1980-02-03',
        annual_value: String(o.value),
      };
      // A record id belongs to one system for good: re-sends come from the system that created it.
      const existing = await sql<{ source_system: string }>`
        select source_system from source_records where source_record_id = ${raw.source_record_id}`.execute(database.db);
      if (existing.rows[0]) raw.source_system = existing.rows[0].source_system;
      await upsertRecord(ctx, sourceActor(raw.source_system as string), raw);
      return;
    }
    const sys = async (rec: number) =>
      (
        await sql<{ source_system: string }>`
        select source_system from source_records where source_record_id = ${`${prefix}-${rec}`}`.execute(database.db)
      ).rows[0]?.source_system;
    if (o.kind === 'delete') {
      const s = await sys(o.rec);
      if (s) await deleteRecord(ctx, steward, ref(o.rec, s));
      return;
    }
    if (o.kind === 'merge') {
      const [a, b] = [await customerOf(prefix, o.a), await customerOf(prefix, o.b)];
      if (a?.live && b?.live && a.id !== b.id) await mergeCustomers(ctx, steward, a.id, b.id, 'property');
      return;
    }
    const c = await customerOf(prefix, o.rec);
    const s = await sys(o.rec);
    if (!c?.live || !s) return;
    const count = await sql<{ n: number }>`
      select count(*)::int as n from source_records where customer_id = ${c.id} and deleted_at is null`.execute(
      database.db,
    );
    if ((count.rows[0]?.n ?? 0) > 1) await splitCustomer(ctx, steward, c.id, [ref(o.rec, s)], 'property');
  }

  /** Mismatches among the customers holding this run's records (earlier runs' data stays apart). */
  async function mismatches(prefix: string): Promise<string[]> {
    const out: string[] = [];
    const mine = sql<string>`(select customer_id from source_records where source_record_id like ${`${prefix}-%`})`;
    const customers = await database.db
      .selectFrom('customers')
      .selectAll()
      .where('status', '<>', 'merged')
      .where('id', 'in', mine)
      .execute();
    for (const c of customers as CustomerRow[]) {
      const live = await listLiveRecordsOfCustomers(database.db, [c.id]);
      if (live.length === 0) {
        if (c.status !== 'retired' || c.record_count !== 0) out.push(`${c.id}: no live records but ${c.status}`);
        continue;
      }
      const full = recomputedGolden(live, ctx.sourceSystems.trustOf);
      try {
        expect(c.golden).toEqual(JSON.parse(JSON.stringify(full.golden)));
      } catch {
        out.push(`${c.id}: golden ${JSON.stringify(c.golden)} != ${JSON.stringify(full.golden)}`);
      }
      if (c.search_name !== full.searchName) out.push(`${c.id}: search ${c.search_name} != ${full.searchName}`);
      const value = live.reduce((s, r) => s + (r.annual_value ?? 0), 0);
      if (c.record_count !== live.length || Number(c.total_value) !== value || c.status !== 'active') {
        out.push(`${c.id}: ${c.status} ${c.record_count}/${c.total_value}, holds ${live.length}/${value}`);
      }
    }
    const totals = await sql<{ customer_id: string }>`
      select coalesce(t.customer_id, r.customer_id) as customer_id from customer_system_totals t
      full join (
        select customer_id, source_system, count(*)::int as n, sum(annual_value) as v from source_records
        where deleted_at is null group by 1, 2
      ) r on r.customer_id = t.customer_id and r.source_system = t.source_system
      join customers c on c.id = coalesce(t.customer_id, r.customer_id) and c.golden_ready and c.id in ${mine}
      where coalesce(t.record_count, 0) <> coalesce(r.n, 0) or coalesce(t.total_value, 0) <> coalesce(r.v, 0)`.execute(
      database.db,
    );
    for (const t of totals.rows) out.push(`${t.customer_id}: per-system totals differ`);
    return out;
  }

  it('golden record, counts and totals equal a full recompute after any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 20 }), async (ops) => {
        run += 1;
        const prefix = `p${run}`;
        for (const o of ops) await apply(prefix, o);
        expect(await mismatches(prefix)).toEqual([]);
      }),
      { numRuns: 10, seed: Number(process.env['PROPERTY_SEED'] ?? Date.now() % 1_000_000) },
    );
  }, 120_000);
});
