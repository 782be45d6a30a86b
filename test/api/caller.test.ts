/** Caller look-up: phone, email, name, record id or customer id → customer 360 with value and rank. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/database.js';
import { STEWARD_KEY, otherPerson, person, startApi, type TestApi } from './support.js';

interface CallerAnswer {
  customer: { id: string } | null;
  xref: { systems: Array<{ sourceSystem: string; totalValue: number }> } | null;
  totalValue: number | null;
  valueRank: { position: number; customers: number; topPercent: number } | null;
  candidates: Array<{ customer: { id: string } }>;
}

describe.each(backends)('caller look-up (%s)', (backend) => {
  let api: TestApi;
  let margaret = '';
  let rajesh = '';

  const ask = async (q: string): Promise<CallerAnswer> => {
    const res = await api.call('GET', `/v1/caller?q=${encodeURIComponent(q)}`, STEWARD_KEY);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CallerAnswer;
  };

  beforeAll(async () => {
    api = await startApi(backend);
    const crm = await api.addSystem('crm', 10);
    const web = await api.addSystem('web', 50);
    // Margaret: 1200 in crm + 800 in web = 2000; Rajesh 300; a third customer 5000.
    margaret = (await api.call('PUT', '/v1/records/crm/m1', crm, person())).json().customerId;
    await api.call('PUT', '/v1/records/web/m2', web, person({ annual_value: '800' }));
    rajesh = (await api.call('PUT', '/v1/records/web/r1', web, otherPerson())).json().customerId;
    await api.call(
      'PUT',
      '/v1/records/web/z1',
      web,
      otherPerson({
        given_name: 'Zhou',
        family_name: 'Xiaoming',
        email: 'zhou@example.cn',
        phone: '+61 7 3000 1111',
        date_of_birth: '1990-01-01',
        address_line1: '1 Queen Street',
        locality: 'Brisbane',
        postal_code: '4000',
        region: 'QLD',
        annual_value: '5000',
      }),
    );
  });
  afterAll(() => api?.close());

  it('finds the customer from a phone number as spoken, with its value across systems and its rank', async () => {
    const answer = await ask('02 9374 4000');
    expect(answer.customer?.id).toBe(margaret);
    expect(answer.totalValue).toBe(2000);
    expect(answer.xref?.systems.map((s) => s.sourceSystem).sort()).toEqual(['crm', 'web']);
    expect(answer.valueRank).toEqual({ position: 2, customers: 3, topPercent: 67 });
  });

  it('finds the customer from an email, a name, a record id and a customer id', async () => {
    expect((await ask('R.Venkat@example.org')).customer?.id).toBe(rajesh);
    expect((await ask('Margret Thornbury')).customer?.id).toBe(margaret);
    expect((await ask('m2')).customer?.id).toBe(margaret);
    const byId = await ask(rajesh);
    expect(byId.customer?.id).toBe(rajesh);
    expect(byId.valueRank).toEqual({ position: 3, customers: 3, topPercent: 100 });
  });

  it('answers "no match" for an unknown caller and 400 for an empty query', async () => {
    const none = await ask('nobody@nowhere.example');
    expect(none.customer).toBeNull();
    expect(none.candidates).toEqual([]);
    const res = await api.call('GET', '/v1/caller?q=', STEWARD_KEY);
    expect(res.statusCode).toBe(400);
  });
});
