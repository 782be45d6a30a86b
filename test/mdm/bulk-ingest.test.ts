/**
 * The bulk path decides what one-by-one upserts decide: the same generated records (customers with
 * duplicates across systems, typos, missing values) loaded one at a time into one store, and into
 * another half one at a time then the rest in bulk chunks (so chunks match against stored records,
 * against their own earlier records, and across chunks), end in the same customers with the same
 * links and review tasks. Re-sending everything changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpsertResult } from '../../src/mdm/types.js';
import type { RawRecord } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import { generateRecords } from '../../src/synth/generator.js';
import {
  compareContext,
  compareOutcomes,
  loadBulk,
  loadOneByOne,
  readOutcome,
  registerSystems,
  resend,
} from '../../scripts/bench/_ingest-compare.js';
import { backends, openTestDatabase } from '../helpers/database.js';
import { customerInvariantViolations } from './customer-invariants.js';

const RECORDS = 240;

function dataset(): RawRecord[] {
  const out: RawRecord[] = [];
  for (const { record } of generateRecords({ customers: RECORDS, seed: 'bulk-equivalence' })) {
    if (out.length >= RECORDS) break;
    out.push(record as unknown as RawRecord);
  }
  return out;
}

describe.each(backends)('bulk ingest (%s)', (backend) => {
  let one: Database;
  let bulk: Database;

  beforeAll(async () => {
    [one, bulk] = await Promise.all([openTestDatabase(backend), openTestDatabase(backend)]);
  });
  afterAll(async () => {
    await one?.close();
    await bulk?.close();
  });

  it('ends in the customers, links and review tasks of one-by-one upserts; a re-send changes nothing', async () => {
    const records = dataset();
    await registerSystems(one, records);
    await registerSystems(bulk, records);
    const half = RECORDS / 2;
    await loadOneByOne(compareContext(one), records);
    const warnings: string[] = [];
    const ctx = compareContext(bulk, warnings);
    await loadOneByOne(ctx, records.slice(0, half));
    expect(await loadBulk(ctx, records.slice(half), 50)).toEqual([]);
    // No chunk fell back to one-by-one upserts.
    expect(warnings).toEqual([]);

    const a = await readOutcome(one);
    const b = await readOutcome(bulk);
    const cmp = compareOutcomes(a, b);
    expect(cmp.records).toBe(RECORDS);
    // The data has duplicates, so the comparison is not between two trivial partitions.
    expect(cmp.customers[0]).toBeLessThan(RECORDS);
    expect(cmp).toMatchObject({ recordsInDifferentCustomers: 0, linksOnlyInOne: 0, openTasksOnlyInOne: 0 });
    // Counts, totals and golden state of the bulk-written customers hold as after single upserts.
    expect(await customerInvariantViolations(bulk.db)).toEqual([]);

    const events = await bulk.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await resend(ctx, records);
    expect(new Set(again.map((r) => (r as UpsertResult).decision))).toEqual(new Set(['unchanged']));
    const after = await bulk.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(events.n));
  }, 120_000);
});
