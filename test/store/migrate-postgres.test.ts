import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { migrate, readMigrations } from '../../src/store/migrate.js';

const baseUrl = process.env['TEST_DATABASE_URL'];

describe.skipIf(!baseUrl)('migrate on an empty PostgreSQL database', () => {
  it('applies everything once when two processes start together (advisory lock)', async () => {
    const name = `ih_test_migrate_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(baseUrl!);
    url.pathname = `/${name}`;
    const a = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 1 });
    const b = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 1 });
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      const all = (await readMigrations()).map((m) => m.name);
      expect([...ra.applied, ...rb.applied].sort()).toEqual(all);
      expect(ra.applied.length === 0 || rb.applied.length === 0).toBe(true);
      expect(await migrate(a)).toEqual({ applied: [] });
    } finally {
      await a.close();
      await b.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });
});
