/**
 * The BullMQ dashboard (@bull-board/fastify) at /admin/queues, only when Redis is configured, and
 * only for admin keys: its own encapsulated context carries the same bearer-key hook as /v1 (its
 * routes declare no `allow`, so they are admin-only). There is no dashboard for the in-process runner.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyPluginAsync } from 'fastify';
import type { Authenticator } from '../../../mdm/admin/auth.js';
import type { BullmqJobRunner } from '../../../jobs/queues.js';
import { authHook } from '../../plugins/auth.js';

export const DASHBOARD_PATH = '/admin/queues';

export const queueDashboard: FastifyPluginAsync<{ runner: BullmqJobRunner; authenticator: Authenticator }> = async (
  app,
  { runner, authenticator },
) => {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', authHook(authenticator));
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: [...runner.queues.values()].map((q) => new BullMQAdapter(q)), serverAdapter });
  await app.register(serverAdapter.registerPlugin(), { prefix: DASHBOARD_PATH });
};
