/**
 * The steward and call-centre web page at /ui: index.html, app.css and the esbuild bundle app.js
 * (built from src/ui/web by scripts/build-ui.ts; `npm start` builds it first). Public on purpose:
 * the page holds no data; every call it makes goes to /v1 with the steward key the user types in.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

export const UI_PREFIX = '/ui/';

/** A small icon (two overlapping circles: records becoming one customer), so browsers get no 404. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<circle cx="12" cy="16" r="9" fill="#2563eb" fill-opacity=".8"/>' +
  '<circle cx="20" cy="16" r="9" fill="#16a34a" fill-opacity=".8"/></svg>';

/** src/ui/public when run from source; dist/ui/public when the image copies it beside the build. */
export function uiPublicDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'public');
  return existsSync(beside) ? beside : join(here, '..', '..', 'src', 'ui', 'public');
}

export const uiPlugin = fp<{ root?: string }>(
  async (app, opts) => {
    const root = opts.root ?? uiPublicDir();
    if (!existsSync(join(root, 'app.js'))) {
      app.log.warn({ root }, 'UI bundle app.js is missing: run `npm run build:ui` (npm start does it)');
    }
    // @fastify/static only redirects paths below its prefix; /ui itself needs its own route.
    app.get('/ui', { schema: { hide: true } }, (_request, reply) => reply.redirect(UI_PREFIX));
    // Browsers ask for /favicon.ico whatever the page declares.
    app.get('/favicon.ico', { schema: { hide: true } }, (_request, reply) =>
      reply.header('content-type', 'image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG),
    );
    await app.register(fastifyStatic, {
      root,
      prefix: UI_PREFIX,
      // /ui/<dir> → /ui/<dir>/ so relative asset URLs resolve.
      redirect: true,
      index: 'index.html',
      // Another static plugin (Swagger UI) may own reply.sendFile; this one does not need it.
      decorateReply: false,
      // The bundle changes with every build and the page is small: always revalidate.
      cacheControl: false,
      // Left out of the OpenAPI document: this is a page, not the API.
      schemaHide: true,
    });
  },
  { name: 'identity-hub-ui' },
);
