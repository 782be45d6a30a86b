/**
 * Related customers (issue #11 item 4): a household — two people at one address with one family
 * name and landline, different given names and birth dates — stays two customers after the dedupe
 * job, which records one `household` relationship between them (after following the merge of one
 * person's twin records); a re-run adds nothing; /v1/customers/{id}/related answers both ways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertRecord, upsertRecords } from '../../src/mdm/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import { insertSourceSystem } from '../../src/store/source-systems.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { backends } from '../helpers/database.js';
import { jobContext, startHarness, type Harness } from './helpers.js';

const STEWARD_KEY = 'test-steward-key-0123456789';
const ADMIN_KEY = 'test-admin-key-0123456789';
const SYSTEM_ACTOR = { type: 'system' as const, id: 'test' };

const resident = (system: string, id: string, given: string, dob: string, email: string): RawRecord => ({
  source_system: system,
  source_record_id: id,
  given_name: given,
  family_name: 'Quennell-Abara',
  date_of_birth: dob,
  email,
  phone: '+61295550147',
  address_line1: '41 Kurrajong Street',
  locality: 'Newtown',
  postal_code: '2042',
  country: 'AU',
});

describe.each(backends)('related customers through the dedupe job (%s)', (backend) => {
  let t: TestApp;
  let harness: Harness;
  let sourceKey = '';

  beforeAll(async () => {
    t = await buildTestApp({
      backend,
      env: { STEWARD_API_KEY: STEWARD_KEY, ADMIN_API_KEY: ADMIN_KEY, DEFAULT_COUNTRY: 'AU' },
    });
    await t.database.db.transaction().execute(async (trx) => {
      for (const name of ['crm', 'web']) await insertSourceSystem(trx, { name, display_name: name, trust_rank: 100 });
    });
    // Candidate search off at ingest: each record its own customer, so the job does all the work.
    const noMatch = jobContext(t.database, { MATCH_MAX_BLOCK_SIZE: '0' });
    const results = await upsertRecords(noMatch, SYSTEM_ACTOR, [
      resident('crm', 'h1', 'Thaddeus', '1959-07-29', 'thaddeus.qa@example.net'),
      resident('web', 'h1w', 'Thaddeus', '1959-07-29', 'thaddeus.qa@example.net'),
      resident('crm', 'h2', 'Perpetua', '1993-01-08', 'perpetua.qa@example.net'),
    ]);
    expect(results.every((r) => !('error' in r) && r.decision === 'created')).toBe(true);
    const shop = await t.app.inject({
      method: 'POST',
      url: '/v1/source-systems',
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
      payload: { name: 'shop', trustRank: 100 },
    });
    expect(shop.statusCode, shop.body).toBe(201);
    sourceKey = (shop.json() as { apiKey: string }).apiKey;
    harness = startHarness('inline', t.database);
  });
  afterAll(async () => {
    await harness?.close();
    await t?.close();
  });

  const runDedupe = async () => {
    const { id } = await harness.runner.enqueue('dedupe', { scope: 'all' });
    const view = await harness.waitFor(id, ['completed', 'failed']);
    expect(view.failure).toBeNull();
    return view.counts as Record<string, number>;
  };
  const activeCustomers = () =>
    t.database.db.selectFrom('customers').select(['id', 'display_name']).where('status', '=', 'active').execute();
  const related = (id: string, key = STEWARD_KEY) =>
    t.app.inject({
      method: 'GET',
      url: `/v1/customers/${id}/related`,
      headers: { authorization: `Bearer ${key}` },
    });

  it('keeps the household apart as two customers and records one household relationship, idempotently', async () => {
    const first = await runDedupe();
    expect(first['merges']).toBe(1);
    expect(first['relatedCustomers']).toBe(1);
    const customers = await activeCustomers();
    expect(customers).toHaveLength(2);
    const rows = await t.database.db.selectFrom('related_customers').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('household');
    expect(new Set([rows[0]!.customer_a, rows[0]!.customer_b])).toEqual(new Set(customers.map((c) => c.id)));
    const events = await t.database.db
      .selectFrom('audit_events')
      .select('customer_id')
      .where('action', '=', 'customer.related')
      .execute();
    expect(events).toHaveLength(2);

    const second = await runDedupe();
    expect(second['relatedCustomers']).toBe(0);
    expect(await t.database.db.selectFrom('related_customers').selectAll().execute()).toHaveLength(1);
    expect(
      await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'customer.related').execute(),
    ).toHaveLength(2);
  });

  it('answers /related both ways with kind, name and evidence; a bad cursor is a 400', async () => {
    const [a, b] = await activeCustomers();
    const pairs: Array<[{ id: string }, { id: string; display_name: string | null }]> = [
      [a!, b!],
      [b!, a!],
    ];
    for (const [self, other] of pairs) {
      const res = await related(self.id);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Array<Record<string, unknown>>; nextCursor: string | null };
      expect(body.nextCursor).toBeNull();
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({ customerId: other.id, kind: 'household', displayName: other.display_name });
      expect((body.items[0]!['evidence'] as { shared: string[] }).shared).toContain('address');
    }
    // A source key: ids and kinds only, no name or evidence of another system's records.
    const asSource = await related(a!.id, sourceKey);
    expect(asSource.statusCode, asSource.body).toBe(200);
    const [only] = (asSource.json() as { items: Array<Record<string, unknown>> }).items;
    expect(Object.keys(only!).sort()).toEqual(['customerId', 'kind', 'updatedAt']);
    const bad = await t.app.inject({
      method: 'GET',
      url: `/v1/customers/${a!.id}/related?after=nonsense`,
      headers: { authorization: `Bearer ${STEWARD_KEY}` },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('real time: a new household member upserted with matching on is related to both customers at once', async () => {
    const before = await activeCustomers();
    // The single-record path (PUT /v1/records). A relative sharing address, family name and the
    // landline: the evidence policy (a given name that contradicts) keeps them apart in real time as
    // in the batch; without it the shared landline and address attached this record.
    const res = await upsertRecord(jobContext(t.database), SYSTEM_ACTOR, {
      ...resident('crm', 'h3', 'Ignatius', '2001-10-17', 'ignatius.qa@example.net'),
    });
    expect(res.decision).toBe('created');
    const newId = res.customerId;
    expect(before.map((c) => c.id)).not.toContain(newId);
    const body = (await related(newId)).json() as { items: Array<{ customerId: string; kind: string }> };
    expect(body.items.map((i) => i.customerId).sort()).toEqual(before.map((c) => c.id).sort());
    expect(body.items.every((i) => i.kind === 'household')).toBe(true);
  });
});
