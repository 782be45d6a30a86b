/**
 * The import job through both runners (in-process, and BullMQ on real Redis when REDIS_URL is set)
 * on both backends: good rows land, bad rows are reported with line numbers and do not stop the
 * rest, re-importing is a no-op, a job that fails for good keeps its error and can be retried.
 */
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.js';
import type { Database } from '../../src/store/db.js';
import { backends, openTestDatabase, type Backend } from '../helpers/database.js';
import { addSynthSystems, runnerKinds, startHarness, writeSynthCsv, type Harness, type RunnerKind } from './helpers.js';

const cases = backends.flatMap((b) => runnerKinds.map((k) => [b, k] as [Backend, RunnerKind]));

describe.each(cases)('import job (%s, %s runner)', (backend, kind) => {
  let database: Database;
  let harness: Harness;
  let dir: string;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await addSynthSystems(database);
    harness = startHarness(kind, database);
    dir = await mkdtemp(join(tmpdir(), 'ih-import-'));
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const count = async (table: 'source_records' | 'customers'): Promise<number> => {
    const q = database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    const row =
      table === 'customers'
        ? await q.where('status', '=', 'active').executeTakeFirstOrThrow()
        : await q.executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it('stores the good rows, reports bad ones with line numbers, and a re-import changes nothing', async () => {
    const file = join(dir, 'records.csv');
    const good = await writeSynthCsv(file, 40);
    // Lines good+2..good+4: no record id, one field too many, a quote never closed.
    await appendFile(
      file,
      'online,,Ann Lee\n' + 'online,bad-2,Ann Lee' + ','.repeat(19) + 'x\n' + 'online,bad-3,"Bo Chan\n',
    );
    const { id } = await harness.runner.enqueue('import', { path: file, chunkSize: 25 });
    const done = await harness.waitFor(id, ['completed', 'failed']);
    expect(done.state).toBe('completed');
    expect(done.progress).toBe(100);
    const c = done.counts as Record<string, number>;
    expect(c['read']).toBe(good + 3);
    expect(c['failed']).toBe(3);
    expect((c['created'] ?? 0) + (c['attached'] ?? 0) + (c['review'] ?? 0)).toBe(good);
    expect(done.errors.map((e) => e.line)).toEqual([good + 2, good + 3, good + 4]);
    expect(done.errors[0]?.message).toMatch(/source_record_id/);
    expect(done.errors[2]?.message).toMatch(/unclosed quoted field/);
    expect(await count('source_records')).toBe(good);
    const customers = await count('customers');
    expect(customers).toBeGreaterThan(0);
    expect(customers).toBeLessThanOrEqual(good);

    const again = await harness.runner.enqueue('import', { path: file, chunkSize: 25 });
    const second = await harness.waitFor(again.id, ['completed', 'failed']);
    expect((second.counts as Record<string, number>)['unchanged']).toBe(good);
    expect(await count('source_records')).toBe(good);
    expect(await count('customers')).toBe(customers);
  });

  it('reads NDJSON, with --system filling the source system, and reports wrong types', async () => {
    const file = join(dir, 'records.ndjson');
    const lines = [
      JSON.stringify({ source_record_id: 'nd-1', full_name: 'Kwame Mensah', email: 'kwame.mensah@example.org' }),
      '{"source_record_id": "nd-2", "full_name": ',
      JSON.stringify({ source_record_id: 'nd-3', full_name: 'Ada Byrne', email: { work: 'a@b.c' } }),
      '',
      JSON.stringify({ source_record_id: 4, full_name: 'Lin Wei', postal_code: 2000 }),
    ];
    await writeFile(file, lines.join('\n') + '\n');
    const { id } = await harness.runner.enqueue('import', { path: file, sourceSystem: 'call_centre' });
    const done = await harness.waitFor(id, ['completed', 'failed']);
    expect(done.state).toBe('completed');
    expect(done.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'IH_BAD_ROW'],
      [3, 'IH_BAD_ROW'],
    ]);
    expect(done.errors[1]?.message).toMatch(/email has the wrong type/);
    const stored = await database.db
      .selectFrom('source_records')
      .select('source_record_id')
      .where('source_system', '=', 'call_centre')
      .where('source_record_id', 'in', ['nd-1', 'nd-2', 'nd-3', '4'])
      .orderBy('source_record_id')
      .execute();
    expect(stored.map((r) => r.source_record_id)).toEqual(['4', 'nd-1']);
  });

  it('fails once, listing the systems that are not registered, and registers them by display name when asked', async () => {
    const file = join(dir, 'systems.csv');
    await writeFile(
      file,
      'source_system,source_record_id,full_name,email\n' +
        'CRM – Sydney,s1,Mia Wong,mia.wong@example.org\n' +
        '营业厅,s2,王芳,wang.fang@example.org\n' +
        'online,s3,Ann Lee,ann.lee@example.org\n' +
        'CRM - Sydney,s4,Mia Wong,mia.wong@example.org\n',
    );
    const refused = await harness.runner.enqueue('import', { path: file });
    const failed = await harness.waitFor(refused.id, ['completed', 'failed']);
    expect(failed.state).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.failure).toMatch(
      /3 source system\(s\) not registered: "CRM – Sydney" \(slug crm-sydney\), "营业厅" \(slug yingyeting\), "CRM - Sydney" \(slug crm-sydney\)/,
    );
    expect(
      await database.db
        .selectFrom('source_records')
        .select('id')
        .where('source_record_id', 'in', ['s1', 's2', 's3', 's4'])
        .execute(),
    ).toEqual([]);

    const { id } = await harness.runner.enqueue('import', { path: file, registerSystems: true });
    const done = await harness.waitFor(id, ['completed', 'failed']);
    expect(done.state).toBe('completed');
    expect(done.errors).toEqual([]);
    const stored = await database.db
      .selectFrom('source_records')
      .select(['source_system', 'source_record_id'])
      .where('source_record_id', 'in', ['s1', 's2', 's3', 's4'])
      .orderBy('source_record_id')
      .execute();
    expect(stored.map((r) => `${r.source_system}:${r.source_record_id}`)).toEqual([
      'crm-sydney:s1',
      'yingyeting:s2',
      'online:s3',
      'crm-sydney:s4',
    ]);
    const systems = await database.db
      .selectFrom('source_systems')
      .select(['name', 'display_name'])
      .where('name', 'in', ['crm-sydney', 'yingyeting'])
      .orderBy('name')
      .execute();
    expect(systems).toEqual([
      { name: 'crm-sydney', display_name: 'CRM – Sydney' },
      { name: 'yingyeting', display_name: '营业厅' },
    ]);
  });

  it('rejects a bad payload at enqueue without creating a job', async () => {
    const before = (await harness.runner.list({ limit: 100 })).length;
    const err = await harness.runner.enqueue('import', { path: '', chunkSize: -1 }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('IH_VALIDATION');
    expect((await harness.runner.list({ limit: 100 })).length).toBe(before);
  });

  it('keeps the error of a job that failed for good, and a retry from the API resumes it', async () => {
    const file = join(dir, 'later.csv');
    const { id } = await harness.runner.enqueue('import', { path: file });
    const failed = await harness.waitFor(id, ['failed', 'completed']);
    expect(failed.state).toBe('failed');
    expect(failed.attempts).toBe(5);
    expect(failed.failure).toMatch(/ENOENT/);
    const good = await writeSynthCsv(file, 5, 'retry');
    await harness.runner.retry(id);
    const done = await harness.waitFor(id, ['completed', 'failed']);
    expect(done.state).toBe('completed');
    expect(done.failure).toBeNull();
    expect((done.counts as Record<string, number>)['read']).toBe(good);
  });
});
