/**
 * Every hot MDM query can be answered from an index (designed for 16 M customers). With a handful of
 * rows the planner would rightly prefer sequential scans, so sequential scans are disabled and the
 * plan must still be index-only/index/bitmap scans: if a query had no usable index, Postgres would
 * fall back to a Seq Scan anyway (enable_seqscan only adds a cost penalty), which the test catches.
 */
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MdmContext, upsertRecord } from '../../src/mdm/index.js';
import { listCustomerEvents } from '../../src/store/audit-events.js';
import { findCandidateRecords } from '../../src/store/blocking-keys.js';
import { searchCustomersByName } from '../../src/store/customers.js';
import type { PostgresDatabase } from '../../src/store/db-postgres.js';
import { findStewardLinks } from '../../src/store/links.js';
import { listReviewTaskRows } from '../../src/store/review-tasks.js';
import type { DB } from '../../src/store/schema.js';
import {
  findLiveRecordsBySourceRecordId,
  findLiveRecordsByStdField,
  findRecordByKey,
  listLiveRecordsOfCustomers,
} from '../../src/store/source-records.js';
import { openTestDatabase } from '../helpers/database.js';
import { addSourceSystems, person, sourceActor, testContext } from './mdm-helpers.js';

describe.skipIf(!process.env['TEST_DATABASE_URL'])('query plans (postgres)', () => {
  let database: PostgresDatabase;
  let ctx: MdmContext;
  let captured: CompiledQuery[] = [];
  let spy: Kysely<DB>;

  beforeAll(async () => {
    database = (await openTestDatabase('postgres')) as PostgresDatabase;
    ctx = testContext(database);
    await addSourceSystems(database, { crm: 10 });
    for (let i = 0; i < 5; i++) await upsertRecord(ctx, sourceActor(), person());
    await database.pool.query('analyze');
    spy = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: database.pool }),
      log: (e) => {
        if (e.level === 'query') captured.push(e.query);
      },
    });
  });
  afterAll(() => database.close());

  async function plansOf(run: (db: Kysely<DB>) => Promise<unknown>): Promise<string[]> {
    captured = [];
    await run(spy);
    const client = await database.pool.connect();
    try {
      await client.query('set enable_seqscan = off');
      const plans: string[] = [];
      // Statements that read no table (a session setting such as set_config) have no plan to check.
      for (const q of captured.filter((c) => /\bfrom\b/i.test(c.sql))) {
        const res = await client.query<{ 'QUERY PLAN': string }>(`explain ${q.sql}`, [...q.parameters]);
        plans.push(res.rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
      return plans;
    } finally {
      await client.query('reset enable_seqscan');
      client.release();
    }
  }

  const cases: Array<[string, (db: Kysely<DB>) => Promise<unknown>]> = [
    ['record by natural key', (db) => findRecordByKey(db, 'crm', 'x1')],
    [
      'candidates by blocking keys',
      (db) =>
        findCandidateRecords(db, {
          keys: ['em:a@b.c', 'ph:+61400000000'],
          maxBlockSize: 500,
          limit: 50,
          excludeIds: [1],
        }),
    ],
    ['live records of a customer', (db) => listLiveRecordsOfCustomers(db, ['C0000000001'])],
    ['search by email', (db) => findLiveRecordsByStdField(db, 'email', 'a@b.c', 200)],
    ['search by phone', (db) => findLiveRecordsByStdField(db, 'phone', '+61400000000', 200)],
    ['search by postal code', (db) => findLiveRecordsByStdField(db, 'postalCode', '2000', 200)],
    ['search by record id', (db) => findLiveRecordsBySourceRecordId(db, 'CRM-1', 200)],
    ['search by name (trigram)', (db) => searchCustomersByName(db, 'siobhan fitzgerald', 50)],
    ['steward links of a record', (db) => findStewardLinks(db, [1])],
    ['customer history', (db) => listCustomerEvents(db, ['C0000000001'], 100)],
    ['review queue by score', (db) => listReviewTaskRows(db, { status: 'open', sort: 'score', limit: 50, offset: 0 })],
  ];

  it.each(cases)('%s uses an index', async (_name, run) => {
    const plans = await plansOf(run);
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      expect(plan, plan).not.toMatch(
        /Seq Scan on (source_records|customers|blocking_keys|match_links|audit_events|review_tasks)/,
      );
      expect(plan, plan).toMatch(/Index|Bitmap/);
    }
  });
});
