/**
 * Forward-only SQL migrations: `NNNN_name.sql` files applied in name order, each in its own
 * transaction together with its row in schema_migrations. Idempotent: applied files are skipped.
 * An applied file whose checksum changed is refused, because editing a merged migration would
 * leave databases that ran the old text silently different from new ones.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';
import type { Database } from './db.js';

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

const FILE_PATTERN = /^\d{4}_[a-z0-9_]+\.sql$/;
/** Arbitrary constant key for pg_advisory_lock: serialises migrators started at the same time. */
const MIGRATION_LOCK_KEY = 7_305_118_402;

export interface MigrationFile {
  name: string;
  checksum: string;
  sql: string;
}

export class MigrationChecksumError extends Error {
  constructor(readonly migration: string) {
    super(`migration ${migration} was changed after it was applied; add a new migration instead of editing it`);
    this.name = 'MigrationChecksumError';
  }
}

export async function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => FILE_PATTERN.test(n)).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(dir, name), 'utf8');
      return { name, checksum: createHash('sha256').update(text).digest('hex'), sql: text };
    }),
  );
}

export async function migrate(
  database: Database,
  dir: string = DEFAULT_MIGRATIONS_DIR,
): Promise<{ applied: string[] }> {
  const files = await readMigrations(dir);
  return withMigrationSession(database, async (run, db) => {
    await run(
      `create table if not exists schema_migrations (
         name text primary key, checksum text not null, applied_at timestamptz not null default now())`,
    );
    const done = new Map(
      (await db.selectFrom('schema_migrations').select(['name', 'checksum']).execute()).map((r) => [
        r.name,
        r.checksum,
      ]),
    );
    const applied: string[] = [];
    for (const file of files) {
      const checksum = done.get(file.name);
      if (checksum !== undefined) {
        if (checksum !== file.checksum) throw new MigrationChecksumError(file.name);
        continue;
      }
      await applyMigration(run, file);
      applied.push(file.name);
    }
    return { applied };
  });
}

type RunScript = (script: string) => Promise<void>;

/**
 * The file and its bookkeeping row go in one simple-query message, which PostgreSQL (and PGlite)
 * run as one implicit transaction: both commit or neither. Hence migration files must not contain
 * their own BEGIN/COMMIT.
 */
async function applyMigration(run: RunScript, file: MigrationFile): Promise<void> {
  const record = `insert into schema_migrations (name, checksum) values (${quote(file.name)}, ${quote(file.checksum)})`;
  try {
    await run(`${file.sql}\n;\n${record};`);
  } catch (err) {
    throw new Error(`migration ${file.name} failed: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
}

/**
 * On PostgreSQL everything runs on one connection holding a session advisory lock, so two
 * processes starting together cannot both migrate: the second waits, then finds nothing to do.
 * (A query without parameters goes over the simple-query protocol, so scripts may hold several
 * statements.) PGlite is single-process and uses its own script runner.
 */
async function withMigrationSession<T>(
  database: Database,
  fn: (run: RunScript, db: Kysely<DB>) => Promise<T>,
): Promise<T> {
  if (database.kind !== 'postgres') return fn((script) => database.execScript(script), database.db);
  return database.db.connection().execute(async (conn) => {
    // A migration may build an index over millions of rows and a second migrator waits for the
    // first: the API's statement and lock timeouts do not apply to this session (db-postgres.ts).
    await sql`set statement_timeout = 0`.execute(conn);
    await sql`set lock_timeout = 0`.execute(conn);
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      return await fn(async (script) => {
        await sql.raw(script).execute(conn);
      }, conn);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
      await sql`reset statement_timeout`.execute(conn);
      await sql`reset lock_timeout`.execute(conn);
    }
  });
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
