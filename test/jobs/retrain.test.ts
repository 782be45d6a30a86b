/**
 * The retrain job through both runners: EM on a sample stores a new model version, promoted only
 * when it is not worse than the active model on the stored steward decisions. The yardstick is
 * made decisive: the active model never merges anything; when stewards said three pairs of
 * identical-looking records are different people, any trained model (which merges such pairs) is
 * worse and stays a candidate; once the same pairs are steward merges, it is better and promoted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertRecords } from '../../src/mdm/index.js';
import { defaultModel } from '../../src/match/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import { setStewardDecision } from '../../src/store/links.js';
import { insertCandidateModel, promoteModel } from '../../src/store/models.js';
import type { JsonObject } from '../../src/store/schema.js';
import { generateRecords } from '../../src/synth/generator.js';
import { openTestDatabase } from '../helpers/database.js';
import { PROCESSORS } from '../../src/jobs/processors/index.js';
import { addSynthSystems, jobContext, runnerKinds, startHarness, type Harness } from './helpers.js';

const twin = (system: string, n: number): RawRecord => ({
  source_system: system,
  source_record_id: `twin-${n}`,
  given_name: ['Oluwaseun', 'Marguerite', 'Thaddeus'][n] as string,
  family_name: ['Adeyemi-Okafor', 'Vanderwaal', 'Quennell'][n] as string,
  date_of_birth: ['1971-03-14', '1988-11-02', '1959-07-29'][n] as string,
  email: `twin${n}@example.net`,
  phone: `+6141277700${n}`,
  address_line1: `${20 + n} Kurrajong Street`,
  locality: 'Newtown',
  postal_code: '2042',
  country: 'AU',
});

describe.each(runnerKinds)('retrain job (%s runner)', (kind) => {
  let database: Database;
  let harness: Harness;
  let neverMerge: number;
  let pairs: Array<[number, number]>;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await addSynthSystems(database);
    // These tests are about the steward-agreement side of the gate: let any decision shift through
    // (the shift side is test/mdm/model-lifecycle.test.ts).
    harness = startHarness(kind, database, PROCESSORS, { MODEL_GATE_MAX_SHIFT: '0.999' });
    const synthetic = [...generateRecords({ customers: 80, seed: 'retrain' })].map((g) => g.record as RawRecord);
    const ingest = jobContext(database, { MATCH_MAX_BLOCK_SIZE: '0' });
    const twins = [0, 1, 2].flatMap((n) => [twin('counter', n), twin('online', n)]);
    await upsertRecords(ingest, { type: 'system', id: 'test' }, [...synthetic, ...twins]);
    const rows = await database.db
      .selectFrom('source_records')
      .select(['id', 'source_system'])
      .where('source_record_id', 'like', 'twin-%')
      .orderBy('source_record_id')
      .orderBy('source_system')
      .execute();
    pairs = [0, 2, 4].map((i) => [rows[i]!.id, rows[i + 1]!.id]);
    // The active model: prior so small that no pair ever reaches the merge threshold.
    neverMerge = await database.db.transaction().execute(async (trx) => {
      const row = await insertCandidateModel(trx, { ...defaultModel(), prior: 1e-300 } as unknown as JsonObject, {});
      await promoteModel(trx, row.version);
      return row.version;
    });
    await harness.ctx.models.refresh();
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  const retrain = async () => {
    const { id } = await harness.runner.enqueue('retrain', { sampleSize: 1_000 });
    const view = await harness.waitFor(id, ['completed', 'failed'], 120_000);
    expect(view.failure).toBeNull();
    expect(view.state).toBe('completed');
    return view.counts as Record<string, number | boolean | null>;
  };
  const statusOf = async (version: number) =>
    (
      await database.db
        .selectFrom('match_models')
        .select('status')
        .where('version', '=', version)
        .executeTakeFirstOrThrow()
    ).status;

  it('keeps a trained model that is worse on steward decisions as a candidate', async () => {
    await database.db.transaction().execute((trx) => setStewardDecision(trx, pairs, 'steward_separate', 'steward-1'));
    const c = await retrain();
    expect(c['stewardPairs']).toBe(3);
    expect(c['agreementActive']).toBe(1);
    expect(c['agreementNew']).toBeLessThan(1);
    expect(c['promoted']).toBe(false);
    expect(c['previousVersion']).toBe(neverMerge);
    expect(await statusOf(c['version'] as number)).toBe('candidate');
    expect(await statusOf(neverMerge)).toBe('active');
    expect((await harness.ctx.models.current()).version).toBe(neverMerge);
  });

  it('promotes a trained model that is not worse, and the running context switches to it', async () => {
    await database.db.transaction().execute((trx) => setStewardDecision(trx, pairs, 'steward_merge', 'steward-1'));
    const c = await retrain();
    expect(c['agreementActive']).toBe(0);
    expect(c['agreementNew']).toBe(1);
    expect(c['promoted']).toBe(true);
    expect(await statusOf(c['version'] as number)).toBe('active');
    expect(await statusOf(neverMerge)).toBe('retired');
    expect((await harness.ctx.models.current()).version).toBe(c['version']);
    // A real EM run: the stored model carries its training statistics.
    const stored = await database.db
      .selectFrom('match_models')
      .select('model')
      .where('version', '=', c['version'] as number)
      .executeTakeFirstOrThrow();
    expect((stored.model as unknown as { training: unknown }).training).not.toBeNull();
  });
});
