/**
 * The /v1 API: one encapsulated context holding the auth hook and every route group, so nothing
 * outside it (health, /docs, /ui) is affected by authentication. Register with
 * `app.register(v1Routes, { prefix: '/v1', deps })`; the MDM context is the process's own
 * (deps.mdm, built by main.ts), the authenticator is built from it unless given.
 *
 * Bootstrap keys: ADMIN_API_KEY / STEWARD_API_KEY from the config. Without ADMIN_API_KEY a random
 * admin key is generated for this process and logged once at warn level, so a fresh local set-up
 * is usable; set the variable for anything shared (tests and the demo pass known keys).
 */
import type {} from '@fastify/swagger';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createAuthenticator, generateApiKey, type Authenticator } from '../../mdm/index.js';
import type { AppDeps } from '../plugins/dependencies.js';
import { authHook } from '../plugins/auth.js';

import { join } from 'node:path';
import { customerRoutes } from './customers/index.js';
import { jobRoutes } from './jobs/index.js';
import { matchRoutes } from './match/index.js';
import { modelRoutes } from './models/index.js';
import { qualityRoutes } from './quality/index.js';
import { recordRoutes } from './records/index.js';

import { reviewTaskRoutes } from './review-tasks/index.js';
import { sourceSystemRoutes } from './source-systems/index.js';
import { xrefRoutes } from './xref/index.js';

export interface V1Options {
  deps: AppDeps;
  authenticator?: Authenticator;
}

/** OpenAPI security requirement every /v1 route carries (scheme declared in the swagger options). */
export const BEARER_SECURITY = [{ bearerAuth: [] }];

export const v1Routes: FastifyPluginAsyncTypebox<V1Options> = async (app, opts) => {
  const { config, mdm } = opts.deps;
  const authenticator = opts.authenticator ?? createAuthenticator(mdm.database, bootstrapKeys(opts.deps));
  app.decorateRequest('principal', null);
  app.addHook('onRequest', authHook(authenticator));
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, security: BEARER_SECURITY };
  });
  const deps = { mdm };
  await app.register(sourceSystemRoutes, deps);
  await app.register(recordRoutes, deps);

  await app.register(matchRoutes, deps);
  await app.register(customerRoutes, deps);
  await app.register(xrefRoutes, deps);
  await app.register(reviewTaskRoutes, deps);
  await app.register(qualityRoutes, deps);
  await app.register(modelRoutes, deps);
  if (opts.deps.jobs) {
    await app.register(jobRoutes, {
      runner: opts.deps.jobs,
      uploadDir: join(config.dataDir, 'uploads'),
      uploadLimit: config.uploadLimit,
      importDir: config.importDir,
    });
  }
};

function bootstrapKeys({ config, logger }: AppDeps): { adminApiKey: string; stewardApiKey: string | undefined } {
  let adminApiKey = config.adminApiKey;
  if (!adminApiKey) {
    adminApiKey = generateApiKey();
    logger.warn({ adminApiKey }, 'ADMIN_API_KEY is not set: generated an admin key for this process only');
  }
  return { adminApiKey, stewardApiKey: config.stewardApiKey };
}
