/** /v1/jobs through the real app (in-process runner): upload an import, follow it, list, cancel, retry. */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { InlineJobRunner } from '../../src/jobs/inline.js';
import { PROCESSORS } from '../../src/jobs/processors/index.js';
import { BullmqJobRunner } from '../../src/jobs/queues.js';
import type { JobView } from '../../src/jobs/types.js';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase } from '../helpers/database.js';
import { addSynthSystems, jobContext, redisUrl, writeSynthCsv } from './helpers.js';

const ADMIN = 'admin-key-0123456789abcdef';
const STEWARD = 'steward-key-0123456789abcdef';

describe('jobs API (in-process runner)', () => {
  let database: Database;
  let app: App;
  let runner: InlineJobRunner;
  let dir: string;
  const auth = (key = ADMIN) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ih-jobs-api-'));
    const config = loadConfig({ LOG_LEVEL: 'silent', ADMIN_API_KEY: ADMIN, STEWARD_API_KEY: STEWARD, DATA_DIR: dir });
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

  const getJob = async (id: string): Promise<JobView> => {
    const res = await app.inject({ method: 'GET', url: `/v1/jobs/${id}`, headers: auth() });
    expect(res.statusCode).toBe(200);
    return res.json<JobView>();
  };

  it('imports an uploaded file into DATA_DIR/uploads and reports its progress and counts', async () => {
    const file = join(dir, 'upload-source.csv');
    const records = await writeSynthCsv(file, 10, 'api');
    const boundary = '----ihtest';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="chunkSize"\r\n\r\n7\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="../../etc/x.csv"\r\n`),
      Buffer.from('Content-Type: text/csv\r\n\r\n'),
      await readFile(file),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/v1/jobs/import',
      headers: { ...auth(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(res.statusCode).toBe(202);
    const { id, runner: kind } = res.json<{ id: string; runner: string }>();
    expect(kind).toBe('inline');
    await runner.drain();
    const job = await getJob(id);
    expect(job.state).toBe('completed');
    expect(job.progress).toBe(100);
    expect(job.params['path']).toMatch(new RegExp(`^${join(dir, 'uploads')}/[0-9a-f-]+\\.csv$`));
    expect(job.params['chunkSize']).toBe(7);
    expect(job.counts['read']).toBe(records);

    const list = await app.inject({ method: 'GET', url: '/v1/jobs?limit=5', headers: auth() });
    expect(list.json<{ items: JobView[] }>().items.map((j) => j.id)).toContain(id);
  });

  it('answers 400 for a bad payload, 404 for an unknown job, 403 for a steward key', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/jobs/import',
      headers: auth(),
      payload: { chunkSize: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: string }>().error).toBe('IH_VALIDATION');
    const missing = await app.inject({ method: 'GET', url: '/v1/jobs/nope', headers: auth() });
    expect(missing.statusCode).toBe(404);
    const steward = await app.inject({ method: 'GET', url: '/v1/jobs', headers: auth(STEWARD) });
    expect(steward.statusCode).toBe(403);
  });

  it('retries a failed job from the API and cancels a waiting one', async () => {
    // Server-side paths live in IMPORT_DIR (default DATA_DIR/imports).
    await mkdir(join(dir, 'imports'), { recursive: true });
    const path = join(dir, 'imports', 'arrives-later.csv');
    const res = await app.inject({ method: 'POST', url: '/v1/jobs/import', headers: auth(), payload: { path } });
    const { id } = res.json<{ id: string }>();
    await runner.drain();
    expect((await getJob(id)).state).toBe('failed');
    await writeSynthCsv(path, 3, 'later');
    const retried = await app.inject({ method: 'POST', url: `/v1/jobs/${id}/retry`, headers: auth() });
    expect(retried.statusCode).toBe(200);
    await runner.drain();
    expect((await getJob(id)).state).toBe('completed');

    // One import at a time (concurrency 1): the second waits and can be cancelled before it starts.
    const big = join(dir, 'imports', 'big.csv');
    await writeSynthCsv(big, 200, 'big');
    const first = (
      await app.inject({ method: 'POST', url: '/v1/jobs/import', headers: auth(), payload: { path: big } })
    ).json<{ id: string }>();
    const second = (
      await app.inject({ method: 'POST', url: '/v1/jobs/import', headers: auth(), payload: { path } })
    ).json<{ id: string }>();
    const cancelled = await app.inject({ method: 'POST', url: `/v1/jobs/${second.id}/cancel`, headers: auth() });
    expect(cancelled.json<JobView>().state).toBe('cancelled');
    await runner.drain();
    expect((await getJob(first.id)).state).toBe('completed');
    expect((await getJob(second.id)).attempts).toBe(0);
  });
});

describe.skipIf(!redisUrl)('queue dashboard (BullMQ runner)', () => {
  let database: Database;
  let app: App;
  let runner: BullmqJobRunner;

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', ADMIN_API_KEY: ADMIN, STEWARD_API_KEY: STEWARD });
    database = await openTestDatabase('pglite');
    const prefix = `ih-test-board-${randomBytes(4).toString('hex')}`;
    runner = new BullmqJobRunner(database, { redisUrl: redisUrl as string, prefix });
    const mdm = jobContext(database);
    app = await buildApp({ config, mdm, logger: mdm.logger, jobs: runner });
  });
  afterAll(async () => {
    await app?.close();
    await runner?.close();
    await database?.close();
  });

  it('serves /admin/queues to admins only, listing the import and maintenance queues', async () => {
    const page = await app.inject({
      method: 'GET',
      url: '/admin/queues',
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const queues = await app.inject({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(queues.statusCode).toBe(200);
    const names = queues.json<{ queues: Array<{ name: string }> }>().queues.map((q) => q.name);
    expect(names.sort()).toEqual(['import', 'maintenance']);
    const steward = await app.inject({
      method: 'GET',
      url: '/admin/queues',
      headers: { authorization: `Bearer ${STEWARD}` },
    });
    // A steward key is known and refused (#15.12), in the error envelope.
    expect(steward.statusCode).toBe(403);
    expect(steward.json()).toMatchObject({ error: 'IH_FORBIDDEN' });
    const anonymous = await app.inject({ method: 'GET', url: '/admin/queues' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: 'IH_UNAUTHORIZED' });
  });
});
