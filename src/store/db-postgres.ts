import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './db.js';
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

export function openPostgres(databaseUrl: string, poolSize: number): PostgresDatabase {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, types: typeParsers });
  // An idle client losing its connection emits 'error' on the pool; unhandled it would crash the
  // process. The pool already discards that client and the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
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
