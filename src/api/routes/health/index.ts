/**
 * Probes for orchestrators, public (no auth):
 * - GET /health/live: the process serves HTTP (no dependency checked, so a database outage does not
 *   get the process restarted in a loop);
 * - GET /health/ready: the database answers and, when configured, Redis answers; otherwise 503 with
 *   the failing dependency named. Details of the failure are logged, not returned.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Redis } from 'ioredis';
import { Type } from 'typebox';
import { checkDatabase, type MdmContext } from '../../../mdm/index.js';
import type { LogLevel } from '../../../config.js';
import { checkDependency, type CheckResult } from './check.js';

export interface HealthOptions {
  mdm: Pick<MdmContext, 'database'>;
  redis?: Redis | undefined;
  /** The service's level: probes log at warn or above, never below it. */
  logLevel: LogLevel;
  /** How long one dependency may take to answer (default 2000 ms). */
  timeoutMs?: number;
}

const CheckSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('fail')]),
  latencyMs: Type.Number(),
  reason: Type.Optional(Type.String()),
});

const ReadySchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  checks: Type.Object({ database: CheckSchema, redis: Type.Optional(CheckSchema) }),
});

const LiveSchema = Type.Object({ status: Type.Literal('ok'), uptimeSeconds: Type.Number() });

export const healthRoutes: FastifyPluginAsyncTypebox<HealthOptions> = async (app, opts) => {
  const timeoutMs = opts.timeoutMs ?? 2000;
  // Probes run every few seconds: keep them out of the info-level request log.
  const common = { logLevel: atLeastWarn(opts.logLevel) };

  app.get(
    '/live',
    { ...common, schema: { tags: ['health'], summary: 'Process is up', response: { 200: LiveSchema } } },
    async () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }),
  );

  app.get(
    '/ready',
    {
      ...common,
      schema: {
        tags: ['health'],
        summary: 'Dependencies answer (database; Redis when configured)',
        response: { 200: ReadySchema, 503: ReadySchema },
      },
    },
    async (request, reply) => {
      const { redis } = opts;
      const [database, redisCheck] = await Promise.all([
        checkDependency('database', () => checkDatabase(opts.mdm), timeoutMs, request.log),
        redis ? checkDependency('redis', () => redis.ping(), timeoutMs, request.log) : undefined,
      ]);
      const checks: { database: CheckResult; redis?: CheckResult } = { database };
      if (redisCheck) checks.redis = redisCheck;
      const ok = database.status === 'ok' && (redisCheck === undefined || redisCheck.status === 'ok');
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
    },
  );
};

const SEVERITY: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** A route-level logLevel replaces the logger's level, so it must never be lower than the service's. */
function atLeastWarn(level: LogLevel): LogLevel {
  return SEVERITY.indexOf(level) > SEVERITY.indexOf('warn') ? level : 'warn';
}
