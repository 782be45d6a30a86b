/**
 * Fresh, migrated, empty, isolated databases for integration tests, cheap enough to open one per
 * test file (or per test):
 * - PGlite: the migrations run once into an in-memory instance whose data folder is dumped to a
 *   tarball cached in os.tmpdir() (keyed by the migration files); each call restores it (~1.5 s
 *   instead of 8-12 s for a fresh instance).
 * - PostgreSQL (when TEST_DATABASE_URL is set): the migrations run once into a template database
 *   named after the migration files; each call clones it with CREATE DATABASE ... TEMPLATE and
 *   drops the clone on close().
 *
 * Usage: describe.each(backends)('thing (%s)', (backend) => { beforeAll(() => openTestDatabase(backend)) ... })
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { Database } from '../../src/store/db.js';
import { openPglite } from '../../src/store/db-pglite.js';
import { openPostgres } from '../../src/store/db-postgres.js';
import { migrate, readMigrations } from '../../src/store/migrate.js';

export type Backend = 'pglite' | 'postgres';

const testDatabaseUrl = process.env['TEST_DATABASE_URL'];

export const backends: Backend[] = testDatabaseUrl ? ['pglite', 'postgres'] : ['pglite'];

export function openTestDatabase(backend: Backend): Promise<Database> {
  if (backend === 'pglite') return openPgliteTestDatabase();
  if (!testDatabaseUrl) throw new Error('the postgres test backend needs TEST_DATABASE_URL');
  return openPostgresTestDatabase(testDatabaseUrl);
}

/**
 * Identifies the schema: any change to a migration file gives a new snapshot / template. The PGlite
 * version is part of it because a data folder dumped by one version may not load in another.
 */
async function schemaKey(): Promise<string> {
  const files = await readMigrations();
  const hash = createHash('sha256');
  hash.update(await pgliteVersion());
  for (const f of files) hash.update(`${f.name}:${f.checksum}\n`);
  return hash.digest('hex').slice(0, 16);
}

async function pgliteVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pkg = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

let pgliteSnapshot: Promise<Blob> | undefined;

async function openPgliteTestDatabase(): Promise<Database> {
  pgliteSnapshot ??= loadOrBuildPgliteSnapshot();
  return openPglite({ loadDataDir: await pgliteSnapshot });
}

async function loadOrBuildPgliteSnapshot(): Promise<Blob> {
  const file = join(tmpdir(), `ih-pglite-snapshot-${await schemaKey()}.tar.gz`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not cached yet: build it. Parallel workers may both build; the atomic rename keeps the file whole.
  }
  const database = await openPglite({});
  try {
    await migrate(database);
    const dump = await database.pglite.dumpDataDir('gzip');
    const bytes = new Uint8Array(await dump.arrayBuffer());
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, bytes);
    await rename(partial, file);
    return new Blob([bytes]);
  } finally {
    await database.close();
  }
}

let postgresTemplate: Promise<string> | undefined;

async function openPostgresTestDatabase(baseUrl: string): Promise<Database> {
  postgresTemplate ??= ensurePostgresTemplate(baseUrl);
  const template = await postgresTemplate;
  const name = `ih_test_${process.pid}_${randomBytes(5).toString('hex')}`;
  await withAdminClient(baseUrl, (c) => c.query(`create database ${name} template ${template}`));
  const database = openPostgres(databaseUrlFor(baseUrl, name), 5);
  return {
    ...database,
    async close(): Promise<void> {
      await database.close();
      await withAdminClient(baseUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** Arbitrary advisory-lock key: one vitest worker builds the template while the others wait. */
const TEMPLATE_LOCK_KEY = 7_305_118_403;

async function ensurePostgresTemplate(baseUrl: string): Promise<string> {
  const template = `ih_template_${await schemaKey()}`;
  await withAdminClient(baseUrl, async (admin) => {
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount) return;
      // Build under a temporary name and rename when complete, so a crashed build is never used.
      const building = `${template}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const database = openPostgres(databaseUrlFor(baseUrl, building), 1);
      try {
        await migrate(database);
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${building} rename to ${template}`);
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
  return template;
}

async function withAdminClient<T>(baseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function databaseUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
