import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MdmContext, upsertRecord } from '../../src/mdm/index.js';
import { defaultModel } from '../../src/match/index.js';
import type { Database } from '../../src/store/db.js';
import { insertCandidateModel, promoteModel } from '../../src/store/models.js';
import type { JsonObject } from '../../src/store/schema.js';
import { backends, openTestDatabase } from '../helpers/database.js';
import { addSourceSystems, person, sameAs, sourceActor, testContext } from './mdm-helpers.js';

describe.each(backends)('active match model (%s)', (backend) => {
  let database: Database;
  let ctx: MdmContext;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ctx = testContext(database);
    await addSourceSystems(database, { crm: 10 });
  });
  afterAll(() => database.close());

  it('uses the default model until one is promoted, then the promoted one after refresh', async () => {
    expect((await ctx.models.current()).version).toBeNull();
    const model = { ...defaultModel(), prior: 0.001 };
    const version = await database.db.transaction().execute(async (trx) => {
      const row = await insertCandidateModel(trx, model as unknown as JsonObject, {});
      await promoteModel(trx, row.version);
      return row.version;
    });
    expect((await ctx.models.current()).version).toBeNull(); // cached until refreshed
    const active = await ctx.models.refresh();
    expect(active.version).toBe(version);
    expect(active.model.prior).toBe(0.001);

    const rec = person();
    await upsertRecord(ctx, sourceActor(), rec);
    const attached = await upsertRecord(ctx, sourceActor(), sameAs(rec));
    expect(attached.decision).toBe('attached');
    const link = await database.db
      .selectFrom('match_links')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(link.model_version).toBe(version);
  });

  it('falls back to the default model when the active row does not parse', async () => {
    await database.db.transaction().execute(async (trx) => {
      const row = await insertCandidateModel(trx, { format: 'nonsense' }, {});
      await promoteModel(trx, row.version);
    });
    const active = await ctx.models.refresh();
    expect(active.version).toBeNull();
    expect(active.model.prior).toBe(defaultModel().prior);
  });
});
