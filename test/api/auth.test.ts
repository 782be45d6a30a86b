/**
 * The auth matrix: every route group × every kind of caller. A route either lets the caller through
 * (2xx, or the route's own 404 for a made-up id, which proves the handler ran) or refuses with
 * 401 (no/unknown key) or 403 (known key, not allowed), in the common error envelope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/database.js';
import { ADMIN_KEY, STEWARD_KEY, person, startApi, type TestApi } from './support.js';

type Caller = 'crm' | 'web' | 'steward' | 'admin';
type Expect = 'ok' | 404 | 403;

interface Case {
  name: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** `{c}` is replaced by the caller name so each caller works on its own records. */
  url: string;
  body?: (caller: Caller) => unknown;
  expect: Record<Caller, Expect>;
}

const everyone = { crm: 'ok', web: 'ok', steward: 'ok', admin: 'ok' } as const;
const ownSourceOnly = { crm: 'ok', web: 403, steward: 403, admin: 'ok' } as const;
const ownSourceAndStaff = { crm: 'ok', web: 403, steward: 'ok', admin: 'ok' } as const;
const staff = { crm: 403, web: 403, steward: 'ok', admin: 'ok' } as const;
const staffOn404 = { crm: 403, web: 403, steward: 404, admin: 404 } as const;

const cases: Case[] = [
  {
    name: 'create source system',
    method: 'POST',
    url: '/v1/source-systems',
    body: (c) => ({ name: `sys-${c}`, trustRank: 5 }),
    expect: { crm: 403, web: 403, steward: 403, admin: 'ok' },
  },
  { name: 'list source systems', method: 'GET', url: '/v1/source-systems', expect: staff },
  { name: 'upsert record', method: 'PUT', url: '/v1/records/crm/put-{c}', body: () => person(), expect: ownSourceOnly },
  {
    name: 'batch upsert',
    method: 'POST',
    url: '/v1/records:batch',
    body: (c) => ({ records: [{ source_system: 'crm', source_record_id: `batch-${c}`, ...person() }] }),
    expect: ownSourceOnly,
  },
  { name: 'read record', method: 'GET', url: '/v1/records/crm/seed', expect: ownSourceAndStaff },
  // Stewards may delete (README): the README's own table said so while the route refused them.
  { name: 'delete record', method: 'DELETE', url: '/v1/records/crm/del-{c}', expect: ownSourceAndStaff },
  { name: 'match', method: 'POST', url: '/v1/match', body: () => ({ record: person() }), expect: everyone },
  { name: 'search customers', method: 'GET', url: '/v1/customers?name=Thornbury', expect: everyone },
  { name: 'get customer', method: 'GET', url: '/v1/customers/{customer}', expect: everyone },
  { name: 'customer records', method: 'GET', url: '/v1/customers/{customer}/records', expect: everyone },
  { name: 'customer xref', method: 'GET', url: '/v1/customers/{customer}/xref', expect: everyone },
  { name: 'customer history', method: 'GET', url: '/v1/customers/{customer}/history', expect: everyone },
  { name: 'reverse xref', method: 'GET', url: '/v1/xref/crm/seed', expect: everyone },
  {
    name: 'merge',
    method: 'POST',
    url: '/v1/customers/C9999999998/merge',
    body: () => ({ otherId: 'C9999999999', reason: 'test' }),
    expect: staffOn404,
  },
  {
    name: 'split',
    method: 'POST',
    url: '/v1/customers/C9999999998/split',
    body: () => ({ recordRefs: [{ sourceSystem: 'crm', sourceRecordId: 'nope' }], reason: 'test' }),
    expect: staffOn404,
  },
  { name: 'review queue', method: 'GET', url: '/v1/review-tasks?status=open&sort=value', expect: staff },
  { name: 'review task', method: 'GET', url: '/v1/review-tasks/999999', expect: staffOn404 },
  {
    name: 'review decision',
    method: 'POST',
    url: '/v1/review-tasks/999999/decision',
    body: () => ({ decision: 'separate', reason: 'test' }),
    expect: staffOn404,
  },
  { name: 'quality report', method: 'GET', url: '/v1/quality/sources', expect: staff },
  { name: 'quality of one source', method: 'GET', url: '/v1/quality/sources/crm', expect: ownSourceAndStaff },
];

describe.each(backends)('auth matrix (%s)', (backend) => {
  let api: TestApi;
  const keys = {} as Record<Caller, string>;
  let customer = '';

  beforeAll(async () => {
    api = await startApi(backend);
    keys.crm = await api.addSystem('crm');
    keys.web = await api.addSystem('web');
    keys.steward = STEWARD_KEY;
    keys.admin = ADMIN_KEY;
    const seed = await api.call('PUT', '/v1/records/crm/seed', keys.crm, person());
    expect(seed.statusCode).toBe(201);
    customer = (seed.json() as { customerId: string }).customerId;
    for (const c of ['crm', 'steward', 'admin']) {
      const res = await api.call(
        'PUT',
        `/v1/records/crm/del-${c}`,
        keys.crm,
        person({ email: `del-${c}@example.com` }),
      );
      expect(res.statusCode).toBeLessThan(300);
    }
  });
  afterAll(() => api?.close());

  describe.each(cases)('$name', (c) => {
    const url = (caller: Caller) => c.url.replace('{c}', caller).replace('{customer}', customer);

    it('401 without a key, with a malformed header and with an unknown key', async () => {
      for (const key of [null, 'not-a-real-key-000000000000']) {
        const res = await api.call(c.method, url('admin'), key, c.body?.('admin'));
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ error: 'IH_UNAUTHORIZED', message: expect.stringMatching(/key/i) });
      }
      const basic = await api.app.inject({
        method: c.method,
        url: url('admin'),
        headers: { authorization: `Basic ${ADMIN_KEY}` },
      });
      expect(basic.statusCode).toBe(401);
    });

    it.each(['crm', 'web', 'steward', 'admin'] as const)('%s', async (caller) => {
      const res = await api.call(c.method, url(caller), keys[caller], c.body?.(caller));
      const want = c.expect[caller];
      if (want === 'ok') {
        expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
        expect(res.statusCode, res.body).toBeLessThan(300);
      } else {
        expect(res.statusCode, res.body).toBe(want);
        if (want === 403) expect(res.json()).toMatchObject({ error: 'IH_FORBIDDEN' });
      }
    });
  });

  it('a refused write leaves nothing behind', async () => {
    const res = await api.call('PUT', '/v1/records/crm/sneaky', keys.web, person());
    expect(res.statusCode).toBe(403);
    const read = await api.call('GET', '/v1/records/crm/sneaky', keys.steward);
    expect(read.statusCode).toBe(404);
  });

  it('a batch with one record of another system is refused whole', async () => {
    const records = [
      { source_system: 'web', source_record_id: 'w-ok', ...person() },
      { source_system: 'crm', source_record_id: 'c-not-mine', ...person() },
    ];
    const res = await api.call('POST', '/v1/records:batch', keys.web, { records });
    expect(res.statusCode).toBe(403);
    expect((await api.call('GET', '/v1/records/web/w-ok', keys.steward)).statusCode).toBe(404);
  });
});
