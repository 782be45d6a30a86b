/**
 * buildApp(deps): the whole HTTP API as a Fastify instance that never listens (src/main.ts listens;
 * tests call app.inject). Order matters and is fixed here:
 *   1. dependencies (`app.deps`), 2. the error handler (so every context inherits it),
 *   3. OpenAPI (so it sees every route), 4. route groups — all in registerRouteGroups below.
 * The instance is returned before ready(), so a test may still add a route; the first inject (or
 * listen) boots it.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { genReqId } from './logger.js';
import { dependenciesPlugin, type AppDeps } from './api/plugins/dependencies.js';
import { errorHandlerPlugin } from './api/plugins/error-handler.js';
import { securityHeadersPlugin } from './api/plugins/security-headers.js';
import { swaggerPlugin } from './api/plugins/swagger.js';
import { textGuardPlugin } from './api/plugins/text-guard.js';
import { healthRoutes } from './api/routes/health/index.js';
import { v1Routes } from './api/routes/index.js';
import { queueDashboard } from './api/routes/jobs/dashboard.js';
import { BullmqJobRunner } from './jobs/queues.js';
import { createAuthenticator } from './mdm/index.js';
import { uiPlugin } from './ui/plugin.js';

export type { AppDeps } from './api/plugins/dependencies.js';

export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, Logger, TypeBoxTypeProvider>;

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId,
    requestIdHeader: false,
    bodyLimit: deps.config.bodyLimit,
    // A record id may have 200 characters (RecordIdSchema), each up to 4 UTF-8 bytes sent as %XX:
    // find-my-way's default of 100 answered longer ids with its own 414, so they could be created
    // in a batch but never read, updated or deleted. The schema still caps the decoded length.
    routerOptions: { maxParamLength: 200 * 4 * 3 },
    // Errors Fastify raises before routing (a path that is not valid percent-encoded UTF-8, such as
    // a lone surrogate's bytes) bypass the error handler: give them the envelope too.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      void reply
        .code(400)
        .type('application/json; charset=utf-8')
        .send({ error: 'IH_VALIDATION', message: `Invalid request: ${error.message.slice(0, 300)}` });
    },
    ajv: {
      // Report every bad field of a request at once (the handler caps the list at MAX_DETAILS).
      // removeAdditional: false — an unknown field is a 400 naming it, never silently dropped
      // (Fastify's default strips it and answers 200, so a misspelt field was lost unnoticed).
      customOptions: { allErrors: true, removeAdditional: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // The API reads JSON only: without this, JSON sent as text/plain was parsed as a string and
  // answered with a confusing 400; now it is 415 IH_UNSUPPORTED_MEDIA_TYPE.
  app.removeContentTypeParser('text/plain');

  await app.register(dependenciesPlugin, { deps });
  await app.register(errorHandlerPlugin, { bodyLimit: deps.config.bodyLimit });
  await app.register(textGuardPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(swaggerPlugin, { version: packageVersion() });
  await registerRouteGroups(app, deps);
  return app;
}

/**
 * THE place where route groups are registered, each with the dependencies it needs passed
 * explicitly as plugin options. To add one: write src/api/routes/<resource>/index.ts exporting a
 * FastifyPluginAsyncTypebox, then add one `await app.register(...)` line here.
 * Authenticated API groups go inside the /v1 context (its auth hook is encapsulated there, so
 * /health and /docs stay public).
 */
async function registerRouteGroups(app: App, deps: AppDeps): Promise<void> {
  await app.register(healthRoutes, {
    prefix: '/health',
    mdm: deps.mdm,
    redis: deps.redis,
    logLevel: deps.config.logLevel,
  });
  await app.register(v1Routes, { prefix: '/v1', deps });
  // The steward web page (public static files; its API calls carry the user's key).
  await app.register(uiPlugin);
  // Job routes live under /v1 (routes/index.ts); the BullMQ dashboard only exists with Redis.
  if (deps.jobs instanceof BullmqJobRunner) {
    // Both bootstrap keys are known here, so a steward key is recognised and refused (403), not
    // reported as an unknown key (401). Dashboard routes declare no `allow`: admin only.
    const { adminApiKey, stewardApiKey } = deps.config;
    await app.register(queueDashboard, {
      runner: deps.jobs,
      authenticator: createAuthenticator(deps.mdm.database, { adminApiKey, stewardApiKey }),
    });
  }
}

/** package.json sits one level above both src/ and dist/. */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
