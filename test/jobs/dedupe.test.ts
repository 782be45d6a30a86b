/**
 * The dedupe job on a real database: records ingested with automatic merging switched off are
 * merged by the job, except across a steward's "separate" decision, which it never undoes.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InlineJobRunner } from '../../src/jobs/inline.js';
import { PROCESSORS } from '../../src/jobs/processors/index.js';
import { createMdmContext } from '../../src/mdm/context.js';
import { upsertRecords } from '../../src/mdm/ingest.js';
import type { RawRecord } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import { setStewardDecision } from '../../src/store/links.js';
import { openTestDatabase } from '../helpers/database.js';
import { jobContext } from './helpers.js';
import { insertSourceSystem } from '../../src/store/source-systems.js';

const twin = (system: string, id: string, n: number): RawRecord => ({
  source_system: system,
  source_record_id: id,
  given_name: ['Oluwaseun', 'Marguerite', 'Thaddeus'][n] as string,
  family_name: ['Adeyemi-Okafor', 'Vanderwaal', 'Quennell'][n] as string,
  date_of_birth: ['1971-03-14', '1988-11-02', '1959-07-29'][n] as string,
  email: `person${n}@example.net`,
  phone: `+6141200000${n}`,
  address_line1: `${10 + n} Kurrajong Street`,
  locality: 'Newtown',
  postal_code: '2042',
  country: 'AU',
});

describe('dedupe job (pglite)', () => {
  let database: Database;
  let runner: InlineJobRunner;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await database.db.transaction().execute(async (trx) => {
      for (const name of ['crm', 'web']) await insertSourceSystem(trx, { name, display_name: name, trust_rank: 100 });
    });
    // Ingest with candidate search off (every blocking key counts as too common): each record
    // becomes its own customer, as if the real-time path had missed its twins.
    const noMerge = createMdmContext({
      database,
      config: { maxBlockSize: 0 },
      logger: pino({ level: 'silent' }),
    });
    const records = [0, 1, 2].flatMap((n) => [twin('crm', `c${n}`, n), twin('web', `w${n}`, n)]);
    await upsertRecords(noMerge, { type: 'system', id: 'test' }, records);
    const ctx = jobContext(database);
    runner = new InlineJobRunner({ mdm: ctx, logger: ctx.logger, processors: PROCESSORS, concurrency: 1 });
  });
  afterAll(async () => {
    await runner?.close();
    await database?.close();
  });

  const activeCustomers = async () =>
    Number(
      (
        await database.db
          .selectFrom('customers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'active')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('merges twins that cluster above the threshold, but not a pair a steward separated', async () => {
    expect(await activeCustomers()).toBe(6);
    const ids = await database.db
      .selectFrom('source_records')
      .select(['id', 'source_record_id'])
      .where('source_record_id', 'in', ['c2', 'w2'])
      .execute();
    await database.db
      .transaction()
      .execute((trx) => setStewardDecision(trx, [[ids[0]!.id, ids[1]!.id]], 'steward_separate', 'steward-1'));
    const { id } = await runner.enqueue('dedupe', { scope: 'all' });
    await runner.drain();
    const view = await runner.get(id);
    expect(view?.state).toBe('completed');
    expect(view?.counts['merges']).toBe(2);
    expect(view?.counts['skippedBySteward']).toBe(1);
    expect(await activeCustomers()).toBe(4);
  });

  it('retrain stores a new model version and promotes it only when it is not worse on steward decisions', async () => {
    const { id } = await runner.enqueue('retrain', { sampleSize: 100 });
    await runner.drain();
    const view = await runner.get(id);
    expect(view?.state).toBe('completed');
    const c = view?.counts as Record<string, unknown>;
    expect(c['stewardPairs']).toBe(1);
    expect(c['promoted']).toBe((c['agreementNew'] as number) >= (c['agreementActive'] as number));
    const row = await database.db
      .selectFrom('match_models')
      .select('status')
      .where('version', '=', c['version'] as number)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe(c['promoted'] ? 'active' : 'candidate');
  });
});
