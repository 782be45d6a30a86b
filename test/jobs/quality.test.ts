/**
 * The quality job through both runners: it recomputes and stores every system's profile (the report
 * API serves the stored profiles), so records that arrive after a run show only after the next one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertRecords } from '../../src/mdm/index.js';
import { qualityReport } from '../../src/quality/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase } from '../helpers/database.js';
import { addSynthSystems, runnerKinds, startHarness, type Harness } from './helpers.js';

const record = (id: string, phone: string): RawRecord => ({
  source_system: 'online',
  source_record_id: id,
  full_name: `Person ${id}`,
  email: `${id}@example.org`,
  phone,
  country: 'AU',
});

describe.each(runnerKinds)('quality job (%s runner)', (kind) => {
  let database: Database;
  let harness: Harness;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await addSynthSystems(database);
    harness = startHarness(kind, database);
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  const runQuality = async () => {
    const { id } = await harness.runner.enqueue('quality', {});
    const view = await harness.waitFor(id, ['completed', 'failed']);
    expect(view.state).toBe('completed');
    return view.counts as { systems: number; sources: Record<string, { records: number; invalidPhones: number }> };
  };
  const stored = async () => (await qualityReport(harness.ctx)).sources.find((s) => s.sourceSystem === 'online');

  it('recomputes the stored per-system report on each run', async () => {
    const actor = { type: 'system' as const, id: 'test' };
    await upsertRecords(harness.ctx, actor, [record('q1', '+61 2 9999 0000'), record('q2', 'not a phone')]);
    const first = await runQuality();
    expect(first.systems).toBeGreaterThan(1);
    expect(first.sources['online']).toMatchObject({ records: 2, invalidPhones: 1 });
    expect(await stored()).toMatchObject({ records: 2, invalidPhones: 1, live: false });

    await upsertRecords(harness.ctx, actor, [record('q3', '12'), record('q4', '+61 3 9000 1111')]);
    expect((await stored())?.records).toBe(2); // the stored profile waits for the next run
    const second = await runQuality();
    expect(second.sources['online']).toMatchObject({ records: 4, invalidPhones: 2 });
    expect(await stored()).toMatchObject({ records: 4, invalidPhones: 2 });
  });
});
