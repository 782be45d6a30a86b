/**
 * pino set-up shared by the API, the worker and the CLI. Logs are JSON lines that must never hold
 * personal data in clear, so three layers apply to every line:
 * 1. `redact` removes credentials from request/response headers (authorization, cookies, api keys);
 * 2. `formatters.log` walks plain objects and arrays at any depth and masks values under personal
 *    keys (names, emails, phones, addresses, dates of birth, national ids, secrets) — so a logged
 *    record or body never leaks, whatever its nesting;
 * 3. the `req` serializer keeps only method, route url with query *values* masked (search queries
 *    carry names and emails), request id and remote address; bodies are never logged.
 * A message string is not inspected: put data in the object, never in the message text.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import type { LogFormat, LogLevel } from './config.js';

export const MASK = '[REDACTED]';

/** Keys compared after lower-casing and removing `_` and `-`: `family_name`, `familyName` both match. */
const PERSONAL_KEYS = new Set([
  'fullname',
  'givenname',
  'middlename',
  'familyname',
  'firstname',
  'lastname',
  'surname',
  'displayname',
  'email',
  'emails',
  'phone',
  'phones',
  'mobile',
  'address',
  'addressline1',
  'addressline2',
  'line1',
  'line2',
  'street',
  'postalcode',
  'postcode',
  'dateofbirth',
  'dob',
  'birthdate',
  'nationalid',
  'ssn',
  'taxid',
  'authorization',
  'cookie',
  'password',
  'apikey',
  'adminapikey',
  'stewardapikey',
  'token',
  // pg puts offending values in error.detail ("Key (email)=(a@b.c) already exists").
  'detail',
]);

function isPersonalKey(key: string): boolean {
  return PERSONAL_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''));
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Copy of `value` with every value under a personal key replaced by MASK, at any depth (plain
 * objects and arrays only; class instances are left to their serializers). Never mutates input.
 */
export function maskPersonalData<T>(value: T, depth = 0): T {
  if (depth > 8 || !isPlainContainer(value)) return value;
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = isPersonalKey(key) && v !== null && v !== undefined ? MASK : maskPersonalData(v, depth + 1);
  }
  return out as T;
}

/** `/v1/customers/search?name=Jo&limit=5` → `/v1/customers/search?name=[REDACTED]&limit=[REDACTED]`. */
export function maskQueryValues(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .filter((p) => p !== '')
    .map((p) => `${p.split('=')[0] ?? ''}=${MASK}`);
  return `${url.slice(0, q)}?${params.join('&')}`;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Honours a well-formed incoming `x-request-id` (tracing across services), else a fresh UUID. */
export function genReqId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

interface RequestLike {
  id?: string;
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remoteAddress?: string };
}

export function loggerOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
      ],
      censor: MASK,
    },
    formatters: { log: (object) => maskPersonalData(object) },
    serializers: {
      req: (req: RequestLike) => ({
        id: req.id,
        method: req.method,
        url: req.url === undefined ? undefined : maskQueryValues(req.url),
        remoteAddress: req.ip ?? req.socket?.remoteAddress,
      }),
      // The std serializer returns a non-plain object: spread it so the masking walks its fields.
      err: (err: Error) => maskPersonalData({ ...pino.stdSerializers.err(err) }),
    },
  };
}

/**
 * Logs go to `destination` when given; otherwise to stdout, as JSON lines — except on a terminal,
 * where a person reads them: there they are pretty-printed (pino-pretty, synchronous so the order
 * with other terminal output holds). The masking above applies before either format.
 */
export function createLogger(
  level: LogLevel,
  destination?: pino.DestinationStream,
  format: LogFormat = 'auto',
): Logger {
  if (destination) return pino(loggerOptions(level), destination);
  if (wantsPrettyLogs(process.stdout.isTTY, format)) {
    return pino(loggerOptions(level), pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss' }));
  }
  return pino(loggerOptions(level));
}

/** LOG_FORMAT: json or pretty forces a format; auto means pretty on a terminal, JSON otherwise. */
export function wantsPrettyLogs(isTty: boolean | undefined, logFormat: LogFormat): boolean {
  if (logFormat === 'json') return false;
  if (logFormat === 'pretty') return true;
  return isTty === true;
}
