/**
 * API-key authentication. Keys are random bearer tokens; only their SHA-256 hex is stored
 * (api_keys.key_hash), so a database leak does not leak usable keys. The bootstrap admin and steward
 * keys come from configuration and are compared by hash in memory (never written to the database).
 *
 * Look-ups are cached per key hash for a short time (default 30 s) so the hot ingest path costs no
 * extra query per request; a revoked key therefore keeps working for at most that long.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../store/db.js';
import { findActiveApiKey } from '../../store/api-keys.js';

export type Role = 'admin' | 'steward' | 'source';

export interface Principal {
  role: Role;
  /** Set for role 'source': the only system whose records this key may write. */
  sourceSystem?: string;
  /** Who this is in logs and the audit trail (never the key itself). */
  label: string;
}

export interface AuthenticatorOptions {
  /** Bootstrap keys from configuration (ADMIN_API_KEY / STEWARD_API_KEY). */
  adminApiKey?: string | undefined;
  stewardApiKey?: string | undefined;
  cacheTtlMs?: number;
  /** Injected clock for tests. */
  now?: () => number;
}

export interface Authenticator {
  /** The principal for a bearer key, or null when the key is unknown or revoked. */
  authenticate(bearerKey: string): Promise<Principal | null>;
  /** Drops cached look-ups (after a key is revoked or created). */
  clearCache(): void;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random key: 32 bytes of entropy, prefixed so leaked keys are recognisable by scanners. */
export function generateApiKey(): string {
  return `ihk_${randomBytes(32).toString('base64url')}`;
}

const MAX_CACHE_ENTRIES = 10_000;

export function createAuthenticator(database: Pick<Database, 'db'>, options: AuthenticatorOptions = {}): Authenticator {
  const ttl = options.cacheTtlMs ?? 30_000;
  const now = options.now ?? Date.now;
  const bootstrap = bootstrapPrincipals(options);
  const cache = new Map<string, { principal: Principal | null; expires: number }>();

  async function lookUp(hash: string): Promise<Principal | null> {
    for (const [bootHash, principal] of bootstrap) {
      if (timingSafeEqual(Buffer.from(bootHash), Buffer.from(hash))) return principal;
    }
    const row = await findActiveApiKey(database.db, hash);
    if (!row) return null;
    return row.role === 'source' && row.source_system
      ? { role: 'source', sourceSystem: row.source_system, label: row.label || `source:${row.source_system}` }
      : { role: row.role, label: row.label || `${row.role}:${row.id}` };
  }

  return {
    async authenticate(bearerKey) {
      if (bearerKey.length === 0 || bearerKey.length > 512) return null;
      const hash = hashApiKey(bearerKey);
      const hit = cache.get(hash);
      if (hit && hit.expires > now()) return hit.principal;
      const principal = await lookUp(hash);
      if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
      // Unknown keys are cached too (briefly) so a client retrying a bad key cannot hammer the database.
      cache.set(hash, { principal, expires: now() + (principal ? ttl : Math.min(ttl, 5_000)) });
      return principal;
    },
    clearCache() {
      cache.clear();
    },
  };
}

function bootstrapPrincipals(options: AuthenticatorOptions): Array<[string, Principal]> {
  const out: Array<[string, Principal]> = [];
  if (options.adminApiKey) out.push([hashApiKey(options.adminApiKey), { role: 'admin', label: 'admin:bootstrap' }]);
  if (options.stewardApiKey) {
    out.push([hashApiKey(options.stewardApiKey), { role: 'steward', label: 'steward:bootstrap' }]);
  }
  return out;
}
