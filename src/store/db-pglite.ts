import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { Database } from './db.js';
import type { DB } from './schema.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { INT8_OID, NUMERIC_OID, parseInt8, parseNumeric } from './value-parsers.js';

export interface PgliteDatabase extends Database {
  kind: 'pglite';
  pglite: PGlite;
  /**
   * Runs `fn` with exclusive use of the PGlite instance. The Kysely dialect serialises its single
   * connection; going through it means no Kysely query or transaction interleaves with `fn`.
   */
  exclusive<T>(fn: (pglite: PGlite) => Promise<T>): Promise<T>;
}

export interface OpenPgliteOptions {
  /** Folder to persist in (created when missing); omitted => in memory. */
  dataDir?: string;
  /** A dumpDataDir() tarball to start from (fast test set-up). */
  loadDataDir?: Blob;
}

export async function openPglite(opts: OpenPgliteOptions): Promise<PgliteDatabase> {
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });
  // Before PGlite touches the folder: a second process must not open it (data-dir-lock.ts).
  const lock = opts.dataDir ? acquireDataDirLock(opts.dataDir) : undefined;
  const pglite = await createPglite(opts).catch((err: unknown) => {
    lock?.release();
    throw err;
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  const exclusive = <T>(fn: (p: PGlite) => Promise<T>): Promise<T> => db.connection().execute(() => fn(pglite));
  return {
    db,
    kind: 'pglite',
    pglite,
    exclusive,
    async execScript(script: string): Promise<void> {
      await exclusive((p) => p.exec(script));
    },
    async close(): Promise<void> {
      try {
        // Kysely only tears down a driver it has used; close PGlite ourselves in case it never ran a query.
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function createPglite(opts: OpenPgliteOptions): Promise<PGlite> {
  // One options object: PGlite 0.4 silently dropped a second argument (LIBRARIES.md).
  return PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { pg_trgm, fuzzystrmatch },
    parsers: { [INT8_OID]: parseInt8, [NUMERIC_OID]: parseNumeric },
  });
}
