/**
 * `npm run worker`: the BullMQ workers (imports, dedupe, retrain, quality) in their own process.
 * Several may run at once, on different machines: BullMQ's locks give each job to one of them, and a
 * job whose worker died is picked up again and resumes from its last checkpoint (batch_runs).
 * Also (re)applies the nightly schedules from DEDUPE_CRON, which is idempotent.
 *
 * Needs REDIS_URL: without it jobs run inside the API server (`npm start`), and there is nothing to do here.
 * Shutdown on SIGTERM/SIGINT awaits worker.close(), which lets running jobs finish their attempt.
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { PROCESSORS } from './jobs/processors/index.js';
import { BullmqJobRunner, startWorkers, type RunningWorkers } from './jobs/queues.js';
import { scheduleOptions } from './jobs/schedules.js';
import { createLogger } from './logger.js';
import { createMdmContext } from './mdm/index.js';
import { openDatabase } from './store/db.js';
import { migrate } from './store/migrate.js';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel, undefined, config.logFormat);
  if (!config.redisUrl) {
    logger.error('REDIS_URL is not set: jobs run in-process inside the API server (npm start); no worker needed');
    process.exit(2);
  }
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  await migrate(database);
  const mdm = createMdmContext({ database, config, logger });
  // A model promoted by any process (the API's admin route, another worker) takes effect here at once.
  const unwatch = await mdm.models.watch();
  const producer = new BullmqJobRunner(database, { redisUrl: config.redisUrl, prefix: config.redisPrefix });
  await producer.applySchedules(scheduleOptions(config));
  await producer.close();
  const workers = startWorkers({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    deps: { mdm, logger, processors: PROCESSORS },
    concurrency: config.workerConcurrency,
    lockDurationMs: config.workerLockMs,
  });
  logger.info({ concurrency: config.workerConcurrency, backend: database.kind, pid: process.pid }, 'worker ready');
  installShutdown(
    workers,
    async () => {
      await unwatch();
      await database.close();
    },
    config,
    logger,
  );
}

function installShutdown(
  workers: RunningWorkers,
  closeDatabase: () => Promise<void>,
  config: Config,
  logger: ReturnType<typeof createLogger>,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'worker shutting down: waiting for running jobs');
    setTimeout(() => process.exit(1), Math.max(config.shutdownTimeoutMs, 60_000)).unref();
    void workers
      .close()
      .then(closeDatabase)
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`worker start-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
