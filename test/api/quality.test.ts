/** The quality report through HTTP, on records whose problems standardisation itself finds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/database.js';
import { STEWARD_KEY, otherPerson, person, startApi, type TestApi } from './support.js';

describe.each(backends)('quality report (%s)', (backend) => {
  let api: TestApi;
  let qa = '';

  beforeAll(async () => {
    api = await startApi(backend);
    qa = await api.addSystem('qa');
    await api.addSystem('idle');
    const fixture: Record<string, Record<string, string | null>> = {
      'bad-postcode': person({ postal_code: '27X' }),
      'bad-phone': otherPerson({ phone: '12' }),
      'no-name': otherPerson({
        given_name: null,
        family_name: null,
        email: 'nobody.123@example.net',
        phone: '+61 8 8000 1234',
        postal_code: '5000',
        locality: 'Adelaide',
        region: 'SA',
        address_line1: '9 King William Street',
        date_of_birth: '1990-01-01',
      }),
      'bad-email': otherPerson({
        given_name: 'Winifred',
        family_name: 'Achterberg',
        email: 'winifred@@example',
        phone: '+61 8 9000 5678',
        postal_code: '6000',
        locality: 'Perth',
        region: 'WA',
        address_line1: '100 Hay Street',
        date_of_birth: '1960-06-30',
      }),
      'dup-1': otherPerson({
        given_name: 'Leopold',
        family_name: 'Marchetti',
        email: 'leo.marchetti@example.it',
        phone: '+61 3 6200 1111',
        postal_code: '7000',
        locality: 'Hobart',
        region: 'TAS',
        address_line1: '5 Murray Street',
        date_of_birth: '1975-09-09',
      }),
    };
    fixture['dup-2'] = { ...fixture['dup-1']! };
    for (const [id, body] of Object.entries(fixture)) {
      const res = await api.call('PUT', `/v1/records/qa/${id}`, qa, body);
      expect(res.statusCode, `${id}: ${res.body}`).toBeLessThan(300);
    }
  });
  afterAll(() => api?.close());

  it('counts each kind of problem exactly, with sample record ids', async () => {
    const res = await api.call('GET', '/v1/quality/sources/qa?live=true', qa);
    expect(res.statusCode, res.body).toBe(200);
    const q = res.json();
    expect(q).toMatchObject({
      sourceSystem: 'qa',
      live: true,
      records: 6,
      customers: 5,
      duplicateRecords: 1,
      invalidAddresses: 1,
      invalidPhones: 1,
      invalidEmails: 1,
      missingRequired: 1,
    });
    expect(q.duplicateRate).toBeCloseTo(1 / 6, 10);
    const byCode = new Map(q.problems.map((p: { code: string }) => [p.code, p]));
    expect(byCode.get('address.postcode_invalid')).toMatchObject({
      records: 1,
      sampleRecordIds: ['bad-postcode'],
      field: 'postal_code',
    });
    expect(byCode.get('phone.invalid')).toMatchObject({ records: 1, sampleRecordIds: ['bad-phone'] });
    expect(byCode.get('record.missing_name')).toMatchObject({ records: 1, sampleRecordIds: ['no-name'] });
    expect(byCode.get('email.invalid')).toMatchObject({ records: 1, sampleRecordIds: ['bad-email'] });
  });

  it('a deleted record drops out of the counts', async () => {
    expect((await api.call('DELETE', '/v1/records/qa/bad-phone', qa)).statusCode).toBe(200);
    const q = (await api.call('GET', '/v1/quality/sources/qa', STEWARD_KEY)).json();
    expect(q).toMatchObject({ records: 5, invalidPhones: 0 });
  });

  it('the full report lists every system; an unknown one is 404', async () => {
    const report = (await api.call('GET', '/v1/quality/sources', STEWARD_KEY)).json();
    expect(report.sources.map((s: { sourceSystem: string; records: number }) => [s.sourceSystem, s.records])).toEqual([
      ['idle', 0],
      ['qa', 5],
    ]);
    const missing = await api.call('GET', '/v1/quality/sources/nosuch', STEWARD_KEY);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('IH_SOURCE_SYSTEM_NOT_FOUND');
  });
});
