/** Error responses of the /v1 routes, in the common error envelope of the app's error handler. */
import { Type, type TSchema } from 'typebox';
import { ErrorEnvelopeSchema } from './common.js';

const describe: Record<number, string> = {
  400: 'Invalid input; details name each field by path',
  401: 'Missing, malformed or unknown API key',
  403: 'The key is not allowed to do this',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request body too large',
};

/** `{ 400: ErrorResponse, 401: ... }` for a route's response schema. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(
    statuses.map((s) => [s, Type.Object(ErrorEnvelopeSchema.properties, { description: describe[s] ?? 'Error' })]),
  );
}
