/** Customers through HTTP: match, merge + redirect, split restores, cross-reference, history, concurrency. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/database.js';
import { STEWARD_KEY, otherPerson, person, startApi, type TestApi } from './support.js';

describe.each(backends)('customers API (%s)', (backend) => {
  let api: TestApi;
  let crm = '';
  let web = '';
  let margaret = '';
  let rajesh = '';

  const customerOf = async (system: string, id: string): Promise<string> => {
    const res = await api.call('GET', `/v1/xref/${system}/${id}`, STEWARD_KEY);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { customerId: string }).customerId;
  };

  beforeAll(async () => {
    api = await startApi(backend);
    crm = await api.addSystem('crm', 10);
    web = await api.addSystem('web', 50);
    margaret = (await api.call('PUT', '/v1/records/crm/m1', crm, person())).json().customerId;
    await api.call('PUT', '/v1/records/web/m2', web, person({ phone: null }));
    rajesh = (await api.call('PUT', '/v1/records/web/r1', web, otherPerson())).json().customerId;
  });
  afterAll(() => api?.close());

  it('matches without storing, best candidate first, with a field-by-field explanation', async () => {
    const res = await api.call('POST', '/v1/match', crm, { record: person({ given_name: 'Maggie', email: null }) });
    expect(res.statusCode).toBe(200);
    const { candidates } = res.json() as {
      candidates: Array<{
        customerId: string;
        probability: number;
        explanation: {
          fields: Array<{
            field: string;
            level: string;
            weight: number;
            tfAdjustment: number;
            m: number | null;
            u: number | null;
          }>;
          totalWeight: number;
        };
      }>;
    };
    expect(candidates[0]?.customerId).toBe(margaret);
    const probs = candidates.map((c) => c.probability);
    expect(probs).toEqual([...probs].sort((a, b) => b - a));
    expect(candidates[0]!.explanation.fields.length).toBeGreaterThan(3);
    // Each compared field shows its m and u, so a steward can see why it weighs what it does.
    const compared = candidates[0]!.explanation.fields.filter((f) => f.level !== 'missing');
    expect(compared.length).toBeGreaterThan(0);
    for (const f of compared) {
      // A conflict-only comparison (gender) agreeing is no evidence: weight 0, and no m/u that would
      // contradict it.
      if (f.m === null) expect([f.field, f.weight]).toEqual(['gender', 0]);
      else expect(f.weight - f.tfAdjustment).toBeCloseTo(Math.log2(f.m / f.u!), 6);
    }
    expect((await api.call('GET', `/v1/customers/${margaret}`, crm)).json().customer.recordCount).toBe(2);
  });

  it('cross-reference lists systems and records; reverse look-up finds the customer', async () => {
    const xref = (await api.call('GET', `/v1/customers/${margaret}/xref`, crm)).json();
    expect(xref).toMatchObject({ customerId: margaret, recordCount: 2, totalValue: 2400 });
    expect(
      xref.systems.map((s: { sourceSystem: string; recordIds: string[] }) => [s.sourceSystem, s.recordIds]),
    ).toEqual([
      ['crm', ['m1']],
      ['web', ['m2']],
    ]);
    expect(await customerOf('web', 'm2')).toBe(margaret);
    const missing = await api.call('GET', '/v1/xref/web/nope', crm);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('IH_RECORD_NOT_FOUND');
  });

  it('searches by name with a typo, by email and by postcode', async () => {
    const byName = (await api.call('GET', '/v1/customers?name=Margret%20Thornbury', crm)).json();
    expect(byName.items[0]?.customer.id).toBe(margaret);
    const byEmail = (await api.call('GET', '/v1/customers?email=r.venkat@example.org', crm)).json();
    expect(byEmail.items.map((i: { customer: { id: string } }) => i.customer.id)).toContain(rajesh);
  });

  it('merge: the older id survives, the other redirects; split restores the records', async () => {
    const merged = await api.call('POST', `/v1/customers/${rajesh}/merge`, STEWARD_KEY, {
      otherId: margaret,
      reason: 'same household account',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const survivor = [margaret, rajesh].sort()[0]!;
    const gone = survivor === margaret ? rajesh : margaret;
    expect(merged.json()).toMatchObject({ customer: { id: survivor, recordCount: 3 }, mergedId: gone });

    const redirected = (await api.call('GET', `/v1/customers/${gone}`, crm)).json();
    expect(redirected).toMatchObject({ customer: { id: survivor }, redirectedFrom: gone });
    expect(await customerOf('web', 'r1')).toBe(survivor);

    const split = await api.call('POST', `/v1/customers/${survivor}/split`, STEWARD_KEY, {
      recordRefs: [{ sourceSystem: 'web', sourceRecordId: 'r1' }],
      reason: 'merged by mistake',
    });
    expect(split.statusCode, split.body).toBe(200);
    const { customer, newCustomer } = split.json();
    expect(customer).toMatchObject({ id: survivor, recordCount: 2 });
    expect(newCustomer.recordCount).toBe(1);
    expect(await customerOf('web', 'r1')).toBe(newCustomer.id);
    const records = (await api.call('GET', `/v1/customers/${survivor}/records`, STEWARD_KEY)).json();
    expect(records.items.map((r: { sourceRecordId: string }) => r.sourceRecordId).sort()).toEqual(['m1', 'm2']);
    // A source key sees its own system's payloads only (#15.9); web's m2 is listed by /xref instead.
    const own = (await api.call('GET', `/v1/customers/${survivor}/records`, crm)).json();
    expect(own.items.map((r: { sourceRecordId: string }) => r.sourceRecordId)).toEqual(['m1']);

    const history = (await api.call('GET', `/v1/customers/${survivor}/history`, crm)).json();
    const actions = history.items.map((e: { action: string }) => e.action);
    expect(actions.some((a: string) => /merge/.test(a))).toBe(true);
    expect(actions.some((a: string) => /split/.test(a))).toBe(true);
    expect(history.items.find((e: { action: string }) => /split/.test(e.action)).reason).toBe('merged by mistake');
  });

  it('merging a customer with itself or an unknown one is refused', async () => {
    const self = await api.call('POST', `/v1/customers/${margaret}/merge`, STEWARD_KEY, {
      otherId: margaret,
      reason: 'x',
    });
    expect([400, 409]).toContain(self.statusCode);
    const unknown = await api.call('POST', `/v1/customers/${margaret}/merge`, STEWARD_KEY, {
      otherId: 'C0999999999',
      reason: 'x',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('20 concurrent upserts of one new person make one customer', async () => {
    const newcomer = otherPerson({
      given_name: 'Ottilie',
      family_name: 'Castellanos',
      email: 'ottilie.c@example.com',
      phone: '+61 2 6111 2233',
      postal_code: '2600',
      locality: 'Canberra',
      region: 'ACT',
      address_line1: '1 Marcus Clarke Street',
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.call('PUT', `/v1/records/${i % 2 ? 'crm' : 'web'}/par-${i}`, i % 2 ? crm : web, newcomer),
      ),
    );
    expect(results.map((r) => r.statusCode).every((s) => s === 200 || s === 201)).toBe(true);
    const ids = new Set(results.map((r) => (r.json() as { customerId: string }).customerId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.json().decision === 'created')).toHaveLength(1);
    const [id] = [...ids];
    expect((await api.call('GET', `/v1/customers/${id}`, crm)).json().customer.recordCount).toBe(20);
  });
});
