/**
 * The real app on a fresh, migrated, isolated test database (see ./database.ts), for app.inject:
 *
 *   const t = await buildTestApp();           // PGlite; buildTestApp({ backend: 'postgres' }) in CI
 *   const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
 *   await t.close();                           // closes the app, then the database
 *
 * `env` overrides configuration variables exactly as the environment would (parsed by loadConfig),
 * so tests exercise the same validation as production. Logs are silent unless `logLevel` is given.
 */
import type { Redis } from 'ioredis';
import type { DestinationStream } from 'pino';
import { buildApp, type App, type AppDeps } from '../../src/app.js';
import { loadConfig, type LogLevel } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createMdmContext } from '../../src/mdm/index.js';
import type { Database } from '../../src/store/db.js';
import { openTestDatabase, type Backend } from './database.js';

export interface TestAppOptions {
  backend?: Backend;
  env?: Record<string, string>;
  logLevel?: LogLevel;
  redis?: Redis;
  /** Where log lines go (to assert on them); stdout when omitted. */
  logStream?: DestinationStream;
}

export interface TestApp {
  app: App;
  database: Database;
  deps: AppDeps;
  /** Idempotent: closes the app, then the database (which may already be closed by the test). */
  close(): Promise<void>;
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: options.logLevel ?? 'silent', ...options.env });
  const database = await openTestDatabase(options.backend ?? 'pglite');
  const logger = createLogger(config.logLevel, options.logStream);
  // As main.ts does: one MdmContext for the process, built here and handed to the app.
  const deps: AppDeps = {
    config,
    mdm: createMdmContext({ database, config, logger }),
    logger,
    redis: options.redis,
  };
  const app = await buildApp(deps);
  let closed = false;
  return {
    app,
    database,
    deps,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await database.close().catch(() => undefined);
    },
  };
}
