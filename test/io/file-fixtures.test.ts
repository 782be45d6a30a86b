/**
 * fixtures/files/ holds the same ten records in every encoding, delimiter and format the reader
 * accepts (scripts/generate-file-fixtures.ts). Each file is imported through `cli import` into a fresh
 * store, which must then hold the same source records (raw values decoded alike), systems (display
 * name → slug) and customers as the plain UTF-8 file gives; then the import job reads the same file
 * into that store and must find every record unchanged (same system, id and payload hash) — one
 * store per file keeps the test quick.
 */
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as cliImport } from '../../src/cli/import.js';
import type { CliDeps } from '../../src/cli/deps.js';
import { loadConfig } from '../../src/config.js';
import { createMdmContext } from '../../src/mdm/index.js';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase } from '../helpers/database.js';
import { startHarness } from '../jobs/helpers.js';

const dir = (name: string) => fileURLToPath(new URL(`../../fixtures/files/${name}`, import.meta.url));
const MAPPING = dir('legacy-crm.mapping.json');

/** File, the CLI flags it needs, and the same as import-job options. */
const FIXTURES: Array<[string, string[], Record<string, string>]> = [
  ['utf8-comma.csv', [], {}],
  ['utf8-bom-semicolon-crlf.csv', [], {}],
  ['utf8-pipe.csv', [], {}],
  ['utf16le-bom-tab.tsv', [], {}],
  ['utf16be-bom-comma.csv', [], {}],
  ['windows-1252-semicolon.csv', ['--encoding', 'windows-1252'], { encoding: 'windows-1252' }],
  ['gb18030-tab.tsv', ['--encoding', 'gb18030'], { encoding: 'gb18030' }],
  ['records.ndjson', [], {}],
  ['legacy-crm-export.csv', ['--mapping', MAPPING], { mapping: MAPPING }],
];

const open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
  vi.restoreAllMocks();
});

async function freshDatabase(): Promise<Database> {
  const database = await openTestDatabase('pglite');
  open.push(database);
  return database;
}

/** Everything an import decides, without timestamps: records with their customer, systems, golden records. */
async function storeState(database: Database) {
  const db = database.db;
  const records = await db
    .selectFrom('source_records')
    .select(['source_system', 'source_record_id', 'customer_id', 'raw'])
    .orderBy('source_system')
    .orderBy('source_record_id')
    .execute();
  const systems = await db.selectFrom('source_systems').select(['name', 'display_name']).orderBy('name').execute();
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'status', 'golden'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  return { records, systems, customers };
}

async function viaCli(file: string, flags: string[], database?: Database) {
  database ??= await freshDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const logger = pino({ level: 'silent' });
  const mdm = createMdmContext({ database, config, logger });
  const deps: CliDeps = { config, logger, database: async () => database, mdm: async () => mdm };
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await cliImport(['--file', dir(file), ...flags], deps);
  vi.restoreAllMocks();
  const summary = JSON.parse(out.join('')) as { counts: Record<string, number> };
  return { code, counts: summary.counts, state: await storeState(database), database };
}

async function viaJob(database: Database, file: string, options: Record<string, string>) {
  const harness = startHarness('inline', database);
  try {
    const { id } = await harness.runner.enqueue('import', { path: dir(file), registerSystems: true, ...options });
    const done = await harness.waitFor(id, ['completed', 'failed']);
    return { state: done.state, errors: done.errors, counts: done.counts, store: await storeState(database) };
  } finally {
    await harness.close();
  }
}

describe('file fixtures import identically through the CLI and the import job', () => {
  it('gives the same records, systems and customers for every encoding, delimiter and format', async () => {
    const reference = await viaCli('utf8-comma.csv', []);
    expect(reference.code).toBe(0);
    expect(reference.counts).toMatchObject({ read: 10, failed: 0 });
    expect(reference.state.records).toHaveLength(10);
    expect(reference.state.systems).toEqual([
      { name: 'crm-sydney', display_name: 'CRM – Sydney' },
      { name: 'ventes-montreal', display_name: 'Ventes Montréal' },
      { name: 'web_shop', display_name: 'web_shop' },
    ]);
    const zoe = reference.state.records.find((r) => r.source_record_id === 'c-1');
    expect(zoe?.raw).toMatchObject({ given_name: 'Zoë', address_line2: 'Flat 2\nRear entrance' });
    // The duplicates of the fixture are found: fewer customers than records.
    expect(reference.state.customers.length).toBeLessThan(10);

    for (const [file, flags, options] of FIXTURES) {
      const cli = await viaCli(file, flags);
      expect([file, cli.code, cli.counts['failed']]).toEqual([file, 0, 0]);
      expect(cli.state).toEqual(reference.state);
      const job = await viaJob(cli.database, file, options);
      expect([file, job.state, job.errors, job.counts]).toEqual([
        file,
        'completed',
        [],
        { read: 10, created: 0, attached: 0, review: 0, unchanged: 10, failed: 0 },
      ]);
      expect(job.store).toEqual(reference.state);
    }
  }, 90_000);

  it('refuses a Windows-1252 file without its encoding, naming the first bad line', async () => {
    await expect(viaCli('windows-1252-semicolon.csv', [])).rejects.toThrow(/not UTF-8 \(undecodable bytes on line 2\)/);
  });
});
