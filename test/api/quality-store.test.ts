/**
 * The quality aggregates on a hand-built fixture: problems written straight into source_records, so
 * the expected counts follow from the fixture alone (the HTTP-level test in quality.test.ts goes
 * through standardisation instead).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import { jsonb } from '../../src/store/json.js';
import { qualityReport, readSourceQuality, refreshQualitySummaries, sourceQuality } from '../../src/quality/index.js';
import { backends, openTestDatabase } from '../helpers/database.js';

const bad = (code: string, field: Problem['field'], severity: Problem['severity'] = 'error'): Problem => ({
  code,
  field,
  value: 'x',
  severity,
});

describe.each(backends)('quality aggregates (%s)', (backend) => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const { db } = database;
    await db
      .insertInto('source_systems')
      .values([
        { name: 'crm', display_name: 'CRM' },
        { name: 'web', display_name: 'Web' },
      ])
      .execute();
    const c1 = await db.insertInto('customers').defaultValues().returning('id').executeTakeFirstOrThrow();
    const c2 = await db.insertInto('customers').defaultValues().returning('id').executeTakeFirstOrThrow();
    const rows: Array<[string, string, string | null, Problem[], boolean]> = [
      ['crm', 'r1', c1.id, [bad('address.postcode_invalid', 'postal_code')], false],
      ['crm', 'r2', c1.id, [bad('phone.invalid', 'phone'), bad('email.invalid', 'email')], false], // duplicate of r1
      [
        'crm',
        'r3',
        c2.id,
        [bad('record.missing_name', 'record'), bad('record.missing_contact', 'record', 'warning')],
        false,
      ],
      ['crm', 'r4', null, [], false],
      ['crm', 'r5', c2.id, [bad('phone.invalid', 'phone')], true], // deleted: not counted
      ['web', 'w1', c2.id, [bad('phone.invalid', 'phone')], false],
    ];
    for (const [system, id, customer, problems, deleted] of rows) {
      await db
        .insertInto('source_records')
        .values({
          source_system: system,
          source_record_id: id,
          customer_id: customer,
          raw: jsonb({ source_system: system, source_record_id: id }),
          problems: jsonb(problems),
          payload_hash: id,
          deleted_at: deleted ? new Date() : null,
        })
        .execute();
    }
  });
  afterAll(() => database?.close());

  it('counts one system exactly', async () => {
    const q = await sourceQuality({ database }, 'crm');
    expect(q).toMatchObject({
      sourceSystem: 'crm',
      records: 4,
      customers: 2,
      duplicateRecords: 1,
      duplicateRate: 0.25,
      recordsWithProblems: 3,
      invalidAddresses: 1,
      invalidPhones: 1,
      invalidEmails: 1,
      missingRequired: 1,
    });
    const byCode = Object.fromEntries(q.problems.map((p) => [p.code, p]));
    expect(Object.keys(byCode).sort()).toEqual([
      'address.postcode_invalid',
      'email.invalid',
      'phone.invalid',
      'record.missing_contact',
      'record.missing_name',
    ]);
    expect(byCode['phone.invalid']).toEqual({
      code: 'phone.invalid',
      field: 'phone',
      severity: 'error',
      records: 1,
      sampleRecordIds: ['r2'],
    });
  });

  it('reports every system, an empty one with zeros', async () => {
    await database.db.insertInto('source_systems').values({ name: 'empty', display_name: 'Empty' }).execute();
    const report = await qualityReport({ database });
    expect(report.sources.map((s) => [s.sourceSystem, s.records, s.invalidPhones])).toEqual([
      ['crm', 4, 1],
      ['empty', 0, 0],
      ['web', 1, 1],
    ]);
    expect(report.sources.find((s) => s.sourceSystem === 'empty')).toMatchObject({ duplicateRate: 0, problems: [] });
  });

  it('serves the stored profile after a refresh until asked for live figures', async () => {
    const at = new Date('2026-11-23T02:00:00Z');
    expect(await refreshQualitySummaries({ database }, () => at)).toBe(3);
    await database.db
      .insertInto('source_records')
      .values({
        source_system: 'web',
        source_record_id: 'w2',
        raw: jsonb({ source_system: 'web', source_record_id: 'w2' }),
        problems: jsonb([bad('email.invalid', 'email')]),
        payload_hash: 'w2',
      })
      .execute();
    const stored = await readSourceQuality({ database }, 'web');
    expect(stored).toMatchObject({ records: 1, invalidEmails: 0, live: false, computedAt: at.toISOString() });
    const live = await readSourceQuality({ database }, 'web', { live: true });
    expect(live).toMatchObject({ records: 2, invalidEmails: 1, live: true });
    const report = await qualityReport({ database });
    expect(report.sources.map((s) => [s.sourceSystem, s.records, s.live])).toEqual([
      ['crm', 4, false],
      ['empty', 0, false],
      ['web', 1, false],
    ]);
  });
});
