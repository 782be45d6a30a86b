import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/db.js';
import { jsonb } from '../../src/store/json.js';
import { backends, openTestDatabase } from '../helpers/database.js';

describe.each(backends)('core schema constraints (%s)', (backend) => {
  let database: Database;
  let recordIds: number[];

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const { db } = database;
    await db.insertInto('source_systems').values({ name: 'crm', display_name: 'CRM' }).execute();
    const rows = await db
      .insertInto('source_records')
      .values(
        ['r1', 'r2', 'r3'].map((id) => ({
          source_system: 'crm',
          source_record_id: id,
          raw: jsonb({ source_system: 'crm', source_record_id: id }),
          payload_hash: `h-${id}`,
        })),
      )
      .returning('id')
      .execute();
    recordIds = rows.map((r) => r.id);
  });
  afterAll(() => database?.close());

  it('returns bigint ids as numbers', () => {
    expect(recordIds).toHaveLength(3);
    for (const id of recordIds) expect(typeof id).toBe('number');
  });

  it('rejects a second record with the same (source_system, source_record_id)', async () => {
    const insert = database.db.insertInto('source_records').values({
      source_system: 'crm',
      source_record_id: 'r1',
      raw: jsonb({ source_system: 'crm', source_record_id: 'r1' }),
      payload_hash: 'other',
    });
    await expect(insert.execute()).rejects.toThrow(/source_records_natural_key/);
  });

  it('rejects a record from an unknown source system', async () => {
    const insert = database.db.insertInto('source_records').values({
      source_system: 'nope',
      source_record_id: 'x',
      raw: jsonb({ source_system: 'nope', source_record_id: 'x' }),
      payload_hash: 'h',
    });
    await expect(insert.execute()).rejects.toThrow(/foreign key/);
  });

  it('stores a match link only with record_a < record_b, once per pair', async () => {
    const [a, b] = recordIds as [number, number];
    const link = (recordA: number, recordB: number) =>
      database.db
        .insertInto('match_links')
        .values({ record_a: recordA, record_b: recordB, weight: 12.5, probability: 0.99, decision: 'auto_merge' })
        .execute();
    await expect(link(b, a)).rejects.toThrow(/match_links_ordered/);
    await link(a, b);
    await expect(link(a, b)).rejects.toThrow(/match_links_pair/);
  });

  it('allows one open review task per pair, and a new one once it is decided', async () => {
    const [a, b] = recordIds as [number, number];
    const task = () =>
      database.db
        .insertInto('review_tasks')
        .values({ record_a: a, record_b: b, probability: 0.6, weight: 1.2, priority_value: '1500.50' })
        .returning(['id', 'priority_value', 'status'])
        .executeTakeFirstOrThrow();
    const first = await task();
    expect(first).toMatchObject({ priority_value: 1500.5, status: 'open' });
    await expect(task()).rejects.toThrow(/review_tasks_open_pair_idx/);
    await database.db.updateTable('review_tasks').set({ status: 'separated' }).where('id', '=', first.id).execute();
    await expect(task()).resolves.toMatchObject({ status: 'open' });
  });

  it('gives customers readable ids that sort in creation order', async () => {
    const created: string[] = [];
    for (let i = 0; i < 3; i++) {
      const row = await database.db.insertInto('customers').defaultValues().returning('id').executeTakeFirstOrThrow();
      created.push(row.id);
    }
    for (const id of created) expect(id).toMatch(/^C\d{10}$/);
    expect([...created].sort()).toEqual(created);
    expect(new Set(created).size).toBe(3);
  });

  it('requires merged_into exactly when a customer is merged', async () => {
    const newCustomer = () =>
      database.db.insertInto('customers').defaultValues().returning('id').executeTakeFirstOrThrow();
    const survivor = (await newCustomer()).id;
    const other = (await newCustomer()).id;
    const setStatus = (values: { status: 'merged' | 'active'; merged_into: string | null }) =>
      database.db.updateTable('customers').set(values).where('id', '=', other).execute();
    await expect(setStatus({ status: 'merged', merged_into: null })).rejects.toThrow(/customers_merge_redirect/);
    await expect(setStatus({ status: 'active', merged_into: survivor })).rejects.toThrow(/customers_merge_redirect/);
    await setStatus({ status: 'merged', merged_into: survivor });
  });

  it('binds source API keys to a source system and only them', async () => {
    const key = (n: number, role: 'source' | 'admin', sourceSystem: string | null) =>
      database.db
        .insertInto('api_keys')
        .values({ key_hash: n.toString(16).padStart(64, '0'), role, source_system: sourceSystem })
        .execute();
    await expect(key(1, 'source', null)).rejects.toThrow(/api_keys_source_binding/);
    await expect(key(2, 'admin', 'crm')).rejects.toThrow(/api_keys_source_binding/);
    await key(3, 'source', 'crm');
    await key(4, 'admin', null);
  });

  it('keeps at most one active match model', async () => {
    const model = () =>
      database.db
        .insertInto('match_models')
        .values({ model: jsonb({ comparisons: [] }), status: 'active' })
        .returning('version')
        .execute();
    await model();
    await expect(model()).rejects.toThrow(/match_models_one_active_idx/);
  });

  it('has pg_trgm and fuzzystrmatch loaded for candidate search', async () => {
    const r = await sql<{ sim: number; lev: number; dm: string; hit: boolean }>`
      select similarity('jonathan smith', 'jonathon smith') as sim, levenshtein('smith', 'smyth') as lev,
             dmetaphone('Smith') as dm, 'jonathan smith' % 'jonathon smith' as hit`.execute(database.db);
    const row = r.rows[0]!;
    expect(row.sim).toBeGreaterThan(0.5);
    expect(row.sim).toBeLessThan(1);
    expect(row).toMatchObject({ lev: 1, dm: 'SM0', hit: true });
  });

  it('serves name search on active customers from the trigram index', async () => {
    // Tiny tables would be scanned; forbid that to see whether the planner can use the index at all.
    const plan = await database.db.connection().execute(async (conn) => {
      await sql`set enable_seqscan = off`.execute(conn);
      try {
        const r = await sql<{ 'QUERY PLAN': string }>`explain select id from customers
          where status = 'active' and search_name % ${'jon smith'}`.execute(conn);
        return r.rows.map((row) => row['QUERY PLAN']).join('\n');
      } finally {
        await sql`reset enable_seqscan`.execute(conn);
      }
    });
    expect(plan).toContain('customers_search_name_trgm_idx');
  });

  it('round-trips jsonb arrays and objects written with jsonb()', async () => {
    const problems = [{ field: 'phone', code: 'unparseable' }];
    const row = await database.db
      .insertInto('audit_events')
      .values({
        actor: 'test',
        actor_type: 'system',
        action: 'check',
        before: jsonb(problems),
        after: jsonb({ nested: { list: [1, 'two', null] } }),
      })
      .returning(['before', 'after', 'occurred_at'])
      .executeTakeFirstOrThrow();
    expect(row.before).toEqual(problems);
    expect(row.after).toEqual({ nested: { list: [1, 'two', null] } });
    expect(row.occurred_at).toBeInstanceOf(Date);
  });
});
