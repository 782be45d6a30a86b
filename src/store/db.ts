/**
 * Opens the database: PostgreSQL through `pg` when a URL is given, otherwise embedded PGlite
 * persisted in a folder. Both are exposed as the same Kysely<DB>, so everything above store/
 * is backend-agnostic. Value mapping for both backends is documented in schema.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';
import { openPglite } from './db-pglite.js';
import { openPostgres } from './db-postgres.js';

export interface Database {
  db: Kysely<DB>;
  kind: 'postgres' | 'pglite';
  /**
   * Runs multi-statement SQL (migrations) with the simple-query protocol. Not transactional by
   * itself (put begin/commit in the script). Never call it inside a Kysely transaction callback:
   * on PGlite it waits for the single connection that transaction holds.
   */
  execScript(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://... — when set, PostgreSQL is used and dataDir is ignored. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded PGlite database; created when missing. */
  dataDir: string;
  /** Size of the pg connection pool (default 10). PGlite has one connection. */
  poolSize?: number;
  /** PostgreSQL waits (DATABASE_*_TIMEOUT_MS); defaults in db-postgres.ts. PGlite is in-process. */
  timeouts?: DatabaseTimeouts | undefined;
}

/** Milliseconds; 0 turns a server-side timeout off. */
export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
}

export function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    return Promise.resolve(openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.timeouts));
  }
  return openPglite({ dataDir: opts.dataDir });
}

/** The configured PostgreSQL waits, from the Config (one name from variable to pool option). */
export function databaseTimeouts(config: {
  databaseConnectTimeoutMs: number;
  databaseStatementTimeoutMs: number;
  databaseLockTimeoutMs: number;
  databaseIdleTxTimeoutMs: number;
}): DatabaseTimeouts {
  return {
    connectMs: config.databaseConnectTimeoutMs,
    statementMs: config.databaseStatementTimeoutMs,
    lockMs: config.databaseLockTimeoutMs,
    idleInTransactionMs: config.databaseIdleTxTimeoutMs,
  };
}

/** Throws when the database does not answer (health checks). */
export async function pingDatabase(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db);
}
