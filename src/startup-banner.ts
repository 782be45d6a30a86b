/**
 * The first-start experience of `npm start`: a new user must end up with a working web UI without
 * reading the configuration chapter. So, when ADMIN_API_KEY / STEWARD_API_KEY are not configured,
 * the server creates one admin and one steward "starter" key, stores only their SHA-256 hashes in
 * api_keys (so they survive restarts like any other key), and prints the clear keys ONCE to the
 * terminal (stderr, never into the log: logs are shipped and retained, keys must not be).
 * Later starts print the URL and how to rotate; `npm start -- --rotate-keys` revokes the starter
 * keys and prints fresh ones.
 */
import type { Kysely } from 'kysely';
import { generateApiKey, hashApiKey } from './mdm/index.js';
import type { DB } from './store/schema.js';

/** api_keys.label of the keys made here; the audit trail shows e.g. "steward:starter". */
export const STARTER_LABEL = 'starter';

export interface StarterKeys {
  /** Clear keys created now (shown once); absent when configured or already stored. */
  created: { admin?: string; steward?: string };
  /** Roles whose starter key already existed (stored hashed; not shown again). */
  stored: Array<'admin' | 'steward'>;
  /** Roles configured through the environment (ADMIN_API_KEY / STEWARD_API_KEY). */
  configured: Array<'admin' | 'steward'>;
}

export interface StarterKeyOptions {
  adminApiKey: string | undefined;
  stewardApiKey: string | undefined;
  /** Revoke existing starter keys and create new ones. */
  rotate: boolean;
}

export async function ensureStarterKeys(db: Kysely<DB>, opts: StarterKeyOptions): Promise<StarterKeys> {
  const result: StarterKeys = { created: {}, stored: [], configured: [] };
  for (const role of ['admin', 'steward'] as const) {
    if ((role === 'admin' ? opts.adminApiKey : opts.stewardApiKey) !== undefined) {
      result.configured.push(role);
      continue;
    }
    const clear = await db.transaction().execute(async (trx) => {
      if (opts.rotate) {
        await trx
          .updateTable('api_keys')
          .set({ revoked_at: new Date() })
          .where('label', '=', STARTER_LABEL)
          .where('role', '=', role)
          .where('revoked_at', 'is', null)
          .execute();
      }
      const existing = await trx
        .selectFrom('api_keys')
        .select('id')
        .where('label', '=', STARTER_LABEL)
        .where('role', '=', role)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (existing) return undefined;
      const key = generateApiKey();
      await trx
        .insertInto('api_keys')
        .values({ key_hash: hashApiKey(key), role, source_system: null, label: STARTER_LABEL })
        .execute();
      return key;
    });
    if (clear === undefined) result.stored.push(role);
    else result.created[role] = clear;
  }
  return result;
}

/** The lines printed to the terminal once the server listens. */
export function bannerText(url: string, keys: StarterKeys): string {
  const lines = ['', `Identity Hub is ready. Web UI: ${url}/ui  (API docs: ${url}/docs)`];
  const { admin, steward } = keys.created;
  if (admin || steward) {
    if (steward) lines.push(`  steward key (web UI, review):   ${steward}`);
    if (admin) lines.push(`  admin key (everything):         ${admin}`);
    lines.push(
      '  These keys are shown only now: only their hashes are stored. Keep them somewhere safe.',
      '  Use one as "Authorization: Bearer <key>" or paste the steward key into the web UI.',
    );
  }
  if (keys.stored.length > 0) {
    lines.push(
      `  The ${keys.stored.join(' and ')} key${keys.stored.length > 1 ? 's were' : ' was'} printed at the first start.`,
    );
  }
  if (keys.configured.length > 0) {
    lines.push(`  Configured keys in use: ${keys.configured.map((r) => `${r.toUpperCase()}_API_KEY`).join(', ')}.`);
  }
  if (admin || steward || keys.stored.length > 0) {
    lines.push('  To replace the starter keys (lost or leaked): npm start -- --rotate-keys');
  }
  lines.push('');
  return lines.join('\n');
}

/** The address a person on this machine types: 0.0.0.0 / :: listen everywhere, so use localhost. */
export function publicUrl(host: string, port: number): string {
  const shown =
    host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
