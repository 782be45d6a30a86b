/**
 * First start: starter keys are created once, stored hashed, usable, kept across restarts and
 * replaced on --rotate-keys; configured keys win; the banner shows the URL and clear keys once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/mdm/index.js';
import { bannerText, ensureStarterKeys, publicUrl } from '../../src/startup-banner.js';
import type { Database } from '../../src/store/db.js';
import { backends, openTestDatabase } from '../helpers/database.js';

describe.each(backends)('starter keys (%s)', (backend) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(backend);
  });
  afterEach(async () => {
    await database.close();
  });

  const none = { adminApiKey: undefined, stewardApiKey: undefined, rotate: false };

  it('creates working admin and steward keys once, stores only hashes, and keeps them', async () => {
    const first = await ensureStarterKeys(database.db, none);
    expect(first.created.admin).toMatch(/^ihk_/);
    expect(first.created.steward).toMatch(/^ihk_/);
    const auth = createAuthenticator(database);
    expect(await auth.authenticate(first.created.admin ?? '')).toMatchObject({ role: 'admin', label: 'starter' });
    expect(await auth.authenticate(first.created.steward ?? '')).toMatchObject({ role: 'steward', label: 'starter' });
    const stored = await database.db.selectFrom('api_keys').select('key_hash').execute();
    expect(stored.map((r) => r.key_hash)).not.toContain(first.created.admin);

    const second = await ensureStarterKeys(database.db, none);
    expect(second.created).toEqual({});
    expect(second.stored).toEqual(['admin', 'steward']);
    expect(await createAuthenticator(database).authenticate(first.created.steward ?? '')).not.toBeNull();
    expect(bannerText('http://localhost:3000', second)).not.toContain('ihk_');
    expect(bannerText('http://localhost:3000', second)).toContain('--rotate-keys');
  });

  it('rotates: the old starter keys stop working, new ones are printed', async () => {
    const first = await ensureStarterKeys(database.db, none);
    const rotated = await ensureStarterKeys(database.db, { ...none, rotate: true });
    expect(rotated.created.admin).toMatch(/^ihk_/);
    expect(rotated.created.admin).not.toBe(first.created.admin);
    const auth = createAuthenticator(database);
    expect(await auth.authenticate(first.created.admin ?? '')).toBeNull();
    expect(await auth.authenticate(rotated.created.admin ?? '')).toMatchObject({ role: 'admin' });
  });

  it('creates no key for a role configured through the environment', async () => {
    const keys = await ensureStarterKeys(database.db, { ...none, adminApiKey: 'x'.repeat(20) });
    expect(keys.created.admin).toBeUndefined();
    expect(keys.created.steward).toMatch(/^ihk_/);
    expect(keys.configured).toEqual(['admin']);
  });
});

describe('banner', () => {
  it('shows the UI address a person can open and the new keys', () => {
    const text = bannerText(publicUrl('0.0.0.0', 3000), {
      created: { admin: 'ihk_A', steward: 'ihk_S' },
      stored: [],
      configured: [],
    });
    expect(text).toContain('http://localhost:3000/ui');
    expect(text).toContain('ihk_A');
    expect(text).toContain('ihk_S');
    expect(publicUrl('::1', 8080)).toBe('http://[::1]:8080');
  });
});
