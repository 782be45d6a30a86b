/**
 * #15.3: a review task's explanation shows each record's values on its own side. The pair is stored
 * with the lower record id as recordA; the incoming record (higher id) was explained as side A, so
 * before the fix every valueA belonged to recordB and vice versa.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEWARD_KEY, otherPerson, startApi, upsertIntoReview, type TestApi } from './support.js';

interface Field {
  field: string;
  valueA: string | null;
  valueB: string | null;
}

describe('review task evidence sides', () => {
  let api: TestApi;
  let taskId = '';

  beforeAll(async () => {
    api = await startApi('pglite');
    const crm = await api.addSystem('crm', 10);
    const web = await api.addSystem('web', 50);
    const base = otherPerson({ given_name: 'Henrietta', family_name: 'Vandermeer', email: 'h.vdm@example.nl' });
    expect((await api.call('PUT', '/v1/records/crm/base', crm, base)).statusCode).toBe(201);
    // Every variant upsertIntoReview tries drops the phone: the stored record has it, the new one not.
    const res = await upsertIntoReview(api, { system: 'web', key: web, id: 'doubt' }, base);
    expect(res.decision).toBe('review');
    taskId = res.reviewTaskId;
  });
  afterAll(() => api?.close());

  it('valueA is recordA’s value and valueB is recordB’s, in the API the queue and the waterfall read', async () => {
    const task = (await api.call('GET', `/v1/review-tasks/${taskId}`, STEWARD_KEY)).json();
    expect(task.recordA.sourceRecordId).toBe('base'); // the older record has the lower id
    const phone = (task.explanation.fields as Field[]).find((f) => /phone/i.test(f.field));
    expect(phone, JSON.stringify(task.explanation.fields)).toBeDefined();
    expect(phone?.valueA).toMatch(/\d{6,}/);
    expect(phone?.valueB).toBeNull();
    // The list the queue reads carries the same explanation.
    const list = (await api.call('GET', '/v1/review-tasks?status=open', STEWARD_KEY)).json();
    const listed = list.items.find((t: { id: string }) => t.id === taskId);
    expect((listed.explanation.fields as Field[]).find((f) => /phone/i.test(f.field))).toEqual(phone);
  });
});
