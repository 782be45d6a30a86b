/**
 * The process-level dependencies of the HTTP app, built by an entry point (src/main.ts) or a test
 * (test/helpers/build-test-app.ts) and passed to buildApp(). They are decorated on the instance as
 * `app.deps` so any route group can reach them; route groups should still take what they need as
 * plugin options (explicit wiring, see src/app.ts registerRouteGroups).
 *
 * Ownership: the caller opened them and closes them. `app.close()` does not close the database or
 * Redis, so a test can close the app and still inspect the database, and main.ts controls the order.
 *
 * Extension point: the jobs engineer adds `jobs?: <the job queue interface>` here (the in-process
 * runner when REDIS_URL is unset), and registers its routes / bull-board in registerRouteGroups.
 */
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { JobRunner } from '../../jobs/types.js';
import type { MdmContext } from '../../mdm/index.js';

export interface AppDeps {
  config: Config;
  /** The process's one MdmContext (built by main.ts; a worker's jobs share the same one). */
  mdm: MdmContext;
  logger: Logger;
  /** Present when REDIS_URL is set; /health/ready pings it. */
  redis?: Redis | undefined;
  /** Batch jobs (src/jobs): BullMQ when REDIS_URL is set, else the in-process runner. Adds /v1/jobs. */
  jobs?: JobRunner | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export const DEPENDENCIES_PLUGIN = 'ih-dependencies';

export const dependenciesPlugin = fp<{ deps: AppDeps }>(
  async (app, { deps }) => {
    app.decorate('deps', deps);
  },
  { name: DEPENDENCIES_PLUGIN, fastify: '5.x' },
);
