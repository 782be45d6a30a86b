/**
 * The one error handler of the app. Every error leaves as the envelope of schemas/common.ts:
 * - schema validation failures → 400 IH_VALIDATION with one detail per field (`body/records/3/email`);
 * - AppError → its registered status and code (details kept);
 * - Fastify's own client errors → 413 IH_PAYLOAD_TOO_LARGE, 415 IH_UNSUPPORTED_MEDIA_TYPE, other 4xx
 *   IH_VALIDATION (bad JSON, empty body...), with Fastify's message, which holds no internals;
 * - the database down, stalled past a timeout or out of connections → 503 IH_UNAVAILABLE;
 * - anything else → 500 IH_INTERNAL with a fixed message; the real error is logged with the request.
 * Unknown routes get 404 IH_NOT_FOUND in the same envelope.
 */
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ERROR_CODES, type ErrorCode, type ErrorDetail } from '../../errors.js';
import { isDatabaseUnavailable } from '../../mdm/index.js';
import type { ErrorEnvelope } from '../schemas/common.js';

/** Enough to fix a request; a huge batch with every row wrong should not make a huge response. */
export const MAX_DETAILS = 100;

export const errorHandlerPlugin = fp<{ bodyLimit: number }>(
  async (app, { bodyLimit }) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const { status, envelope } = toEnvelope(error, request, bodyLimit);
      if (status === 503) request.log.warn({ code: envelope.error, err: { message: error.message } }, 'unavailable');
      else if (status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: envelope.error, status }, 'request rejected');
      return send(reply, status, envelope);
    });
    app.setNotFoundHandler((request, reply) => {
      const envelope = {
        error: 'IH_NOT_FOUND',
        message: `Not found: no route ${request.method} ${request.url.split('?')[0]}`,
      };
      return send(reply, 404, envelope);
    });
  },
  { name: 'ih-error-handler', fastify: '5.x' },
);

function send(reply: FastifyReply, status: number, envelope: ErrorEnvelope): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(envelope);
}

function toEnvelope(
  error: FastifyError,
  request: FastifyRequest,
  bodyLimit: number,
): { status: number; envelope: ErrorEnvelope } {
  if (error.validation) {
    const details = validationDetails(error.validation, error.validationContext ?? 'body');
    const first = details[0];
    const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
    const message = first ? `Invalid request: ${first.path} ${first.reason}${more}` : 'Invalid request';
    return { status: 400, envelope: { error: 'IH_VALIDATION', message, details } };
  }
  if (error instanceof AppError) {
    const envelope: ErrorEnvelope = { error: error.code, message: error.message };
    if (error.details) envelope.details = error.details.slice(0, MAX_DETAILS);
    return { status: error.statusCode, envelope };
  }
  if (isDatabaseUnavailable(error)) {
    // Down, stalled past a timeout, or out of connections: the client may retry; nothing is broken here.
    return clientError('IH_UNAVAILABLE', new AppError('IH_UNAVAILABLE', 'the database is not answering').message);
  }
  const status = error.statusCode ?? 500;
  if (status === 413) {
    const limit = request.routeOptions.bodyLimit ?? bodyLimit;
    return clientError('IH_PAYLOAD_TOO_LARGE', new AppError('IH_PAYLOAD_TOO_LARGE', limit).message);
  }
  if (status === 404) return clientError('IH_NOT_FOUND', error.message);
  if (status === 415) return clientError('IH_UNSUPPORTED_MEDIA_TYPE', error.message);
  if (status === 429) return clientError('IH_RATE_LIMITED', error.message);
  if (status >= 400 && status < 500) return { status, envelope: { error: 'IH_VALIDATION', message: error.message } };
  return clientError('IH_INTERNAL', ERROR_CODES.IH_INTERNAL.message);
}

function clientError(code: ErrorCode, message: string): { status: number; envelope: ErrorEnvelope } {
  return { status: ERROR_CODES[code].status, envelope: { error: code, message } };
}

/** Ajv errors → `{ path, reason }` with the path convention of ErrorDetail (src/errors.ts). */
export function validationDetails(errors: FastifySchemaValidationError[], part: string): ErrorDetail[] {
  return errors.slice(0, MAX_DETAILS).map((e) => {
    const params = e.params as Record<string, unknown>;
    // instancePath is a JSON pointer (`/records/3/email`); kept as is, escapes included.
    const pointer = e.instancePath;
    if (e.keyword === 'required' && typeof params['missingProperty'] === 'string') {
      return { path: `${part}${pointer}/${params['missingProperty']}`, reason: 'is required' };
    }
    if (e.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
      return { path: `${part}${pointer}/${params['additionalProperty']}`, reason: 'is not an allowed property' };
    }
    return { path: `${part}${pointer}`, reason: e.message ?? `fails ${e.keyword}` };
  });
}
