import { Redis } from 'ioredis';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { backends } from '../helpers/database.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

const RecordsBody = Type.Object({
  name: Type.String({ minLength: 1 }),
  records: Type.Array(Type.Object({ email: Type.String({ format: 'email' }) })),
});

/** Test-only routes, registered on the real app before it boots (never in production code). */
function addTestRoutes(t: TestApp): void {
  t.app.post(
    '/test/records',
    { schema: { body: RecordsBody, querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1 })) }) } },
    async (request) => ({ count: request.body.records.length }),
  );
  t.app.get('/test/conflict', async () => {
    throw new AppError('IH_CONFLICT', 'customer c_1 changed meanwhile');
  });
  t.app.get('/test/crash', async () => {
    throw new Error('connection to 10.1.2.3 refused; password=hunter2');
  });
}

describe.each(backends)('app (%s)', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp({ backend, env: { BODY_LIMIT: '4kb' } });
    addTestRoutes(t);
  });
  afterAll(() => t?.close());

  it('GET /health/live answers 200 with a request id header', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'trace-42' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
    expect(res.headers['x-request-id']).toBe('trace-42');
  });

  it('GET /health/ready answers 200 when the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', checks: { database: { status: 'ok', latencyMs: expect.any(Number) } } });
  });

  it('unknown routes get 404 in the error envelope', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no/such/route?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ error: 'IH_NOT_FOUND', message: 'Not found: no route GET /no/such/route' });
  });

  it('validation errors are 400 with one detail per field, by path', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test/records?limit=0',
      payload: { name: 'x', records: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: 'IH_VALIDATION',
      message: 'Invalid request: querystring/limit must be >= 1',
      details: [{ path: 'querystring/limit', reason: 'must be >= 1' }],
    });

    const bodyRes = await t.app.inject({
      method: 'POST',
      url: '/test/records',
      payload: { records: [{ email: 'a@b.co' }, { email: 'not-an-email' }, {}] },
    });
    expect(bodyRes.statusCode).toBe(400);
    expect(bodyRes.json().message).toMatch(/^Invalid request: body\/\S+ .+ \(and 2 more\)$/);
    expect(bodyRes.json().details).toHaveLength(3);
    expect(bodyRes.json().details).toEqual(
      expect.arrayContaining([
        { path: 'body/name', reason: 'is required' },
        { path: 'body/records/1/email', reason: 'must match format "email"' },
        { path: 'body/records/2/email', reason: 'is required' },
      ]),
    );
  });

  it('a valid request passes validation', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/test/records', payload: { name: 'x', records: [] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ count: 0 });
  });

  it('malformed JSON is a 400 in the envelope', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test/records',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('IH_VALIDATION');
  });

  it('an oversize body is 413 IH_PAYLOAD_TOO_LARGE', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test/records',
      payload: { name: 'x'.repeat(5000), records: [] },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: 'IH_PAYLOAD_TOO_LARGE',
      message: 'Request body is too large: the limit is 4096 bytes',
    });
  });

  it('an AppError keeps its code and status', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/test/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: 'IH_CONFLICT', message: 'Conflict: customer c_1 changed meanwhile' });
  });

  it('an unexpected error is a 500 that leaks nothing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/test/crash' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'IH_INTERNAL', message: 'Internal server error' });
    expect(res.body).not.toContain('hunter2');
  });

  it('serves the OpenAPI document at /docs/json and Swagger UI at /docs', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(json.statusCode).toBe(200);
    const doc = json.json<{ openapi: string; paths: Record<string, unknown>; components: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
    expect(doc.components).toHaveProperty('securitySchemes.bearerAuth');

    const ui = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    // Static assets go through @fastify/static (whose deps declare Node >= 22): check they serve on this Node.
    const css = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-ui.css' });
    expect(css.statusCode).toBe(200);
    expect(css.body.length).toBeGreaterThan(1000);
  });

  it('GET /health/ready answers 503 naming the database once it is closed', async () => {
    await t.database.close();
    const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'unavailable',
      checks: { database: { status: 'fail', reason: 'database ping failed' } },
    });
  });
});

describe('request logging', () => {
  it('logs request ids and routes but no personal data from query strings or bodies', async () => {
    const lines: string[] = [];
    const logStream = { write: (line: string) => void lines.push(line) };
    const t = await buildTestApp({ logLevel: 'info', logStream });
    t.app.post('/test/echo', async (request) => {
      request.log.info({ body: request.body }, 'received');
      return { ok: true };
    });
    try {
      await t.app.inject({
        method: 'POST',
        url: '/test/echo?email=alice%40example.com&limit=5',
        headers: { authorization: 'Bearer ihk_topsecret', 'x-request-id': 'req-7' },
        payload: { records: [{ given_name: 'Alice', email: 'alice@example.com', phone: '+61 400 000 000' }] },
      });
      const text = lines.join('');
      expect(text).toContain('"reqId":"req-7"');
      expect(text).toContain('/test/echo?email=[REDACTED]&limit=[REDACTED]');
      expect(text).toContain('"msg":"received"');
      for (const secret of ['alice', 'Alice', '400 000', 'ihk_topsecret']) expect(text).not.toContain(secret);
    } finally {
      await t.close();
    }
  });
});

describe('readiness with Redis', () => {
  it('answers 503 naming redis when Redis does not answer', async () => {
    // Port 1 on loopback: nothing listens; no retries so the ping fails at once.
    const redis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    const t = await buildTestApp({ redis });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        status: 'unavailable',
        checks: { database: { status: 'ok' }, redis: { status: 'fail' } },
      });
    } finally {
      await t.close();
      redis.disconnect();
    }
  });

  it.skipIf(!process.env['REDIS_URL'])('answers 200 when Redis answers', async () => {
    const redis = new Redis(process.env['REDIS_URL'] ?? '', { maxRetriesPerRequest: 1 });
    const t = await buildTestApp({ redis });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ checks: { redis: { status: 'ok' } } });
    } finally {
      await t.close();
      await redis.quit();
    }
  });
});
