/**
 * Every setting of the service, read from the environment once, validated, and frozen. This is the
 * only module that reads process.env (and only when an entry point calls loadConfig()); everything
 * else receives the Config it needs. An empty variable counts as unset, so `FOO=` in a compose file
 * means "use the default".
 *
 * A bad value stops start-up with a ConfigError naming every bad variable and why. Secret values
 * (API keys, URLs with passwords) are never echoed in those messages.
 */
import { join } from 'node:path';
import { Cron } from 'croner';
import { parseSettings, type Problem, type Reader } from './config-parsers.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type LogFormat = 'auto' | 'json' | 'pretty';
export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export interface Config {
  /** PORT: TCP port of the HTTP API. */
  readonly port: number;
  /** HOST: interface to listen on. */
  readonly host: string;
  /** DATABASE_URL: postgres:// URL; unset => embedded PGlite in dataDir. */
  readonly databaseUrl: string | undefined;
  /** DATABASE_POOL_SIZE: pg connection pool size (ignored for PGlite). */
  readonly databasePoolSize: number;
  /** DATA_DIR: embedded database and uploaded files. */
  readonly dataDir: string;
  /** IMPORT_DIR: the only folder server-side import jobs may read (`{ path }`); default DATA_DIR/imports. */
  readonly importDir: string;
  /** DATABASE_CONNECT_TIMEOUT_MS: longest wait for a new PostgreSQL connection. */
  readonly databaseConnectTimeoutMs: number;
  /** DATABASE_STATEMENT_TIMEOUT_MS: longest single statement (PostgreSQL statement_timeout). */
  readonly databaseStatementTimeoutMs: number;
  /** DATABASE_LOCK_TIMEOUT_MS: longest wait for a row or advisory lock (lock_timeout). */
  readonly databaseLockTimeoutMs: number;
  /** DATABASE_IDLE_TX_TIMEOUT_MS: an open transaction idle this long is ended by the server. */
  readonly databaseIdleTxTimeoutMs: number;
  /** REDIS_COMMAND_TIMEOUT_MS: longest Redis command from the API (enqueue, job look-ups). */
  readonly redisCommandTimeoutMs: number;
  /** UPLOAD_LIMIT: largest multipart file upload (import jobs), in bytes. */
  readonly uploadLimit: number;
  /** REDIS_URL: redis:// URL; unset => jobs run in-process (not durable). */
  readonly redisUrl: string | undefined;
  /** REDIS_PREFIX: key prefix for queues, so several deployments can share one Redis. */
  readonly redisPrefix: string;
  /** LOG_LEVEL: pino level. */
  readonly logLevel: LogLevel;
  /** LOG_FORMAT: json, pretty, or auto (pretty on a terminal, JSON lines otherwise). */
  readonly logFormat: LogFormat;
  /** MATCH_UPPER_THRESHOLD: match probability at or above which records merge automatically. */
  readonly matchUpperThreshold: number;
  /** MATCH_LOWER_THRESHOLD: floor of the steward review band (below it: a new customer). */
  readonly matchLowerThreshold: number;
  /** MATCH_MAX_CANDIDATES: candidates scored per incoming record in real time. */
  readonly matchMaxCandidates: number;
  /** MATCH_MAX_BLOCK_SIZE: a real-time blocking key shared by more records than this is skipped (0: no look-up). */
  readonly matchMaxBlockSize: number;
  /** MODEL_AUTO_TRAIN_RECORDS: live records at which the first match model is trained and promoted (0: never). */
  readonly modelAutoTrainRecords: number;
  /** MODEL_GATE_MAX_SHIFT: share of sampled pairs whose decision may change before a retrained model is held for an admin. */
  readonly modelGateMaxShift: number;
  /** DEFAULT_COUNTRY: ISO 3166-1 alpha-2 country assumed for phones and addresses without one. */
  readonly defaultCountry: string;
  /** DATE_ORDER: how ambiguous numeric dates (03/04/2001) are read. */
  readonly dateOrder: DateOrder;
  /** ADMIN_API_KEY: bootstrap admin key (optional; at least 16 characters). */
  readonly adminApiKey: string | undefined;
  /** STEWARD_API_KEY: bootstrap data-steward key (optional; at least 16 characters). */
  readonly stewardApiKey: string | undefined;
  /** BODY_LIMIT: largest accepted request body, in bytes. */
  readonly bodyLimit: number;
  /** WORKER_CONCURRENCY: jobs one worker runs at the same time. */
  readonly workerConcurrency: number;
  /** WORKER_LOCK_MS: a worker silent this long (crashed) loses its job to another worker. */
  readonly workerLockMs: number;
  /** DEDUPE_CRON: schedule of the periodic dedupe job; null when "off". */
  readonly dedupeCron: string | null;
  /** SHUTDOWN_TIMEOUT_MS: how long a graceful shutdown may take before the process exits anyway. */
  readonly shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.reason}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_FORMATS: readonly LogFormat[] = ['auto', 'json', 'pretty'];
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const DATE_ORDERS: readonly DateOrder[] = ['DMY', 'MDY', 'YMD'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const { config, problems } = parseSettings(env, readAll);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function readAll(r: Reader): Config {
  const config: Config = {
    port: r.integer('PORT', 3000, { min: 0, max: 65_535 }),
    host: r.string('HOST', '0.0.0.0'),
    databaseUrl: r.url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: r.integer('DATABASE_POOL_SIZE', 10, { min: 1, max: 1000 }),
    dataDir: r.string('DATA_DIR', './data'),
    importDir: r.string('IMPORT_DIR', ''),
    databaseConnectTimeoutMs: r.integer('DATABASE_CONNECT_TIMEOUT_MS', 5_000, { min: 100, max: 600_000 }),
    databaseStatementTimeoutMs: r.integer('DATABASE_STATEMENT_TIMEOUT_MS', 30_000, { min: 0, max: 86_400_000 }),
    databaseLockTimeoutMs: r.integer('DATABASE_LOCK_TIMEOUT_MS', 10_000, { min: 0, max: 86_400_000 }),
    databaseIdleTxTimeoutMs: r.integer('DATABASE_IDLE_TX_TIMEOUT_MS', 60_000, { min: 0, max: 86_400_000 }),
    redisCommandTimeoutMs: r.integer('REDIS_COMMAND_TIMEOUT_MS', 5_000, { min: 100, max: 600_000 }),
    uploadLimit: r.byteSize('UPLOAD_LIMIT', 1024 ** 3),
    redisUrl: r.url('REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: r.pattern('REDIS_PREFIX', 'ih', /^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ or -, at most 32'),
    logLevel: r.oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    logFormat: r.oneOf('LOG_FORMAT', 'auto', LOG_FORMATS),
    matchUpperThreshold: r.probability('MATCH_UPPER_THRESHOLD', 0.95),
    matchLowerThreshold: r.probability('MATCH_LOWER_THRESHOLD', 0.6),
    matchMaxCandidates: r.integer('MATCH_MAX_CANDIDATES', 50, { min: 1, max: 10_000 }),
    matchMaxBlockSize: r.integer('MATCH_MAX_BLOCK_SIZE', 500, { min: 0, max: 1_000_000 }),
    modelAutoTrainRecords: r.integer('MODEL_AUTO_TRAIN_RECORDS', 1000, { min: 0, max: 100_000_000 }),
    modelGateMaxShift: r.probability('MODEL_GATE_MAX_SHIFT', 0.02),
    defaultCountry: r.pattern('DEFAULT_COUNTRY', 'AU', /^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as AU or US', {
      upperCase: true,
    }),
    dateOrder: r.oneOf('DATE_ORDER', 'DMY', DATE_ORDERS, { upperCase: true }),
    adminApiKey: r.secret('ADMIN_API_KEY', 16),
    stewardApiKey: r.secret('STEWARD_API_KEY', 16),
    bodyLimit: r.byteSize('BODY_LIMIT', 10 * 1024 * 1024),
    workerConcurrency: r.integer('WORKER_CONCURRENCY', 2, { min: 1, max: 64 }),
    workerLockMs: r.integer('WORKER_LOCK_MS', 30_000, { min: 1_000, max: 600_000 }),
    dedupeCron: r.optional('DEDUPE_CRON', '0 2 * * *', 'off', cronReason),
    shutdownTimeoutMs: r.integer('SHUTDOWN_TIMEOUT_MS', 10_000, { min: 0, max: 600_000 }),
  };
  checkCrossField(r, config);
  return { ...config, importDir: config.importDir || join(config.dataDir, 'imports') };
}

