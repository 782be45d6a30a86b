/**
 * #15: the probes that once got a 500, a silent change or a leak, re-run through the real app.
 * Each case names the item it guards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, STEWARD_KEY, person, startApi, type TestApi } from './support.js';

describe('API hardening (#15)', () => {
  let api: TestApi;
  let crm: string;
  let web: string;
  let customerId: string;

  beforeAll(async () => {
    api = await startApi('pglite');
    crm = await api.addSystem('crm', 10);
    web = await api.addSystem('web', 20);
    const a = await api.call('PUT', '/v1/records/crm/h1', crm, person());
    customerId = a.json().customerId;
    await api.call('PUT', '/v1/records/web/h2', web, person({ phone: null }));
  });
  afterAll(() => api?.close());

  const expectValidation = (res: { statusCode: number; json(): unknown; body: string }, path: string) => {
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'IH_VALIDATION',
      details: expect.arrayContaining([expect.objectContaining({ path })]),
    });
  };

  describe('unknown fields are a 400 naming them, never dropped (#15.5)', () => {
    it('on a record', async () => {
      const res = await api.call('PUT', '/v1/records/crm/h-extra', crm, { ...person(), given_nmae: 'Ann' });
      expectValidation(res, 'body/given_nmae');
    });
    it('on /v1/match, inside the record', async () => {
      const res = await api.call('POST', '/v1/match', crm, { record: { ...person(), colour: 'red' } });
      expectValidation(res, 'body/record/colour');
    });
    it('extra stays the way to send extra attributes', async () => {
      const res = await api.call('PUT', '/v1/records/crm/h-extra2', crm, { ...person(), extra: { colour: 'red' } });
      expect(res.statusCode, res.body).toBeLessThan(300);
    });
  });

  describe('text the database cannot store is a 400 with the field path (#15 500s)', () => {
    const cases: Array<[string, () => Promise<{ statusCode: number; json(): unknown; body: string }>, string]> = [
      [
        'NUL in a field',
        () => api.call('PUT', '/v1/records/crm/n1', crm, person({ given_name: 'A\u0000B' })),
        'body/given_name',
      ],
      [
        'lone surrogate in a field',
        () => api.call('PUT', '/v1/records/crm/n2', crm, person({ family_name: 'A\ud800B' })),
        'body/family_name',
      ],
      [
        'NUL in an extra value',
        () => api.call('PUT', '/v1/records/crm/n3', crm, { ...person(), extra: { k: 'a\u0000' } }),
        'body/extra/k',
      ],
      [
        'NUL in an extra key',
        () => api.call('PUT', '/v1/records/crm/n4', crm, { ...person(), extra: { 'k\u0000': 'a' } }),
        'body/extra/k\\u0000',
      ],
      ['NUL in a path parameter', () => api.call('GET', '/v1/xref/crm/a%00b', crm), 'params/recordId'],
      ['NUL in a query string', () => api.call('GET', '/v1/customers?name=a%00b', crm), 'querystring/name'],
      [
        'NUL in a merge reason',
        () =>
          api.call('POST', `/v1/customers/${customerId}/merge`, STEWARD_KEY, {
            otherId: customerId,
            reason: 'x\u0000',
          }),
        'body/reason',
      ],
      [
        'NUL in a displayName',
        () => api.call('POST', '/v1/source-systems', ADMIN_KEY, { name: 'nulsys', displayName: 'N\u0000' }),
        'body/displayName',
      ],
      [
        'a fractional beforeId',
        () => api.call('GET', `/v1/customers/${customerId}/history?beforeId=1.5`, STEWARD_KEY),
        'querystring/beforeId',
      ],
      [
        'an oversized beforeId',
        () => api.call('GET', `/v1/customers/${customerId}/history?beforeId=${'9'.repeat(40)}`, STEWARD_KEY),
        'querystring/beforeId',
      ],
    ];
    it.each(cases)('%s', async (_name, send, path) => {
      expectValidation(await send(), path);
    });

    it('in a batch, the bad record is its own 4xx item and the others go through', async () => {
      const res = await api.call('POST', '/v1/records:batch', crm, {
        records: [
          { source_system: 'crm', source_record_id: 'b1', ...person({ email: 'b1@example.com' }) },
          { source_system: 'crm', source_record_id: 'b2', ...person({ given_name: 'X\u0000' }) },
          { source_system: 'crm', source_record_id: 'b3', ...person({ family_name: '\udc00' }) },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      const { ok, results } = res.json();
      expect(ok).toBe(1);
      expect(results[1]).toMatchObject({
        status: 'failed',
        error: { code: 'IH_VALIDATION', message: expect.stringContaining('given_name') },
      });
      expect(results[2]).toMatchObject({ status: 'failed', error: { code: 'IH_VALIDATION' } });
    });
  });

  it('record ids up to the schema limit (200) can be written, read and deleted (#15.11)', async () => {
    const id = `${'x'.repeat(100)}-ü-${'y'.repeat(96)}`;
    expect(id.length).toBe(199);
    const url = `/v1/records/crm/${encodeURIComponent(id)}`;
    expect((await api.call('PUT', url, crm, person({ email: 'long@example.com' }))).statusCode).toBeLessThan(300);
    expect((await api.call('GET', url, crm)).json()).toMatchObject({ sourceRecordId: id });
    expect((await api.call('DELETE', url, crm)).statusCode).toBe(200);
    const tooLong = await api.call('GET', `/v1/records/crm/${'z'.repeat(201)}`, crm);
    expectValidation(tooLong, 'params/recordId');
  });

  it('JSON sent as text/plain is 415 in the envelope (#15.11)', async () => {
    const res = await api.app.inject({
      method: 'PUT',
      url: '/v1/records/crm/tp',
      headers: { authorization: `Bearer ${crm}`, 'content-type': 'text/plain' },
      payload: JSON.stringify(person()),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ error: 'IH_UNSUPPORTED_MEDIA_TYPE' });
  });

  it('security headers with a CSP on the API, /docs and /ui (#15.12)', async () => {
    for (const url of ['/v1/customers?name=x', '/docs/', '/ui/', '/health/live']) {
      const res = await api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${crm}` } });
      expect(res.headers['content-security-policy'], url).toMatch(/script-src 'self'/);
      expect(res.headers['content-security-policy'], url).not.toMatch(/unsafe-eval|upgrade-insecure/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBeDefined();
    }
  });

  it("a source key sees other systems' record references, never their payloads (#15.9)", async () => {
    const records = (await api.call('GET', `/v1/customers/${customerId}/records`, crm)).json();
    expect(records.items.every((r: { sourceSystem: string }) => r.sourceSystem === 'crm')).toBe(true);
    const xref = (await api.call('GET', `/v1/customers/${customerId}/xref`, crm)).json();
    expect(JSON.stringify(xref)).toContain('h2');
    const history = (await api.call('GET', `/v1/customers/${customerId}/history`, crm)).json();
    const webEvents = history.items.filter((e: { sourceSystem: string | null }) => e.sourceSystem === 'web');
    expect(webEvents.length).toBeGreaterThan(0);
    for (const e of webEvents) expect(e).toMatchObject({ before: null, after: null, sourceRecordId: 'h2' });
    // The steward still sees everything.
    const all = (await api.call('GET', `/v1/customers/${customerId}/history`, STEWARD_KEY)).json();
    expect(all.items.some((e: { sourceSystem: string; after: unknown }) => e.sourceSystem === 'web' && e.after)).toBe(
      true,
    );
    const match = (await api.call('POST', '/v1/match', crm, { record: person() })).json();
    for (const c of match.candidates) {
      if (c.bestRecord.sourceSystem !== 'crm')
        expect(c.explanation.fields.every((f: { valueB: unknown }) => f.valueB === null)).toBe(true);
    }
  });
});
