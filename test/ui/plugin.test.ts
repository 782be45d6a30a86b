/** The page's static files at /ui (no browser needed): redirect, index, bundle, and no auth on them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUi } from '../../scripts/build-ui.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

describe('UI static files', () => {
  let t: TestApp;
  let bundleBytes = 0;
  beforeAll(async () => {
    bundleBytes = (await buildUi()).bytes;
    t = await buildTestApp();
  });
  afterAll(() => t?.close());

  it('redirects /ui to /ui/ so the relative asset URLs resolve', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/ui' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/ui/');
  });

  it('serves the page and the bundle without a key', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/ui/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('src="app.js"');
    const bundle = await t.app.inject({ method: 'GET', url: '/ui/app.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toContain('javascript');
    expect(Number(bundle.headers['content-length'] ?? bundle.rawPayload.length)).toBe(bundleBytes);
  });

  it('serves /favicon.ico (browsers ask for it on every page)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toContain('<svg');
  });

  it('keeps the bundle small (Preact and the screens, no other library)', () => {
    expect(bundleBytes).toBeLessThan(80_000);
  });

  it('keeps the page out of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/ui'))).toEqual([]);
  });
});
