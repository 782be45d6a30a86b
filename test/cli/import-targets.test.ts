/** `cli import` into the embedded store registers the source systems a file names (slug or display name), once. */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedUpsert } from '../../src/cli/import-targets.js';
import { loadConfig } from '../../src/config.js';
import { createMdmContext } from '../../src/mdm/index.js';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase } from '../helpers/database.js';

const row = (system: string, id: string, family: string) => ({
  source_system: system,
  source_record_id: id,
  given_name: 'Ada',
  family_name: family,
  email: `${id}@example.org`,
});

describe('cli import into the embedded store', () => {
  let database: Database;
  let target: ReturnType<typeof embeddedUpsert>;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const mdm = createMdmContext({ database, config: loadConfig({}), logger: pino({ level: 'silent' }) });
    target = embeddedUpsert(mdm);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('registers unknown systems by slug or display name, once; records are stored under the slug', async () => {
    const systems = await target.resolveSystems(['alpha', 'ECE Chicago Find a School scrape', 'beta']);
    expect([...systems]).toEqual([
      ['alpha', 'alpha'],
      ['ECE Chicago Find a School scrape', 'ece-chicago-find-a-school-scrape'],
      ['beta', 'beta'],
    ]);
    const repeated = await target.resolveSystems([
      'ece-chicago-find-a-school-scrape',
      'ECE Chicago Find a School scrape',
    ]);
    expect([...repeated.values()]).toEqual(['ece-chicago-find-a-school-scrape', 'ece-chicago-find-a-school-scrape']);
    const first = await target.upsert([
      row('alpha', 'a1', 'Lovelace'),
      row('beta', 'b1', 'Byron'),
      row('ece-chicago-find-a-school-scrape', 'x1', 'King'),
    ]);
    expect(first.map((r) => ('decision' in r ? r.decision : 'failed'))).toEqual(['created', 'created', 'created']);
    const again = await target.upsert([row('alpha', 'a1', 'Lovelace'), row('beta', 'b1', 'Byron')]);
    expect(again.map((r) => ('decision' in r ? r.decision : 'failed'))).toEqual(['unchanged', 'unchanged']);
  });
});
