/**
 * The model lifecycle (#12): the first model is trained and promoted without a manual step; a
 * retrained model that shifts too many decisions is held for an admin; a promotion reaches another
 * context (another process) through LISTEN/NOTIFY, with no timer and no refresh call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModel } from '../../src/match/index.js';
import {
  listModels,
  type MdmContext,
  promoteModelVersion,
  retrainModel,
  settleAutoTrain,
  upsertRecords,
} from '../../src/mdm/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import { insertCandidateModel } from '../../src/store/models.js';
import type { JsonObject } from '../../src/store/schema.js';
import { generateRecords } from '../../src/synth/generator.js';
import { backends, openTestDatabase } from '../helpers/database.js';
import { addSynthSystems } from '../jobs/helpers.js';
import { testContext } from './mdm-helpers.js';

const admin = { type: 'admin' as const, id: 'test-admin' };
const records = (customers: number, seed: string): RawRecord[] =>
  [...generateRecords({ customers, seed })].map((g) => g.record as RawRecord);

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

describe.each(backends)('model lifecycle (%s)', (backend) => {
  let database: Database;
  let ctx: MdmContext;
  let other: MdmContext;
  let unwatch: () => Promise<void>;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await addSynthSystems(database);
    ctx = testContext(database, { MODEL_AUTO_TRAIN_RECORDS: '150', MODEL_GATE_MAX_SHIFT: '0.01' });
    // A second context stands for another process of the deployment (its own cache, its own listener).
    other = testContext(database);
    unwatch = await other.models.watch();
  });
  afterAll(async () => {
    await unwatch?.();
    await database?.close();
  });

  it('trains and promotes the first model once enough records are stored, with no manual step', async () => {
    const batch = records(120, 'lifecycle');
    expect(batch.length).toBeGreaterThan(150);
    await upsertRecords(ctx, admin, batch);
    await settleAutoTrain(ctx);
    const active = await ctx.models.current();
    expect(active.version).not.toBeNull();
    expect(active.model.training).not.toBeNull();
    const [latest] = await listModels(ctx);
    expect(latest).toMatchObject({ version: active.version, status: 'active' });
    expect(latest?.trainingStats['gate']).toMatchObject({ passed: true, reason: 'first trained model' });
    // The other process switched too: notified, not polled.
    expect(await waitFor(async () => (await other.models.current()).version === active.version, 1000)).toBe(true);
  });

  it('holds a retrained model that shifts many decisions, until an admin promotes it everywhere', async () => {
    // An active model that merges nearly everything: a retrained model disagrees on most pairs.
    const greedy = { ...defaultModel(), prior: 0.9 };
    const row = await database.db
      .transaction()
      .execute((trx) => insertCandidateModel(trx, greedy as unknown as JsonObject, {}));
    await promoteModelVersion(ctx, admin, row.version);
    expect((await ctx.models.current()).version).toBe(row.version);
    expect(await waitFor(async () => (await other.models.current()).version === row.version, 1000)).toBe(true);

    const r = await retrainModel(ctx, {}, async () => true);
    expect(r.counts).toMatchObject({ promoted: false, passed: false });
    expect(Number(r.counts['shift'])).toBeGreaterThan(0.01);
    const held = Number(r.counts['version']);
    expect((await listModels(ctx)).find((m) => m.version === held)?.status).toBe('candidate');
    expect((await ctx.models.current()).version).toBe(row.version);

    await promoteModelVersion(ctx, admin, held);
    expect((await ctx.models.current()).version).toBe(held);
    expect(await waitFor(async () => (await other.models.current()).version === held, 1000)).toBe(true);
  });
});
