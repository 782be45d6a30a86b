/**
 * #15.8, #15.10, #15.13 and the truncated upload: import paths confined to IMPORT_DIR (symlinks
 * resolved), a file with no line break stops with a clear error instead of reading for ever, CSV
 * line numbers are physical lines, a cut-short multipart upload is a 400.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { InlineJobRunner } from '../../src/jobs/inline.js';
import { PROCESSORS } from '../../src/jobs/processors/index.js';
import { ReaderError } from '../../src/io/reader-error.js';
import { openRecordFile } from '../../src/jobs/record-reader.js';
import type { JobView } from '../../src/jobs/types.js';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase } from '../helpers/database.js';
import { addSynthSystems, jobContext } from './helpers.js';

const ADMIN = 'limits-admin-key-0123456789';

describe('import limits', () => {
  let dir: string;
  let database: Database;
  let runner: InlineJobRunner;
  let app: App;
  const auth = { authorization: `Bearer ${ADMIN}` };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ih-import-limits-'));
    await mkdir(join(dir, 'imports'), { recursive: true });
    const config = loadConfig({ LOG_LEVEL: 'silent', ADMIN_API_KEY: ADMIN, DATA_DIR: dir });
    database = await openTestDatabase('pglite');
    await addSynthSystems(database);
    const ctx = jobContext(database);
    runner = new InlineJobRunner({
      mdm: ctx,
      logger: ctx.logger,
      processors: PROCESSORS,
      concurrency: 1,
      backoffScale: 0.01,
    });
    app = await buildApp({ config, mdm: ctx, logger: ctx.logger, jobs: runner });
  });
  afterAll(async () => {
    await app?.close();
    await runner?.close();
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const importPath = (path: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/jobs/import',
      headers: auth,
      payload: { path, format: 'ndjson', registerSystems: true },
    });

  it('refuses paths outside IMPORT_DIR alike whether they exist or not, and symlinks out of it', async () => {
    await symlink('/etc/passwd', join(dir, 'imports', 'escape.ndjson'));
    for (const path of [
      '/etc/passwd',
      '/etc/no-such-file',
      '../../etc/passwd',
      join(dir, 'imports', 'escape.ndjson'),
    ]) {
      const res = await importPath(path);
      expect(res.statusCode, path).toBe(400);
      expect(res.json(), path).toMatchObject({
        error: 'IH_VALIDATION',
        details: [{ path: 'body/path', reason: expect.stringContaining('inside IMPORT_DIR') }],
      });
    }
    expect(await database.db.selectFrom('batch_runs').select('id').execute()).toHaveLength(0);
  });

  it('imports a file inside IMPORT_DIR, given relative to it', async () => {
    const line = JSON.stringify({ source_system: 'crm', source_record_id: 'in-1', full_name: 'Ann Lee' });
    await writeFile(join(dir, 'imports', 'ok.ndjson'), `${line}\n`);
    const res = await importPath('ok.ndjson');
    expect(res.statusCode, res.body).toBe(202);
    await runner.drain();
    const job = (await app.inject({ method: 'GET', url: `/v1/jobs/${res.json().id}`, headers: auth })).json<JobView>();
    expect(job.state).toBe('completed');
  });

  it('a file with no line break (like /dev/zero) fails at once with a clear reason; a device is refused', async () => {
    await writeFile(join(dir, 'imports', 'zeros.ndjson'), Buffer.alloc(3 * 1024 * 1024));
    const res = await importPath('zeros.ndjson');
    await runner.drain();
    const job = (await app.inject({ method: 'GET', url: `/v1/jobs/${res.json().id}`, headers: auth })).json<JobView>();
    expect(job.state).toBe('failed');
    expect(job.attempts).toBe(1); // no retries: it would fail the same way
    expect(JSON.stringify(job)).toMatch(/longer than \d+ bytes/);
    await expect(openRecordFile('/dev/zero')).rejects.toBeInstanceOf(ReaderError);
  });

  it('CSV line numbers are physical lines after blank lines and multi-line quoted fields (#15.13)', async () => {
    const path = join(dir, 'lines.csv');
    const csv = [
      'source_system,source_record_id,full_name,address_line1', // 1
      'crm,a,Ann Lee,1 High St', // 2
      '', // 3
      'crm,b,"Bo', // 4
      'Chan",2 Low St', // 5
      'crm,,no id,x', // 6
      '', // 7
      '', // 8
      'crm,c,"Cy ""Q""', // 9
      'Dee","3', // 10
      'Mid St"', // 11
      'crm,d,Di,4 St,extra', // 12
      'crm,e,Ed,5 St', // 13
    ].join('\n');
    await writeFile(path, csv);
    const rows = [];
    for await (const row of (await openRecordFile(path)).rows) rows.push(row);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 6, 9, 12, 13]);
    expect(rows[1]).toMatchObject({ record: { full_name: 'Bo\nChan' } });
    expect(rows[2]).toMatchObject({ error: expect.stringContaining('source_record_id') });
    expect(rows[3]).toMatchObject({ record: { full_name: 'Cy "Q"\nDee', address_line1: '3\nMid St' } });
    expect(rows[4]).toHaveProperty('error');
  });

  it('a multipart upload cut short is a 400, not a 500', async () => {
    const boundary = '----ihcut';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\nsource_system,source_record_id\r\ncrm,1\r\n`,
    );
    const res = await app.inject({
      method: 'POST',
      url: '/v1/jobs/import',
      headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ error: 'IH_VALIDATION' });
  });
});
