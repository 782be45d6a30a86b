/**
 * A steward's split racing upserts of the records being split off (#15 item 2): the split takes the
 * per-record locks the upsert takes, and an upsert never writes a record back to the customer it
 * read before the split moved it. Meaningful on PostgreSQL (PGlite has one connection, so nothing
 * interleaves there; the test still checks the outcome).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitCustomer, upsertRecord } from '../../src/mdm/index.js';
import type { MdmContext } from '../../src/mdm/context.js';
import type { Database } from '../../src/store/db.js';
import { findRecordByKey } from '../../src/store/source-records.js';
import { backends, openTestDatabase } from '../helpers/database.js';
import { customerInvariantViolations } from './customer-invariants.js';
import { addSourceSystems, person, sameAs, sourceActor, steward, testContext } from './mdm-helpers.js';

const TRIALS = 20;

describe.each(backends)('split racing upserts (%s)', (backend) => {
  let database: Database;
  let ctx: MdmContext;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ctx = testContext(database);
    await addSourceSystems(database, { crm: 10 });
  });
  afterAll(() => database.close());

  it(`the records split off stay split off and every invariant holds (${TRIALS} trials)`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const p = person();
      const a = await upsertRecord(ctx, sourceActor(), p);
      const leaving = [sameAs(p), sameAs(p)];
      for (const r of leaving) expect((await upsertRecord(ctx, sourceActor(), r)).customerId).toBe(a.customerId);
      const refs = leaving.map((r) => ({ sourceSystem: 'crm', sourceRecordId: r.source_record_id as string }));
      // New versions of the leaving records (a new annual value) sent while the steward splits them off.
      const [split] = await Promise.all([
        splitCustomer(ctx, steward, a.customerId, refs, 'two people'),
        ...leaving.map((r) => upsertRecord(ctx, sourceActor(), { ...r, annual_value: String(1300 + trial) })),
      ]);
      for (const ref of refs) {
        const row = await findRecordByKey(database.db, ref.sourceSystem, ref.sourceRecordId);
        expect(row?.customer_id, `trial ${trial}`).toBe(split.newCustomer.id);
      }
      expect(await customerInvariantViolations(database.db), `trial ${trial}`).toEqual([]);
    }
  }, 60_000);
});
