/** `cli import` into the embedded store registers the source systems a file names, once. */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedUpsert } from '../../src/cli/import-targets.js';
import { loadConfig } from '../../src/config.js';
import type { UpsertBatch } from '../../src/jobs/processors/import.js';
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
  let upsert: UpsertBatch;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const mdm = createMdmContext({ database, config: loadConfig({}), logger: pino({ level: 'silent' }) });
    upsert = await embeddedUpsert(mdm, undefined);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('registers unknown systems on first sight; a name the registry refuses fails per row', async () => {
    const first = await upsert([
      row('alpha', 'a1', 'Lovelace'),
      row('beta', 'b1', 'Byron'),
      row('not a valid name!', 'x1', 'King'),
    ]);
    expect(first.map((r) => ('decision' in r ? r.decision : 'failed'))).toEqual(['created', 'created', 'failed']);
    const again = await upsert([row('alpha', 'a1', 'Lovelace'), row('beta', 'b1', 'Byron')]);
    expect(again.map((r) => ('decision' in r ? r.decision : 'failed'))).toEqual(['unchanged', 'unchanged']);
  });
});