function checkCrossField(r: Reader, c: Config): void {
  if (c.matchLowerThreshold >= c.matchUpperThreshold) {
    r.problem(
      'MATCH_LOWER_THRESHOLD',
      `must be below MATCH_UPPER_THRESHOLD (${c.matchUpperThreshold}), got ${c.matchLowerThreshold}`,
    );
  }
  if (c.adminApiKey !== undefined && c.adminApiKey === c.stewardApiKey) {
    r.problem('STEWARD_API_KEY', 'must differ from ADMIN_API_KEY');
  }
}

/**
 * MATCH_UPPER_THRESHOLD / MATCH_LOWER_THRESHOLD as the batch engine takes them (the pure core names
 * them by their effect: merge, review). Every batch run (cli dedupe, the dedupe and retrain jobs)
 * passes these, so batch and real time decide at the same thresholds.
 */
export function batchThresholds(c: Pick<Config, 'matchUpperThreshold' | 'matchLowerThreshold'>): {
  merge: number;
  review: number;
} {
  return { merge: c.matchUpperThreshold, review: c.matchLowerThreshold };
}

/** Undefined when `expr` is a valid cron pattern (5 or 6 fields), else why not. */
function cronReason(expr: string): string | undefined {
  try {
    new Cron(expr, { paused: true }).stop();
    return undefined;
  } catch (err) {
    return `must be a cron pattern such as "0 2 * * *" or "off" (${err instanceof Error ? err.message : String(err)})`;
  }
}
