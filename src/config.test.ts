import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problemsFor(env: Record<string, string>): Array<{ variable: string; reason: string }> {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      databasePoolSize: 10,
      dataDir: './data',
      redisUrl: undefined,
      redisPrefix: 'ih',
      logLevel: 'info',
      matchUpperThreshold: 0.95,
      matchLowerThreshold: 0.6,
      matchMaxCandidates: 50,
      defaultCountry: 'AU',
      dateOrder: 'DMY',
      adminApiKey: undefined,
      stewardApiKey: undefined,
      bodyLimit: 10 * 1024 * 1024,
      workerConcurrency: 2,
      dedupeCron: '0 2 * * *',
      shutdownTimeoutMs: 10_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads and normalises every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://u:p@db:5432/ih',
      DATABASE_POOL_SIZE: '4',
      DATA_DIR: '/var/lib/ih',
      REDIS_URL: 'redis://cache:6379',
      REDIS_PREFIX: 'ih-test',
      LOG_LEVEL: 'DEBUG',
      MATCH_UPPER_THRESHOLD: '0.9',
      MATCH_LOWER_THRESHOLD: '.5',
      MATCH_MAX_CANDIDATES: '20',
      DEFAULT_COUNTRY: 'us',
      DATE_ORDER: 'mdy',
      ADMIN_API_KEY: 'a'.repeat(20),
      STEWARD_API_KEY: 's'.repeat(20),
      BODY_LIMIT: '2mb',
      WORKER_CONCURRENCY: '8',
      DEDUPE_CRON: 'off',
      SHUTDOWN_TIMEOUT_MS: '500',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db:5432/ih',
      redisUrl: 'redis://cache:6379',
      logLevel: 'debug',
      matchLowerThreshold: 0.5,
      defaultCountry: 'US',
      dateOrder: 'MDY',
      bodyLimit: 2 * 1024 * 1024,
      dedupeCron: null,
      shutdownTimeoutMs: 500,
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ', DEDUPE_CRON: '' })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dedupeCron: '0 2 * * *',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_URL', 'mysql://db/ih'],
    ['REDIS_URL', 'not a url'],
    ['REDIS_PREFIX', 'has space'],
    ['LOG_LEVEL', 'loud'],
    ['MATCH_UPPER_THRESHOLD', '1.5'],
    ['MATCH_LOWER_THRESHOLD', '0'],
    ['MATCH_MAX_CANDIDATES', '-3'],
    ['DEFAULT_COUNTRY', 'Australia'],
    ['DATE_ORDER', 'DDMMYY'],
    ['ADMIN_API_KEY', 'short'],
    ['STEWARD_API_KEY', 'short'],
    ['BODY_LIMIT', 'lots'],
    ['BODY_LIMIT', '10'],
    ['WORKER_CONCURRENCY', '1.5'],
    ['DEDUPE_CRON', '61 * * * *'],
    ['SHUTDOWN_TIMEOUT_MS', 'soon'],
  ])('names %s when it is %j', (variable, value) => {
    const problems = problemsFor({ [variable]: value });
    expect(problems.map((p) => p.variable)).toEqual([variable]);
    expect(problems[0]?.reason).toMatch(/must/);
  });

  it('rejects thresholds in the wrong order', () => {
    const problems = problemsFor({ MATCH_UPPER_THRESHOLD: '0.7', MATCH_LOWER_THRESHOLD: '0.8' });
    expect(problems).toEqual([{ variable: 'MATCH_LOWER_THRESHOLD', reason: expect.stringContaining('below') }]);
  });

  it('reports every bad variable at once, in a message naming each', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y', ADMIN_API_KEY: 'k'.repeat(16), STEWARD_API_KEY: 'k'.repeat(16) });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toContain('PORT: must be an integer');
      expect(message).toContain('LOG_LEVEL: must be one of');
      expect(message).toContain('STEWARD_API_KEY: must differ from ADMIN_API_KEY');
    }
  });

  it('never echoes secrets or URLs in messages', () => {
    const message = (() => {
      try {
        loadConfig({ ADMIN_API_KEY: 'tooShortSecret', DATABASE_URL: 'mysql://user:hunter2@db/x' });
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toContain('ADMIN_API_KEY');
    expect(message).not.toContain('tooShortSecret');
    expect(message).not.toContain('hunter2');
  });
});
