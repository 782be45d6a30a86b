/**
 * The API process and its composition root: config → database (PGlite in DATA_DIR when
 * DATABASE_URL is unset) → migrations → MdmContext → Redis (when REDIS_URL is set) → job runner →
 * app → listen, each built once here and passed down. Logs the time from process start to ready.
 *
 * Shutdown on SIGTERM/SIGINT: stop accepting connections and let in-flight requests finish
 * (app.close(); new requests meanwhile get 503), then close Redis and the database. A second
 * signal, or SHUTDOWN_TIMEOUT_MS passing, exits at once with status 1.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { buildApp, type App } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { jobRunnerFromConfig } from './jobs/runner.js';
import type { JobRunner } from './jobs/types.js';
import { createLogger } from './logger.js';
import { createMdmContext } from './mdm/index.js';
import { databaseTimeouts, openDatabase, type Database } from './store/db.js';
import { migrate } from './store/migrate.js';
import { bannerText, ensureStarterKeys, publicUrl } from './startup-banner.js';

interface Running {
  app?: App;
  database?: Database;
  redis?: Redis;
  jobs?: JobRunner;
  /** Stops listening for model promotions. */
  unwatch?: () => Promise<void>;
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createLogger(config.logLevel, undefined, config.logFormat);
  const running: Running = {};
  installShutdown(running, config, logger);
  try {
    await start(running, config, logger);
  } catch (err) {
    logger.fatal({ err }, 'start-up failed');
    await closeAll(running, logger);
    process.exit(1);
  }
}

async function start(running: Running, config: Config, logger: Logger): Promise<void> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    timeouts: databaseTimeouts(config),
  });
  running.database = database;
  const { applied } = await migrate(database);
  logger.info({ backend: database.kind, applied }, 'database ready');
  const mdm = createMdmContext({ database, config, logger });
  // A model promoted by any process (a worker's retrain, an admin) takes effect here at once.
  running.unwatch = await mdm.models.watch();
  const starterKeys = await ensureStarterKeys(database.db, {
    ...config,
    rotate: process.argv.includes('--rotate-keys'),
  });
  if (config.redisUrl) running.redis = connectRedis(config.redisUrl, logger);
  // With REDIS_URL this only enqueues (npm run worker processes); without, jobs run in this process.
  running.jobs = jobRunnerFromConfig(config, mdm);
  const app = await buildApp({ config, mdm, logger, redis: running.redis, jobs: running.jobs });
  running.app = app;
  await app.listen({ port: config.port, host: config.host });
  const readyMs = Math.round(performance.now());
  logger.info({ readyMs, port: config.port, backend: database.kind, redis: Boolean(running.redis) }, 'ready');
  // To the terminal, not the log: the clear keys appear here once and must not be retained.
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stderr.write(bannerText(publicUrl(config.host, port), starterKeys));
}

function readConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    // No logger yet: the message names every bad variable.
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

/**
 * BullMQ needs maxRetriesPerRequest: null on shared connections; readiness pings have their own
 * timeout, so a command waiting for a reconnect does not hang a probe.
 */
function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  let lastWarning = 0;
  redis.on('error', (err: Error) => {
    // ioredis emits on every reconnect attempt: warn at most every 10 s.
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    logger.warn({ err }, 'redis connection error');
  });
  return redis;
}

function installShutdown(running: Running, config: Config, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out: exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    void closeAll(running, logger).then(() => {
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** In dependency order: the HTTP server first (no new work), then what it used. Never throws. */
async function closeAll(running: Running, logger: Logger): Promise<void> {
  const step = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      await fn();
    } catch (err) {
      logger.error({ err, step: name }, 'error while closing');
    }
  };
  const { app, redis, database, jobs, unwatch } = running;
  if (app) await step('http', () => app.close());
  if (jobs) await step('jobs', () => jobs.close());
  if (unwatch) await step('model-listener', unwatch);
  if (redis) await step('redis', () => redis.quit());
  if (database) await step('database', () => database.close());
}

void main();
