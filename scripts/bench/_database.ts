/** Bench databases on a real PostgreSQL server: created when missing, recreated on request. */
import pg from 'pg';

/** Creates the database of `url` when missing (or drops and recreates it when `fresh`). */
export async function ensureDatabase(url: string, fresh = false): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name "${name}"`);
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    if (fresh) await client.query(`drop database if exists ${name} with (force)`);
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!found.rowCount) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}
