/**
 * Re-matching through HTTP: a changed record moves to the customer it now matches and both golden
 * records follow; a soft delete takes the record's values out of the golden record; a name the
 * standardiser once looped on ("M. M Davis") answers like any other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/database.js';
import { STEWARD_KEY, otherPerson, person, startApi, type TestApi } from './support.js';

interface Golden {
  email?: { value: string; sourceSystem: string; sourceRecordId: string };
  familyName?: { value: string; sourceSystem: string; sourceRecordId: string };
}
interface Lookup {
  customer: { id: string; recordCount: number; version: number; golden: Golden };
}

describe.each(backends)('re-match on change (%s)', (backend) => {
  let api: TestApi;
  let crm = '';
  let web = '';

  beforeAll(async () => {
    api = await startApi(backend);
    crm = await api.addSystem('crm', 10);
    web = await api.addSystem('web', 50);
  });
  afterAll(() => api?.close());

  const customer = async (id: string) => (await api.call('GET', `/v1/customers/${id}`, STEWARD_KEY)).json() as Lookup;
  const customerOf = async (system: string, id: string) =>
    ((await api.call('GET', `/v1/xref/${system}/${id}`, STEWARD_KEY)).json() as { customerId: string }).customerId;

  it('a changed record that now describes another person moves to that customer; both goldens follow', async () => {
    const m1 = await api.call('PUT', '/v1/records/web/m1', web, person());
    const m2 = await api.call('PUT', '/v1/records/crm/m2', crm, person());
    const r1 = await api.call('PUT', '/v1/records/web/r1', web, otherPerson());
    const margaret = (m1.json() as { customerId: string }).customerId;
    const rajesh = (r1.json() as { customerId: string }).customerId;
    expect((m2.json() as { customerId: string }).customerId).toBe(margaret);
    expect(rajesh).not.toBe(margaret);
    const before = await customer(margaret);
    expect(before.customer.golden.email?.sourceRecordId).toBe('m2'); // crm is the more trusted source

    const moved = await api.call('PUT', '/v1/records/crm/m2', crm, otherPerson());
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ customerId: rajesh, decision: 'attached', recordVersion: 2 });

    const left = await customer(margaret);
    expect(left.customer.recordCount).toBe(1);
    expect(left.customer.version).toBeGreaterThan(before.customer.version);
    expect(left.customer.golden.email).toMatchObject({ value: 'margaret.thornbury@example.com', sourceRecordId: 'm1' });
    const joined = await customer(rajesh);
    expect(joined.customer.recordCount).toBe(2);
    expect(joined.customer.golden.email).toMatchObject({ value: 'r.venkat@example.org', sourceRecordId: 'm2' });
    expect(await customerOf('crm', 'm2')).toBe(rajesh);
  });

  it('a soft delete takes the deleted record out of the lineage of the golden record', async () => {
    const keep = otherPerson({
      given_name: 'Ingrid',
      family_name: 'Solvang',
      email: 'ingrid.s@example.no',
      phone: '+61 8 8212 7700',
      date_of_birth: '1966-09-30',
      address_line1: '19 King William Street',
      locality: 'Adelaide',
      region: 'SA',
      postal_code: '5000',
    });
    const a = await api.call('PUT', '/v1/records/web/del-a', web, keep);
    const b = await api.call('PUT', '/v1/records/crm/del-b', crm, { ...keep, email: 'ingrid.solvang@example.no' });
    const id = (a.json() as { customerId: string }).customerId;
    expect((b.json() as { customerId: string }).customerId).toBe(id);
    expect((await customer(id)).customer.golden.email).toMatchObject({ sourceRecordId: 'del-b' });

    expect((await api.call('DELETE', '/v1/records/crm/del-b', crm)).statusCode).toBe(200);
    const after = await customer(id);
    expect(after.customer.recordCount).toBe(1);
    expect(after.customer.golden.email).toMatchObject({ value: 'ingrid.s@example.no', sourceRecordId: 'del-a' });
  });

  it('a full name with a repeated honorific is stored like any other', async () => {
    const res = await api.call('PUT', '/v1/records/crm/hon-1', crm, {
      full_name: 'M. M Davis',
      date_of_birth: '01/06/2000',
      phone: '(713) 841-0335',
    });
    expect(res.statusCode, res.body).toBe(201);
    const stored = (await api.call('GET', '/v1/records/crm/hon-1', crm)).json() as { std: { familyName: string } };
    expect(stored.std.familyName).toBe('davis');
  });
  it('re-sending a deleted record restores it (not "unchanged") and its customer counts it again', async () => {
    const body = otherPerson({
      given_name: 'Florentyna',
      family_name: 'Kowalczyk',
      email: 'florentyna.k@example.pl',
      phone: '+61 3 6231 9900',
      date_of_birth: '1982-02-14',
      address_line1: '40 Elizabeth Street',
      locality: 'Hobart',
      region: 'TAS',
      postal_code: '7000',
    });
    const created = (await api.call('PUT', '/v1/records/crm/res-1', crm, body)).json() as { customerId: string };
    expect((await api.call('DELETE', '/v1/records/crm/res-1', crm)).statusCode).toBe(200);
    const again = await api.call('PUT', '/v1/records/crm/res-1', crm, body);
    expect(again.statusCode, again.body).toBeLessThan(300);
    expect((again.json() as { decision: string }).decision).not.toBe('unchanged');
    const stored = (await api.call('GET', '/v1/records/crm/res-1', crm)).json() as {
      deletedAt: string | null;
      customerId: string;
    };
    expect(stored.deletedAt).toBeNull();
    expect((await customer(stored.customerId)).customer.recordCount).toBe(1);
    const history = (await api.call('GET', `/v1/customers/${stored.customerId}/history`, STEWARD_KEY)).json() as {
      items: Array<{ action: string }>;
    };
    expect(stored.customerId).toBe(created.customerId);
    expect(history.items.map((e) => e.action)).toContain('record.restored');
  });
});
