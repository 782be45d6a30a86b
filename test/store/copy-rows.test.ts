import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRows } from '../../src/store/copy-rows.js';
import type { Database } from '../../src/store/db.js';
import { backends, openTestDatabase } from '../helpers/database.js';

describe.each(backends)('copyRows (%s)', (backend) => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await database.db.insertInto('source_systems').values({ name: 'crm', display_name: 'CRM' }).execute();
  });
  afterAll(() => database?.close());

  it('loads awkward values exactly: tabs, newlines, backslashes, unicode, nulls, JSON', async () => {
    const raw = { full_name: 'Zoë \\ "Q"\tO\'Brien\nline2', tags: ['a', 'b'] };
    const n = await copyRows(
      database,
      'source_records',
      ['source_system', 'source_record_id', 'raw', 'problems', 'payload_hash', 'annual_value', 'deleted_at'],
      [
        ['crm', 'x\t1', raw, [{ field: 'phone' }], 'h1', 1234.56, null],
        ['crm', '王-2', { source_record_id: '王-2' }, [], 'h2', undefined, new Date('2026-01-02T03:04:05Z')],
      ],
    );
    expect(n).toBe(2);
    const rows = await database.db
      .selectFrom('source_records')
      .select(['source_record_id', 'raw', 'problems', 'annual_value', 'deleted_at'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { source_record_id: 'x\t1', raw, problems: [{ field: 'phone' }], annual_value: 1234.56, deleted_at: null },
      {
        source_record_id: '王-2',
        raw: { source_record_id: '王-2' },
        problems: [],
        annual_value: null,
        deleted_at: new Date('2026-01-02T03:04:05Z'),
      },
    ]);
  });

  it('streams a large async input (more than one PGlite blob) into blocking_keys', async () => {
    const record = await database.db.selectFrom('source_records').select('id').limit(1).executeTakeFirstOrThrow();
    async function* keys(): AsyncGenerator<unknown[]> {
      for (let i = 0; i < 45_000; i++) yield [`k${i}`, record.id];
    }
    expect(await copyRows(database, 'blocking_keys', ['key', 'record_id'], keys())).toBe(45_000);
    const { count } = await database.db
      .selectFrom('blocking_keys')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(count).toBe(45_000);
  });

  it('loads nothing when one row is bad', async () => {
    const before = await countRecords(database);
    const rows = [
      ['crm', 'ok-1', {}, 'h'],
      ['crm', 'ok-1', {}, 'h'], // duplicate natural key
    ];
    await expect(
      copyRows(database, 'source_records', ['source_system', 'source_record_id', 'raw', 'payload_hash'], rows),
    ).rejects.toThrow(/source_records_natural_key/);
    expect(await countRecords(database)).toBe(before);
    // The database is usable afterwards.
    await copyRows(
      database,
      'source_records',
      ['source_system', 'source_record_id', 'raw', 'payload_hash'],
      [rows[0]!],
    );
    expect(await countRecords(database)).toBe(before + 1);
  });

  it('refuses identifiers that are not plain snake_case', async () => {
    await expect(copyRows(database, 'blocking_keys', ['key"; drop table x; --' as 'key'], [])).rejects.toThrow(
      /invalid SQL identifier/,
    );
  });
});

async function countRecords(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('source_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
