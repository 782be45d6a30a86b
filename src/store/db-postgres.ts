import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Database, DatabaseTimeouts } from './db.js';
import { isDatabaseUnavailable } from './db-errors.js';
import type { DB } from './schema.js';
import { INT8_OID, NUMERIC_OID, parseInt8, parseNumeric } from './value-parsers.js';

/** Per-pool type parsers, so nothing global in `pg` is changed. */
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID) return parseInt8;
    if (oid === NUMERIC_OID) return parseNumeric;
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PostgresDatabase extends Database {
  kind: 'postgres';
  pool: pg.Pool;
}

/**
 * When a caller gives none (the CLI, workers, benchmarks: long batch statements are normal there),
 * only connecting is bounded. The API process passes the configured DATABASE_*_TIMEOUT_MS.
 */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 10_000,
  statementMs: 0,
  lockMs: 0,
  idleInTransactionMs: 0,
};

/** Margin of the client-side read timeout over the server's statement_timeout. */
const READ_TIMEOUT_MARGIN_MS = 2_000;

/**
 * A stalled database (network paused, server frozen) never answers, so without timeouts a request
 * waits forever and so does every request queued behind its pool slot. Each setting bounds one
 * wait: connecting (client side), a statement, a lock and an idle open transaction (server side),
 * and a statement whose answer never arrives (client side: `query_timeout`, a little after the
 * server's statement_timeout so the server's own, clearer error wins when the server is alive).
 */
function poolConfig(databaseUrl: string, poolSize: number, t: DatabaseTimeouts): pg.PoolConfig {
  return {
    connectionString: databaseUrl,
    max: poolSize,
    types: typeParsers,
    connectionTimeoutMillis: t.connectMs,
    keepAlive: true,
    ...(t.statementMs > 0 ? { statement_timeout: t.statementMs } : {}),
    ...(t.lockMs > 0 ? { lock_timeout: t.lockMs } : {}),
    ...(t.idleInTransactionMs > 0 ? { idle_in_transaction_session_timeout: t.idleInTransactionMs } : {}),
  };
}

export function openPostgres(
  databaseUrl: string,
  poolSize: number,
  timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS,
): PostgresDatabase {
  const pool = new pg.Pool(poolConfig(databaseUrl, poolSize, timeouts));
  // An idle client losing its connection emits 'error' on the pool; unhandled it would crash the
  // process. The pool already discards that client and the next query reconnects.
  pool.on('error', () => undefined);
  const readTimeoutMs = timeouts.statementMs > 0 ? timeouts.statementMs + READ_TIMEOUT_MARGIN_MS : 0;
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: guardedPool(pool, readTimeoutMs) }) });
  return {
    db,
    kind: 'postgres',
    pool,
    async execScript(script: string): Promise<void> {
      // No parameters => simple-query protocol, which accepts several statements.
      await pool.query(script);
    },
    async close(): Promise<void> {
      // Kysely only tears down a driver it has used; end the pool ourselves in case it never ran a query.
      await db.destroy();
      if (!pool.ended) await pool.end();
    },
  };
}

/** A session that turns statement_timeout off (the migrator) also waits without a read timeout. */
const NO_STATEMENT_TIMEOUT = /^\s*set\s+(?:session\s+)?statement_timeout\s*(?:=|to)\s*'?0'?\s*;?\s*$/i;
const RESET_STATEMENT_TIMEOUT = /^\s*reset\s+(?:statement_timeout|all)\s*;?\s*$/i;

/**
 * Two guards around each pooled client Kysely uses:
 * - a read timeout per statement (pg `query_timeout`): a database that stalls (network paused,
 *   server frozen) never answers, and without it the request, and every request queued behind its
 *   pool slot, would wait for ever;
 * - a connection that dies while checked out must not crash the process (an 'error' listener);
 * - Kysely releases a client with `release()` whatever happened on it. A client whose statement
 *   timed out on the client side is still "queryable" to pg-pool, but its connection is stuck behind
 *   the unanswered statement: handed out again, it would hang the next request. A connection-level
 *   failure is remembered and the client released with it, which makes the pool destroy it, so the
 *   service recovers on its own once the database answers again.
 */
function guardedPool(pool: pg.Pool, readTimeoutMs: number): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let broken: Error | undefined;
      let timeout = readTimeoutMs;
      // A checked-out client whose connection dies between statements emits 'error'; pg-pool only
      // listens while the client is idle, so unhandled it would crash the process.
      const onError = (err: Error): void => {
        broken = err;
      };
      client.on('error', onError);
      const query = (sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>): unknown => {
        if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as pg.Submittable);
        if (NO_STATEMENT_TIMEOUT.test(sqlOrCursor)) timeout = 0;
        else if (RESET_STATEMENT_TIMEOUT.test(sqlOrCursor)) timeout = readTimeoutMs;
        const config: pg.QueryConfig & { query_timeout?: number } = {
          text: sqlOrCursor,
          values: parameters as unknown[],
          ...(timeout > 0 ? { query_timeout: timeout } : {}),
        };
        return client.query(config).catch((err: unknown) => {
          if (isDatabaseUnavailable(err) && err instanceof Error) broken = err;
          throw err;
        });
      };
      const release = (): void => {
        client.off('error', onError);
        client.release(broken);
      };
      return { query, release } as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
