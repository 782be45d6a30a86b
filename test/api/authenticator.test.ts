/** The API-key authenticator: bootstrap keys, stored (hashed) source keys, revocation and its cache. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator, generateApiKey, hashApiKey } from '../../src/mdm/index.js';
import type { Database } from '../../src/store/db.js';
import { backends, openTestDatabase } from '../helpers/database.js';

describe.each(backends)('authenticator (%s)', (backend) => {
  let database: Database;
  const sourceKey = generateApiKey();

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await database.db.insertInto('source_systems').values({ name: 'crm', display_name: 'CRM' }).execute();
    await database.db
      .insertInto('api_keys')
      .values({ key_hash: hashApiKey(sourceKey), role: 'source', source_system: 'crm', label: 'source:crm' })
      .execute();
  });
  afterAll(() => database?.close());

  it('knows the bootstrap keys, the stored keys, and nothing else', async () => {
    const auth = createAuthenticator(database, {
      adminApiKey: 'admin-key-0123456789',
      stewardApiKey: 'steward-key-0123456789',
    });
    expect(await auth.authenticate('admin-key-0123456789')).toEqual({ role: 'admin', label: 'admin:bootstrap' });
    expect(await auth.authenticate('steward-key-0123456789')).toMatchObject({ role: 'steward' });
    expect(await auth.authenticate(sourceKey)).toEqual({ role: 'source', sourceSystem: 'crm', label: 'source:crm' });
    expect(await auth.authenticate('admin-key-012345678')).toBeNull();
    expect(await auth.authenticate('')).toBeNull();
  });

  it('stores only the hash: the key itself is nowhere in the table', async () => {
    const rows = await database.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(sourceKey);
    expect(rows.map((r) => r.key_hash)).toContain(hashApiKey(sourceKey));
  });

  it('a revoked key stops working once its cache entry expires', async () => {
    let now = 1_000_000;
    const auth = createAuthenticator(database, { cacheTtlMs: 30_000, now: () => now });
    const key = generateApiKey();
    await database.db
      .insertInto('api_keys')
      .values({ key_hash: hashApiKey(key), role: 'steward', label: 'steward:ann' })
      .execute();
    expect(await auth.authenticate(key)).toEqual({ role: 'steward', label: 'steward:ann' });
    await database.db
      .updateTable('api_keys')
      .set({ revoked_at: new Date() })
      .where('key_hash', '=', hashApiKey(key))
      .execute();
    expect(await auth.authenticate(key)).not.toBeNull(); // cached
    now += 30_001;
    expect(await auth.authenticate(key)).toBeNull();
  });

  it('new keys are random and prefixed', () => {
    const a = generateApiKey();
    expect(a).toMatch(/^ihk_[A-Za-z0-9_-]{43}$/);
    expect(generateApiKey()).not.toBe(a);
  });
});
