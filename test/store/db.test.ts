import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, pingDatabase } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { backends, openTestDatabase } from '../helpers/database.js';

describe('openDatabase on embedded PGlite', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('creates the data folder, migrates, and keeps data across a reopen', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ih-db-'));
    dirs.push(parent);
    const dataDir = join(parent, 'nested', 'data');

    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    await pingDatabase(first);
    expect((await migrate(first)).applied).toContain('0001_core.sql');
    await first.db.insertInto('source_systems').values({ name: 'erp', display_name: 'ERP', trust_rank: 5 }).execute();
    const customer = await first.db.insertInto('customers').defaultValues().returning('id').executeTakeFirstOrThrow();
    await first.close();

    const second = await openDatabase({ dataDir });
    try {
      expect(await migrate(second)).toEqual({ applied: [] });
      const systems = await second.db.selectFrom('source_systems').select(['name', 'trust_rank']).execute();
      expect(systems).toEqual([{ name: 'erp', trust_rank: 5 }]);
      // The id sequence continues where it stopped: ids are never reused.
      const next = await second.db.insertInto('customers').defaultValues().returning('id').executeTakeFirstOrThrow();
      expect(next.id > customer.id).toBe(true);
    } finally {
      await second.close();
    }
  });
});

describe.each(backends)('pingDatabase (%s)', (backend) => {
  it('answers while open and fails once the database is closed', async () => {
    const database = await openTestDatabase(backend);
    expect(database.kind).toBe(backend);
    await pingDatabase(database);
    await database.close();
    await expect(pingDatabase(database)).rejects.toThrow();
  });
});
