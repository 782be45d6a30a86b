/** One dependency check with a time limit, for /health/ready. */
import type { FastifyBaseLogger } from 'fastify';

export interface CheckResult {
  status: 'ok' | 'fail';
  latencyMs: number;
  /** Short and generic: the probe is public, the real error goes to the log. */
  reason?: string;
}

export async function checkDependency(
  name: string,
  ping: () => Promise<unknown>,
  timeoutMs: number,
  log: FastifyBaseLogger,
): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([ping().then(() => 'ok' as const), timeout]);
    const latencyMs = Math.round(performance.now() - started);
    if (outcome === 'ok') return { status: 'ok', latencyMs };
    log.warn({ dependency: name, timeoutMs }, 'readiness check timed out');
    return { status: 'fail', latencyMs, reason: `${name} did not answer within ${timeoutMs} ms` };
  } catch (err) {
    log.warn({ dependency: name, err }, 'readiness check failed');
    return { status: 'fail', latencyMs: Math.round(performance.now() - started), reason: `${name} ping failed` };
  } finally {
    clearTimeout(timer);
  }
}
