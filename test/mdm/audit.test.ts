import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteRecord,
  getCustomerHistory,
  type MdmContext,
  mergeCustomers,
  splitCustomer,
  upsertRecord,
} from '../../src/mdm/index.js';
import type { Database } from '../../src/store/db.js';
import { backends, openTestDatabase } from '../helpers/database.js';
import { addSourceSystems, person, sameAs, sourceActor, steward, testContext } from './mdm-helpers.js';

describe.each(backends)('audit trail (%s)', (backend) => {
  let database: Database;
  let ctx: MdmContext;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ctx = testContext(database);
    await addSourceSystems(database, { crm: 10, web: 20 });
  });
  afterAll(() => database.close());

  it('writes an event with actor, reason and before/after for every change', async () => {
    const rec = person();
    const a = await upsertRecord(ctx, sourceActor(), rec);
    const b = await upsertRecord(ctx, sourceActor('web'), sameAs(rec, { source_system: 'web' }));
    await upsertRecord(ctx, sourceActor(), { ...rec, annual_value: '5' });
    const other = await upsertRecord(ctx, sourceActor(), person());
    await mergeCustomers(ctx, steward, a.customerId, other.customerId, 'called in');
    await splitCustomer(ctx, steward, a.customerId, [other], 'wrong merge');
    await deleteRecord(ctx, sourceActor('web'), b, 'gdpr erasure');

    const history = await getCustomerHistory(ctx, a.customerId, { limit: 200 });
    const actions = history.map((e) => e.action).reverse();
    // The merged-away customer's history is part of the survivor's: three records were created.
    expect(actions.filter((x) => x.startsWith('record.'))).toEqual([
      'record.created',
      'record.created',
      'record.updated',
      'record.created',
      'record.deleted',
    ]);
    expect(actions).toEqual(
      expect.arrayContaining(['customer.created', 'customer.updated', 'customer.merged', 'customer.split']),
    );
    const update = history.find((e) => e.action === 'record.updated');
    expect(update?.actor).toEqual(sourceActor());
    expect((update?.before as { version: number }).version).toBe(1);
    expect((update?.after as { version: number }).version).toBe(2);
    const deletion = history.find((e) => e.action === 'record.deleted');
    expect(deletion).toMatchObject({
      actor: sourceActor('web'),
      reason: 'gdpr erasure',
      sourceRecordId: b.sourceRecordId,
    });
    // Newest first, and pages by id.
    const ids = history.map((e) => Number(e.id));
    expect([...ids].sort((x, y) => y - x)).toEqual(ids);
    const page2 = await getCustomerHistory(ctx, a.customerId, { limit: 3, beforeId: history[2]?.id });
    expect(page2.map((e) => e.id)).toEqual(history.slice(3, 6).map((e) => e.id));
  });
});
