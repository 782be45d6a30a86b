/** The steward review queue through HTTP: listing, filters, sorting, and both decisions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/database.js';
import { STEWARD_KEY, otherPerson, startApi, upsertIntoReview, type TestApi } from './support.js';

interface Task {
  id: string;
  status: string;
  probability: number;
  priorityValue: number;
  recordA: { sourceSystem: string; sourceRecordId: string; customerId: string | null };
  recordB: { sourceSystem: string; sourceRecordId: string; customerId: string | null };
  explanation: { fields: unknown[] };
}

describe.each(backends)('review queue (%s)', (backend) => {
  let api: TestApi;
  let crm = '';
  let web = '';
  const taskIds: string[] = [];

  const people = [
    otherPerson({
      given_name: 'Henrietta',
      family_name: 'Vandermeer',
      email: 'h.vdm@example.nl',
      phone: '+61 2 4000 1111',
      annual_value: '50',
    }),
    otherPerson({
      given_name: 'Cornelius',
      family_name: 'Abernethy',
      email: 'c.abernethy@example.co.uk',
      phone: '+61 2 4000 2222',
      date_of_birth: '1950-03-03',
      postal_code: '2000',
      locality: 'Sydney',
      region: 'NSW',
      address_line1: '1 George Street',
      annual_value: '9000',
    }),
    otherPerson({
      given_name: 'Philippa',
      family_name: 'Oyelaran',
      email: 'p.oyelaran@example.ng',
      phone: '+61 2 4000 3333',
      date_of_birth: '1999-12-12',
      postal_code: '4000',
      locality: 'Brisbane',
      region: 'QLD',
      address_line1: '12 Adelaide Street',
      annual_value: '700',
    }),
  ];

  beforeAll(async () => {
    api = await startApi(backend);
    crm = await api.addSystem('crm', 10);
    web = await api.addSystem('web', 50);
    for (const [i, p] of people.entries()) {
      expect((await api.call('PUT', `/v1/records/crm/base-${i}`, crm, p)).statusCode).toBe(201);
      const res = await upsertIntoReview(api, { system: 'web', key: web, id: `doubt-${i}` }, p);
      expect(res.decision).toBe('review');
      taskIds.push(res.reviewTaskId);
    }
  });
  afterAll(() => api?.close());

  const list = async (query: string) => {
    const res = await api.call('GET', `/v1/review-tasks?${query}`, STEWARD_KEY);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Task[]; total: number; limit: number; offset: number };
  };

  it('lists open tasks by score or by value, with paging', async () => {
    const byScore = await list('status=open&sort=score');
    expect(byScore.total).toBe(3);
    const probs = byScore.items.map((t) => t.probability);
    expect(probs).toEqual([...probs].sort((a, b) => b - a));
    const byValue = await list('status=open&sort=value');
    const values = byValue.items.map((t) => t.priorityValue);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(byValue.items[0]?.recordA.sourceRecordId).toBe('base-1');
    const page = await list('sort=value&limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.items.map((t) => t.id)).toEqual([byValue.items[1]?.id]);
  });

  it('filters by source system and score band', async () => {
    expect((await list('sourceSystem=web')).total).toBe(3);
    expect((await list('sourceSystem=nosuch')).total).toBe(0);
    const all = (await list('')).items.map((t) => t.probability).sort();
    const cut = all[1]!;
    const high = await list(`minScore=${cut}`);
    expect(high.items.every((t) => t.probability >= cut)).toBe(true);
    const low = await list(`maxScore=${cut}`);
    expect(low.items.every((t) => t.probability <= cut)).toBe(true);
    expect(high.total + low.total).toBeGreaterThanOrEqual(3);
  });

  it('merge decision joins the two customers and closes the task; deciding again is 409', async () => {
    const id = taskIds[0]!;
    const task = (await api.call('GET', `/v1/review-tasks/${id}`, STEWARD_KEY)).json() as Task;
    expect(task.explanation.fields.length).toBeGreaterThan(0);
    const res = await api.call('POST', `/v1/review-tasks/${id}/decision`, STEWARD_KEY, {
      decision: 'merge',
      reason: 'same person, confirmed by phone',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { task: decided, customer } = res.json() as { task: Task; customer: { id: string; recordCount: number } };
    expect(decided).toMatchObject({ status: 'merged' });
    expect(customer.recordCount).toBe(2);
    const a = (await api.call('GET', '/v1/xref/crm/base-0', STEWARD_KEY)).json() as { customerId: string };
    const b = (await api.call('GET', '/v1/xref/web/doubt-0', STEWARD_KEY)).json() as { customerId: string };
    expect(a.customerId).toBe(b.customerId);
    const again = await api.call('POST', `/v1/review-tasks/${id}/decision`, STEWARD_KEY, {
      decision: 'separate',
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect((await list('status=open')).total).toBe(2);
  });

  it('separate decision keeps them apart', async () => {
    const res = await api.call('POST', `/v1/review-tasks/${taskIds[1]}/decision`, STEWARD_KEY, {
      decision: 'separate',
      reason: 'different people',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { task: Task }).task.status).toBe('separated');
    const a = (await api.call('GET', '/v1/xref/crm/base-1', STEWARD_KEY)).json() as { customerId: string };
    const b = (await api.call('GET', '/v1/xref/web/doubt-1', STEWARD_KEY)).json() as { customerId: string };
    expect(a.customerId).not.toBe(b.customerId);
    expect((await list('status=separated')).items.map((t) => t.id)).toEqual([taskIds[1]]);
  });
  it('a separate decision is remembered: the record re-sent as an exact copy neither joins nor re-queues', async () => {
    const open = (await list('status=open')).total;
    const before = (await api.call('GET', '/v1/xref/web/doubt-1', STEWARD_KEY)).json() as { customerId: string };
    const res = await api.call('PUT', '/v1/records/web/doubt-1', web, people[1]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { customerId: string; decision: string; reviewTaskId?: string; recordVersion: number };
    expect(body).toMatchObject({ customerId: before.customerId, recordVersion: 2 });
    expect(body.decision).not.toBe('review');
    expect(body.reviewTaskId).toBeUndefined();
    const base = (await api.call('GET', '/v1/xref/crm/base-1', STEWARD_KEY)).json() as { customerId: string };
    expect(base.customerId).not.toBe(body.customerId);
    expect((await list('status=open')).total).toBe(open);
  });

  it('a merge decision is remembered: the record changed a little stays with its customer, no new task', async () => {
    const open = (await list('status=open')).total;
    const base = (await api.call('GET', '/v1/xref/crm/base-0', STEWARD_KEY)).json() as { customerId: string };
    const res = await api.call('PUT', '/v1/records/web/doubt-0', web, { ...people[0], email: null, phone: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ customerId: base.customerId, recordVersion: 2 });
    expect((await list('status=open')).total).toBe(open);
  });
});
