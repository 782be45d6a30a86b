/**
 * Shared set-up of the API tests: the real app (buildTestApp) on a fresh database, the bootstrap
 * admin/steward keys, and small factories for source systems and person records.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/app.js';
import type { Backend } from '../helpers/database.js';
import { buildTestApp } from '../helpers/build-test-app.js';

export const ADMIN_KEY = 'test-admin-key-0123456789';
export const STEWARD_KEY = 'test-steward-key-0123456789';

export interface TestApi {
  app: App;
  close(): Promise<void>;
  /** app.inject with an optional bearer key. */
  call(
    method: InjectOptions['method'],
    url: string,
    key?: string | null,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** Registers a source system (as admin) and returns its API key. */
  addSystem(name: string, trustRank?: number): Promise<string>;
}

export async function startApi(backend: Backend): Promise<TestApi> {
  const built = await buildTestApp({
    backend,
    env: { ADMIN_API_KEY: ADMIN_KEY, STEWARD_API_KEY: STEWARD_KEY, DEFAULT_COUNTRY: 'AU' },
  });
  const app = built.app;
  const call: TestApi['call'] = (method, url, key, body) =>
    app.inject({
      method,
      url,
      headers: key ? { authorization: `Bearer ${key}` } : {},
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
  return {
    app,
    close: () => built.close(),
    call,
    async addSystem(name, trustRank = 100) {
      const res = await call('POST', '/v1/source-systems', ADMIN_KEY, { name, trustRank });
      if (res.statusCode !== 201) throw new Error(`creating ${name}: ${res.statusCode} ${res.body}`);
      return (res.json() as { apiKey: string }).apiKey;
    },
  };
}

/** A complete, clean Australian person; override fields to make variants. */
export function person(overrides: Record<string, string | null> = {}): Record<string, string | null> {
  return {
    given_name: 'Margaret',
    family_name: 'Thornbury',
    date_of_birth: '1971-04-23',
    gender: 'F',
    email: 'margaret.thornbury@example.com',
    phone: '+61 2 9374 4000',
    address_line1: '42 Wattle Grove Road',
    locality: 'Katoomba',
    region: 'NSW',
    postal_code: '2780',
    country: 'AU',
    annual_value: '1200',
    ...overrides,
  };
}

/** A different person sharing nothing with person(). */
export function otherPerson(overrides: Record<string, string | null> = {}): Record<string, string | null> {
  return person({
    given_name: 'Rajesh',
    family_name: 'Venkataraman',
    date_of_birth: '1985-11-02',
    gender: 'M',
    email: 'r.venkat@example.org',
    phone: '+61 3 9555 0199',
    address_line1: '7 Collins Street',
    locality: 'Melbourne',
    region: 'VIC',
    postal_code: '3000',
    annual_value: '300',
    ...overrides,
  });
}

/**
 * Upserts a weaker and weaker copy of `base` (already stored) until the model places one in the
 * review band [lower, upper), probing with /v1/match (which stores nothing). Returns the upsert
 * answer of the variant that went to review. Not tuned to a model: it walks general degradations.
 */
export async function upsertIntoReview(
  api: TestApi,
  target: { system: string; key: string; id: string },
  base: Record<string, string | null>,
  band: { lower: number; upper: number } = { lower: 0.6, upper: 0.95 },
): Promise<{ customerId: string; decision: string; score: number; reviewTaskId: string }> {
  const drop = (...fields: string[]) => ({ ...base, ...Object.fromEntries(fields.map((f) => [f, null])) });
  const variants = [
    drop('email', 'phone'),
    drop('email', 'phone', 'address_line1'),
    drop('email', 'phone', 'address_line1', 'date_of_birth'),
    { ...drop('email', 'phone'), date_of_birth: '1985-02-11' },
    drop('email', 'phone', 'address_line1', 'postal_code', 'locality'),
    { ...drop('phone', 'date_of_birth', 'address_line1'), email: 'someone.else@example.net' },
    // Only the name in common: the classic case a steward must look at.
    drop('email', 'phone', 'address_line1', 'date_of_birth', 'postal_code', 'locality'),
    drop('email', 'phone', 'address_line1', 'date_of_birth', 'postal_code'),
  ];
  for (const v of variants) {
    const probe = await api.call('POST', '/v1/match', STEWARD_KEY, { record: v });
    const best = (probe.json() as { candidates: Array<{ probability: number }> }).candidates[0]?.probability ?? 0;
    if (best < band.lower || best >= band.upper) continue;
    const res = await api.call('PUT', `/v1/records/${target.system}/${target.id}`, target.key, v);
    return res.json() as { customerId: string; decision: string; score: number; reviewTaskId: string };
  }
  throw new Error('no variant landed in the review band');
}
