/**
 * `cli import --server`: the file's systems are resolved against the server's registry before the
 * first row; missing ones fail the import once, listing them, unless an admin key and
 * --register-systems let the CLI register them (by display name, slug derived).
 */
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliDeps } from '../../src/cli/deps.js';
import { run as cliImport } from '../../src/cli/import.js';
import { loadConfig } from '../../src/config.js';
import { ADMIN_KEY, startApi, type TestApi } from '../api/support.js';

const FILE = fileURLToPath(new URL('../../fixtures/files/utf8-comma.csv', import.meta.url));
const deps: CliDeps = {
  config: loadConfig({}),
  logger: pino({ level: 'silent' }),
  database: () => Promise.reject(new Error('--server never opens the embedded store')),
  mdm: () => Promise.reject(new Error('--server never opens the embedded store')),
};

describe('cli import --server', () => {
  let api: TestApi;
  let url = '';

  beforeAll(async () => {
    api = await startApi('pglite');
    url = await api.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await api?.close();
  });

  async function importFile(args: string[]): Promise<{ code: number; summary: { counts: Record<string, number> } }> {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await cliImport(['--file', FILE, '--server', url, '--key', ADMIN_KEY, ...args], deps);
      return { code, summary: JSON.parse(out.join('')) as { counts: Record<string, number> } };
    } finally {
      vi.restoreAllMocks();
    }
  }

  it('fails once listing the missing systems, then registers them with --register-systems', async () => {
    await api.addSystem('web_shop');
    await expect(importFile([])).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(
        /^2 source system\(s\) not registered: "CRM – Sydney" \(slug crm-sydney\), "Ventes Montréal" \(slug ventes-montreal\)\. Register them first/,
      ),
    });
    const stored = await api.call('GET', '/v1/records/web_shop/w-9', ADMIN_KEY);
    expect(stored.statusCode).toBe(404);

    const { code, summary } = await importFile(['--register-systems']);
    expect(code).toBe(0);
    expect(summary.counts).toMatchObject({ read: 10, failed: 0 });
    const systems = (await api.call('GET', '/v1/source-systems', ADMIN_KEY)).json() as {
      items: Array<{ name: string; displayName: string }>;
    };
    expect(systems.items.map((s) => [s.name, s.displayName])).toEqual([
      ['crm-sydney', 'CRM – Sydney'],
      ['ventes-montreal', 'Ventes Montréal'],
      ['web_shop', 'web_shop'],
    ]);
    expect((await api.call('GET', '/v1/records/crm-sydney/c-1', ADMIN_KEY)).statusCode).toBe(200);
  }, 60_000);
});
