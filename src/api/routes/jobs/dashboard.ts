/**
 * The BullMQ dashboard (@bull-board/fastify) at /admin/queues, only when Redis is configured, and
 * only for admin keys: its own encapsulated context carries the same bearer-key hook as /v1 (its
 * routes declare no `allow`, so they are admin-only). There is no dashboard for the in-process runner.
 */
import { createBullBoard } from '@bull-board/api';
import type { HTTPStatus } from '@bull-board/api/typings/app';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyPluginAsync } from 'fastify';
import type { Authenticator } from '../../../mdm/index.js';
import type { BullmqJobRunner } from '../../../jobs/queues.js';
import { AppError } from '../../../errors.js';
import { authHook } from '../../plugins/auth.js';

export const DASHBOARD_PATH = '/admin/queues';

export const queueDashboard: FastifyPluginAsync<{ runner: BullmqJobRunner; authenticator: Authenticator }> = async (
  app,
  { runner, authenticator },
) => {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', authHook(authenticator));
  // bull-board's own calls wait for Redis without limit: answer 503 at once while it is away.
  app.addHook('onRequest', () => runner.ensureConnected());
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: [...runner.queues.values()].map((q) => new BullMQAdapter(q)), serverAdapter });
  // bull-board answers its own errors with the stack in the body; ours use the error envelope and
  // keep internals in the log (set after createBullBoard, which installs its handler).
  serverAdapter.setErrorHandler((error: Error) => {
    // The hooks above (auth, Redis away) throw AppErrors that reach this handler, not the app's.
    if (error instanceof AppError) {
      // bull-board's HTTPStatus type lists fewer statuses than it passes through to reply.status.
      const status = error.statusCode as HTTPStatus;
      return { status, body: { error: error.code, message: error.message } };
    }
    app.log.error({ err: error }, 'queue dashboard request failed');
    return { status: 500, body: { error: 'IH_INTERNAL', message: 'Internal server error' } };
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: DASHBOARD_PATH });
};
