/**
 * Stable error codes. Every error a client can see has a code from ERROR_CODES (the code is the
 * contract: messages may be reworded, codes never change meaning), a message template (`%s`
 * placeholders, filled with node:util format) and an HTTP status. The API error handler turns an
 * AppError into `{ error: code, message, details? }` with that status; the CLI and the workers use
 * the same codes without Fastify.
 *
 * Adding a code: one line in ERROR_CODES (keep the `IH_` prefix and SCREAMING_SNAKE_CASE).
 *
 *   throw new AppError('IH_NOT_FOUND', 'customer c_42');
 *   throw new AppError('IH_VALIDATION', 'thresholds overlap', { details: [{ path: 'body/lower', reason: '...' }] });
 */
import { format } from 'node:util';

export const ERROR_CODES = {
  IH_VALIDATION: { status: 400, message: 'Invalid request: %s' },
  IH_UNAUTHORIZED: { status: 401, message: 'Missing or invalid API key: %s' },
  IH_FORBIDDEN: { status: 403, message: 'Not allowed: %s' },
  IH_NOT_FOUND: { status: 404, message: 'Not found: %s' },
  IH_CONFLICT: { status: 409, message: 'Conflict: %s' },
  IH_CUSTOMER_NOT_FOUND: { status: 404, message: 'Customer not found: %s' },
  IH_RECORD_NOT_FOUND: { status: 404, message: 'Source record not found: %s' },
  IH_SOURCE_SYSTEM_NOT_FOUND: { status: 404, message: 'Source system not found: %s' },
  IH_REVIEW_TASK_NOT_FOUND: { status: 404, message: 'Review task not found: %s' },
  IH_VERSION_CONFLICT: { status: 409, message: 'Concurrent change, please retry: %s' },
  IH_PAYLOAD_TOO_LARGE: { status: 413, message: 'Request body is too large: the limit is %s bytes' },
  IH_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type: %s' },
  IH_RATE_LIMITED: { status: 429, message: 'Too many requests: %s' },
  IH_INTERNAL: { status: 500, message: 'Internal server error' },
  IH_UNAVAILABLE: { status: 503, message: 'Service unavailable: %s' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * One problem with one field. `path` is `<part>/<json pointer without the leading slash>`, where
 * part is body | querystring | params | headers: `body/records/3/email`, `querystring/limit`.
 * A missing required property is reported at the property's own path (`body/email`), not its parent.
 */
export interface ErrorDetail {
  path: string;
  reason: string;
}

export interface AppErrorOptions {
  details?: ErrorDetail[];
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: ErrorDetail[] | undefined;

  /** `args` fill the `%s` placeholders of the code's template (a single value or a list). */
  constructor(
    code: ErrorCode,
    args: string | number | ReadonlyArray<string | number> = [],
    options: AppErrorOptions = {},
  ) {
    const spec = ERROR_CODES[code];
    const list = typeof args === 'string' || typeof args === 'number' ? [args] : args;
    super(formatTemplate(spec.message, list), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.statusCode = spec.status;
    this.details = options.details;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** HTTP status of a code (for route response schemas and tests). */
export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

/** Fills `%s`. Without args, everything from the first ": " (or placeholder) on is dropped, never printed as "%s". */
function formatTemplate(template: string, args: ReadonlyArray<string | number>): string {
  if (args.length === 0) return (template.split(/: |%s/)[0] ?? template).trim();
  return format(template, ...args);
}
