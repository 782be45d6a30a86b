/** Bad input: 400 with field paths, 413 for oversize bodies, nothing written; the OpenAPI document is complete. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/database.js';
import { ADMIN_KEY, STEWARD_KEY, person, startApi, type TestApi } from './support.js';

describe.each(backends)('validation and API docs (%s)', (backend) => {
  let api: TestApi;
  let crm = '';

  beforeAll(async () => {
    api = await startApi(backend);
    crm = await api.addSystem('crm');
  });
  afterAll(() => api?.close());

  const details = (body: string) =>
    (JSON.parse(body) as { details?: Array<{ path: string }> }).details?.map((d) => d.path) ?? [];

  it('names the offending field of a record body', async () => {
    const res = await api.call('PUT', '/v1/records/crm/v1', crm, { ...person(), email: { nested: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('IH_VALIDATION');
    expect(details(res.body)).toContain('body/email');
    expect((await api.call('GET', '/v1/records/crm/v1', crm)).statusCode).toBe(404);
  });

  it('refuses a record with no values (nothing stored), in a batch as one failed item', async () => {
    const res = await api.call('PUT', '/v1/records/crm/empty', crm, { given_name: '  ', email: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('IH_VALIDATION');
    expect(res.json().message).toMatch(/no values/);
    expect((await api.call('GET', '/v1/records/crm/empty', crm)).statusCode).toBe(404);
    const batch = await api.call('POST', '/v1/records:batch', crm, {
      records: [
        { source_system: 'crm', source_record_id: 'empty-1' },
        { source_system: 'crm', source_record_id: 'full-1', ...person() },
      ],
    });
    expect(batch.statusCode).toBe(200);
    const results = (batch.json() as { results: Array<{ error?: unknown; customerId?: string }> }).results;
    expect(results[0]?.error).toBeDefined();
    expect(results[1]?.customerId).toBeDefined();
  });

  it('rejects ids in the body that contradict the path', async () => {
    const res = await api.call('PUT', '/v1/records/crm/v2', crm, { ...person(), source_record_id: 'other' });
    expect(res.statusCode).toBe(400);
    expect(details(res.body)).toEqual(['body/source_record_id']);
  });

  it('names the path inside a batch and in query strings', async () => {
    const records = [
      { source_system: 'crm', source_record_id: 'ok', ...person() },
      { source_system: 'crm', source_record_id: 'bad', ...person(), date_of_birth: 19710423 },
      { source_system: 'crm', ...person() },
    ];
    const res = await api.call('POST', '/v1/records:batch', crm, { records });
    expect(res.statusCode).toBe(400);
    expect(details(res.body).some((p) => p.startsWith('body/records/2'))).toBe(true);
    expect((await api.call('GET', '/v1/records/crm/ok', crm)).statusCode).toBe(404);

    const q = await api.call('GET', '/v1/review-tasks?sort=cheapest&limit=0', STEWARD_KEY);
    expect(q.statusCode).toBe(400);
    expect(details(q.body).some((p) => p.startsWith('querystring/'))).toBe(true);
  });

  it('a customer search needs at least one criterion', async () => {
    const res = await api.call('GET', '/v1/customers?limit=5', crm);
    expect(res.statusCode).toBe(400);
    expect(details(res.body)).toEqual(['querystring']);
  });

  it('refuses an invalid source-system name and a duplicate', async () => {
    const bad = await api.call('POST', '/v1/source-systems', ADMIN_KEY, { name: 'Has Spaces', trustRank: 1 });
    expect(bad.statusCode).toBe(400);
    expect(details(bad.body)).toContain('body/name');
    const dup = await api.call('POST', '/v1/source-systems', ADMIN_KEY, { name: 'crm', trustRank: 1 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toBe('IH_CONFLICT');
  });

  it('registers a source system by display name with a derived slug; neither name nor displayName → 400', async () => {
    const res = await api.call('POST', '/v1/source-systems', ADMIN_KEY, { displayName: 'CRM – Sydney' });
    expect(res.statusCode).toBe(201);
    expect(res.json().sourceSystem).toMatchObject({ name: 'crm-sydney', displayName: 'CRM – Sydney' });
    const given = await api.call('POST', '/v1/source-systems', ADMIN_KEY, { name: 'yyt', displayName: '营业厅' });
    expect(given.json().sourceSystem).toMatchObject({ name: 'yyt', displayName: '营业厅' });
    const sameDisplay = await api.call('POST', '/v1/source-systems', ADMIN_KEY, {
      name: 'other',
      displayName: '营业厅',
    });
    expect(sameDisplay.statusCode).toBe(409);
    const none = await api.call('POST', '/v1/source-systems', ADMIN_KEY, { trustRank: 1 });
    expect(none.statusCode).toBe(400);
    expect(details(none.body)).toEqual(['displayName']);
  });

  it('refuses an oversize body with 413 and writes nothing', async () => {
    const res = await api.call('PUT', '/v1/records/crm/huge', crm, {
      ...person(),
      extra: { blob: 'x'.repeat(900) },
      address_line2: 'y'.repeat(20 * 1024 * 1024),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('IH_PAYLOAD_TOO_LARGE');
    expect((await api.call('GET', '/v1/records/crm/huge', crm)).statusCode).toBe(404);
  });

  it('the OpenAPI document lists every /v1 route with tags, summary, security and error responses', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      paths: Record<
        string,
        Record<string, { tags?: string[]; summary?: string; security?: unknown[]; responses: Record<string, unknown> }>
      >;
    };
    const routes = api.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((l) => l.includes('/v1/'));
    expect(routes.length).toBeGreaterThan(0);
    const expected = [
      'post /v1/source-systems',
      'get /v1/source-systems',
      'put /v1/records/{system}/{recordId}',
      'get /v1/records/{system}/{recordId}',
      'delete /v1/records/{system}/{recordId}',
      'post /v1/records:batch',
      'post /v1/match',
      'get /v1/customers',
      'get /v1/customers/{id}',
      'get /v1/customers/{id}/records',
      'get /v1/customers/{id}/xref',
      'get /v1/customers/{id}/history',
      'post /v1/customers/{id}/merge',
      'post /v1/customers/{id}/split',
      'get /v1/xref/{system}/{recordId}',
      'get /v1/review-tasks',
      'get /v1/review-tasks/{id}',
      'post /v1/review-tasks/{id}/decision',
      'get /v1/quality/sources',
      'get /v1/quality/sources/{system}',
    ];
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    for (const route of expected) expect(listed, route).toContain(route);
    for (const [path, ops] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/v1/'))) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.tags?.length, `${method} ${path} tags`).toBeGreaterThan(0);
        expect(op.summary, `${method} ${path} summary`).toBeTruthy();
        expect(op.security, `${method} ${path} security`).toEqual([{ bearerAuth: [] }]);
        expect(Object.keys(op.responses), `${method} ${path} responses`).toEqual(
          expect.arrayContaining(['401', '403']),
        );
      }
    }
  });
});
