import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/db.js';
import { DEFAULT_MIGRATIONS_DIR, MigrationChecksumError, migrate, readMigrations } from '../../src/store/migrate.js';
import { backends, openTestDatabase } from '../helpers/database.js';

async function tableExists(database: Database, table: string): Promise<boolean> {
  const r = await sql<{ found: string | null }>`select to_regclass(${table})::text as found`.execute(database.db);
  return r.rows[0]?.found != null;
}

describe.each(backends)('migrate (%s)', (backend) => {
  let database: Database;
  let dir: string;
  let real: string[];

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    dir = await mkdtemp(join(tmpdir(), 'ih-migrations-'));
    // The project's migrations plus test files numbered 9xxx, so they sort after every real one.
    real = (await readMigrations()).map((m) => m.name);
    for (const name of real) await copyFile(join(DEFAULT_MIGRATIONS_DIR, name), join(dir, name));
  });
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('has applied every migration and re-running them is a no-op', async () => {
    expect(real).toContain('0001_core.sql');
    expect(await migrate(database)).toEqual({ applied: [] });
    const rows = await database.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
    expect(rows.map((r) => r.name)).toEqual(real);
    expect(await tableExists(database, 'source_records')).toBe(true);
  });

  it('applies new files in order, once', async () => {
    await writeFile(join(dir, '9003_b.sql'), 'alter table t_a add column b int;');
    await writeFile(join(dir, '9002_a.sql'), 'create table t_a (a int);\ninsert into t_a (a) values (1);');
    await writeFile(join(dir, 'README.md'), 'not a migration');
    expect(await migrate(database, dir)).toEqual({ applied: ['9002_a.sql', '9003_b.sql'] });
    expect(await migrate(database, dir)).toEqual({ applied: [] });
    const r = await sql<{ a: number; b: number | null }>`select a, b from t_a`.execute(database.db);
    expect(r.rows).toEqual([{ a: 1, b: null }]);
  });

  it('refuses an applied file whose text changed', async () => {
    await writeFile(join(dir, '9002_a.sql'), 'create table t_a (a bigint);');
    await expect(migrate(database, dir)).rejects.toBeInstanceOf(MigrationChecksumError);
    await writeFile(join(dir, '9002_a.sql'), 'create table t_a (a int);\ninsert into t_a (a) values (1);');
  });

  it('rolls back a failing file completely and does not record it', async () => {
    await writeFile(join(dir, '9004_bad.sql'), 'create table t_bad (x int);\nselect 1 / 0;');
    await expect(migrate(database, dir)).rejects.toThrow(/9004_bad\.sql failed: division by zero/);
    expect(await tableExists(database, 't_bad')).toBe(false);
    const names = await database.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
    expect(names.map((r) => r.name)).toEqual([...real, '9002_a.sql', '9003_b.sql']);
    // The connection is usable afterwards (no transaction left aborted).
    expect(await tableExists(database, 't_a')).toBe(true);
    await rm(join(dir, '9004_bad.sql'));
  });
});
