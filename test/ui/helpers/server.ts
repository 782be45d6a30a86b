/**
 * The real service for the browser tests and the screenshot script: the current UI source bundled
 * (scripts/build-ui.ts), the real app (buildApp) on a fresh migrated test database, listening on a
 * free loopback port. Known bootstrap keys so the browser can "sign in" as a steward.
 */
import { buildUi } from '../../../scripts/build-ui.js';
import { buildApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { createMdmContext } from '../../../src/mdm/index.js';
import { openTestDatabase, type Backend } from '../../helpers/database.js';

export const ADMIN_KEY = 'ui-test-admin-key-0123456789';
export const STEWARD_KEY = 'ui-test-steward-key-0123456789';

export interface UiServer {
  app: App;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** fetch against the API with a bearer key; throws on a non-2xx answer. */
  call<T>(method: string, path: string, key: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startUiServer(backend: Backend = 'pglite'): Promise<UiServer> {
  await buildUi();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ADMIN_API_KEY: ADMIN_KEY,
    STEWARD_API_KEY: STEWARD_KEY,
  });
  const database = await openTestDatabase(backend);
  const logger = createLogger(config.logLevel);
  const app = await buildApp({ config, mdm: createMdmContext({ database, config, logger }), logger });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    baseUrl,
    async call<T>(method: string, path: string, key: string, body?: unknown): Promise<T> {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return JSON.parse(text) as T;
    },
    async close() {
      await app.close();
      await database.close().catch(() => undefined);
    },
  };
}
