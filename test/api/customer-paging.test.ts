/**
 * Paging a customer's members (#18.2): /records and /xref answer one page at a time with a keyset
 * cursor that survives concurrent inserts (no record repeated or skipped), /xref's per-system counts
 * and value are whole on every page, and a malformed cursor is a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/database.js';
import { STEWARD_KEY, person, startApi, type TestApi } from './support.js';

describe.each(backends)('customer paging (%s)', (backend) => {
  let api: TestApi;
  let crm = '';
  let web = '';
  let customerId = '';

  beforeAll(async () => {
    api = await startApi(backend);
    crm = await api.addSystem('crm', 10);
    web = await api.addSystem('web', 50);
    customerId = (await api.call('PUT', '/v1/records/crm/p0', crm, person())).json().customerId;
    for (let i = 1; i < 5; i++) {
      const res = await api.call('PUT', `/v1/records/${i % 2 ? 'web' : 'crm'}/p${i}`, i % 2 ? web : crm, person());
      expect(res.json().customerId).toBe(customerId);
    }
  });
  afterAll(() => api?.close());

  it('/records pages by cursor; a record added between pages comes last, none repeats or goes missing', async () => {
    const seen: string[] = [];
    let after: string | null = '';
    let pages = 0;
    while (after !== null) {
      const res = await api.call('GET', `/v1/customers/${customerId}/records?limit=2&after=${after}`, STEWARD_KEY);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Array<{ sourceRecordId: string }>; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((r) => r.sourceRecordId));
      if (pages++ === 0) await api.call('PUT', '/v1/records/crm/p5', crm, person());
      after = body.nextCursor;
    }
    expect(seen).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
  });

  it('/xref gives whole per-system counts and value on every page, and the record ids page by page', async () => {
    const ids: string[] = [];
    let after: string | null = '';
    while (after !== null) {
      const res = await api.call('GET', `/v1/customers/${customerId}/xref?limit=4&after=${after}`, crm);
      expect(res.statusCode, res.body).toBe(200);
      const x = res.json() as {
        recordCount: number;
        totalValue: number;
        systems: Array<{ sourceSystem: string; recordCount: number; totalValue: number; recordIds: string[] }>;
        nextCursor: string | null;
      };
      expect(x.recordCount).toBe(6);
      expect(x.totalValue).toBe(7200);
      expect(Object.fromEntries(x.systems.map((s) => [s.sourceSystem, s.recordCount]))).toEqual({ crm: 4, web: 2 });
      ids.push(...x.systems.flatMap((s) => s.recordIds));
      after = x.nextCursor;
    }
    expect(ids.sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
  });

  it('a malformed cursor is a 400 with the field path', async () => {
    for (const url of [`/v1/customers/${customerId}/records?after=zzz`, `/v1/customers/${customerId}/xref?after=zzz`]) {
      const res = await api.call('GET', url, crm);
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toMatchObject({ error: 'IH_VALIDATION', details: [{ path: 'querystring/after' }] });
    }
  });
});
