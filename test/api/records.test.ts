/** Record upserts through HTTP: create, attach, unchanged, update, review, delete, batches. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/database.js';
import { ADMIN_KEY, STEWARD_KEY, otherPerson, person, startApi, upsertIntoReview, type TestApi } from './support.js';

interface Upsert {
  customerId: string;
  decision: string;
  score: number | null;
  reviewTaskId?: string;
  recordVersion: number;
}

describe.each(backends)('records API (%s)', (backend) => {
  let api: TestApi;
  let crm = '';
  let web = '';

  beforeAll(async () => {
    api = await startApi(backend);
    crm = await api.addSystem('crm', 10);
    web = await api.addSystem('web', 50);
  });
  afterAll(() => api?.close());

  const put = async (system: string, id: string, key: string, body: unknown) => {
    const res = await api.call('PUT', `/v1/records/${system}/${id}`, key, body);
    return { status: res.statusCode, body: res.json() as Upsert };
  };

  it('creates, attaches a duplicate from another system, ignores a re-send, updates in place', async () => {
    const created = await put('crm', 'a1', crm, person());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ decision: 'created', recordVersion: 1 });

    const attached = await put('web', 'b1', web, person({ email: 'MARGARET.THORNBURY@example.com' }));
    expect(attached.status).toBe(200);
    expect(attached.body).toMatchObject({ decision: 'attached', customerId: created.body.customerId });
    expect(attached.body.score).toBeGreaterThanOrEqual(0.95);

    const again = await put('crm', 'a1', crm, person());
    expect(again).toMatchObject({ status: 200, body: { decision: 'unchanged', recordVersion: 1 } });

    const updated = await put('crm', 'a1', crm, person({ phone: '+61 2 9374 4111' }));
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ customerId: created.body.customerId, recordVersion: 2 });
    const stored = await api.call('GET', '/v1/records/crm/a1', crm);
    expect(stored.json()).toMatchObject({
      version: 2,
      raw: { phone: '+61 2 9374 4111' },
      std: { phone: '+61293744111' },
    });

    const customer = await api.call('GET', `/v1/customers/${created.body.customerId}`, STEWARD_KEY);
    expect(customer.json()).toMatchObject({ customer: { id: created.body.customerId, recordCount: 2 } });
  });

  it('a different person gets a new customer', async () => {
    const first = await put('crm', 'solo-1', crm, otherPerson());
    expect(first.body.decision).toBe('created');
    const a1 = await api.call('GET', '/v1/xref/crm/a1', crm);
    expect(first.body.customerId).not.toBe((a1.json() as { customerId: string }).customerId);
  });

  it('a record scoring between the thresholds opens a review task', async () => {
    const base = otherPerson({
      given_name: 'Deirdre',
      family_name: 'Okonkwo-Blake',
      email: 'deirdre.ob@example.net',
      phone: '+61 7 3221 0456',
      postal_code: '4000',
      locality: 'Brisbane',
      region: 'QLD',
      address_line1: '3 Eagle Street',
    });
    expect((await put('crm', 'rev-base', crm, base)).body.decision).toBe('created');
    const res = await upsertIntoReview(api, { system: 'web', key: web, id: 'rev-1' }, base);
    expect(res).toMatchObject({ decision: 'review', reviewTaskId: expect.any(String) });
    expect(res.score).toBeGreaterThanOrEqual(0.6);
    expect(res.score).toBeLessThan(0.95);
    const task = await api.call('GET', `/v1/review-tasks/${res.reviewTaskId}`, STEWARD_KEY);
    expect(task.json()).toMatchObject({ status: 'open', probability: expect.closeTo(res.score, 6) });
  });

  it('soft-deletes: the record stays readable with deletedAt, its customer loses it', async () => {
    const kept = await put(
      'crm',
      'del-keep',
      crm,
      otherPerson({
        given_name: 'Tobias',
        family_name: 'Ferncastle',
        email: 't.ferncastle@example.com',
        phone: '+61 8 9221 0001',
        date_of_birth: '1990-06-17',
        address_line1: '3 Hay Street',
        locality: 'Perth',
        region: 'WA',
        postal_code: '6000',
      }),
    );
    const gone = await put(
      'web',
      'del-gone',
      web,
      otherPerson({
        given_name: 'Tobias',
        family_name: 'Ferncastle',
        email: 't.ferncastle@example.com',
        phone: '+61 8 9221 0001',
        date_of_birth: '1990-06-17',
        address_line1: '3 Hay Street',
        locality: 'Perth',
        region: 'WA',
        postal_code: '6000',
      }),
    );
    expect(gone.body.customerId).toBe(kept.body.customerId);
    const del = await api.call('DELETE', '/v1/records/web/del-gone?reason=closed%20account', web);
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ deleted: true, customerId: kept.body.customerId });
    const stored = (await api.call('GET', '/v1/records/web/del-gone', web)).json() as { deletedAt: string | null };
    expect(stored.deletedAt).not.toBeNull();
    const xref = (await api.call('GET', `/v1/customers/${kept.body.customerId}/xref`, crm)).json() as {
      recordCount: number;
      systems: Array<{ sourceSystem: string }>;
    };
    expect(xref.recordCount).toBe(1);
    expect(xref.systems.map((s) => s.sourceSystem)).toEqual(['crm']);
    expect((await api.call('DELETE', '/v1/records/web/never-existed', web)).statusCode).toBe(404);
  });

  it('a batch reports per record: a failing record does not stop the others', async () => {
    const records = [
      {
        source_system: 'crm',
        source_record_id: 'bat-1',
        ...otherPerson({ given_name: 'Annika', family_name: 'Lindqvist', email: 'annika.l@example.se' }),
      },
      { source_system: 'ghost', source_record_id: 'bat-2', ...person() },
      {
        source_system: 'crm',
        source_record_id: 'bat-3',
        ...otherPerson({ given_name: 'Bartholomew', family_name: 'Quince', email: 'bq@example.co.uk' }),
      },
    ];
    const res = await api.call('POST', '/v1/records:batch', ADMIN_KEY, { records });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      ok: number;
      failed: number;
      results: Array<{ status: string; sourceRecordId: string; error?: { code: string } }>;
    };
    expect(body).toMatchObject({ ok: 2, failed: 1 });
    expect(body.results.map((r) => [r.sourceRecordId, r.status])).toEqual([
      ['bat-1', 'ok'],
      ['bat-2', 'failed'],
      ['bat-3', 'ok'],
    ]);
    expect(body.results[1]?.error?.code).toBe('IH_SOURCE_SYSTEM_NOT_FOUND');
    expect((await api.call('GET', '/v1/records/crm/bat-3', crm)).statusCode).toBe(200);
  });

  it('a batch of more than 1,000 records is refused whole with 400', async () => {
    const records = Array.from({ length: 1001 }, (_, i) => ({
      source_system: 'crm',
      source_record_id: `big-${i}`,
      family_name: 'X',
    }));
    const res = await api.call('POST', '/v1/records:batch', crm, { records });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'IH_VALIDATION',
      details: [expect.objectContaining({ path: 'body/records' })],
    });
    expect((await api.call('GET', '/v1/records/crm/big-0', crm)).statusCode).toBe(404);
  });
});
