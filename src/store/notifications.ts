/**
 * PostgreSQL LISTEN/NOTIFY on both backends, so a change committed by one process (a promoted match
 * model) reaches every process of the deployment at once instead of after a cache timer.
 * - PostgreSQL: a dedicated client outside the pool holds the LISTEN; it reconnects after an error
 *   (and calls `onReconnect`, since notifications sent while it was away are lost).
 * - PGlite: one process owns the database, and PGlite delivers NOTIFY to its own listeners.
 * NOTIFY inside a transaction is delivered on commit, so a listener never sees an uncommitted change.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './db.js';
import type { PgliteDatabase } from './db-pglite.js';
import type { PostgresDatabase } from './db-postgres.js';
import type { DB } from './schema.js';

export type Unlisten = () => Promise<void>;

/** Sends `payload` on `channel` (delivered when the surrounding transaction commits). */
export async function notify(db: Kysely<DB> | Transaction<DB>, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

export async function listen(
  database: Database,
  channel: string,
  onMessage: (payload: string) => void,
  onReconnect: () => void = () => undefined,
): Promise<Unlisten> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  if (database.kind === 'pglite') {
    const lite = database as PgliteDatabase;
    return lite.exclusive((p) => p.listen(channel, onMessage)).then((stop) => () => stop());
  }
  return listenPostgres(database as PostgresDatabase, channel, onMessage, onReconnect);
}

async function listenPostgres(
  database: PostgresDatabase,
  channel: string,
  onMessage: (payload: string) => void,
  onReconnect: () => void,
): Promise<Unlisten> {
  const connectionString = (database.pool.options as { connectionString?: string }).connectionString;
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => {
      if (n.channel === channel) onMessage(n.payload ?? '');
    });
    c.on('error', () => reconnect(c));
    c.on('end', () => reconnect(c));
    await c.connect();
    await c.query(`listen ${channel}`);
    client = c;
  };
  const reconnect = (c: pg.Client): void => {
    if (stopped || client !== c || retry) return;
    client = undefined;
    c.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(onReconnect, () => reconnect(c));
    }, 1000);
    retry.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
