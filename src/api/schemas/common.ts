/**
 * Shapes shared by every route group. The error envelope is what the app's error handler sends for
 * every error, on every route, including unknown routes (src/api/plugins/error-handler.ts).
 */
import { Type, type Static, type TSchema } from 'typebox';

export const ErrorDetailSchema = Type.Object({
  path: Type.String({
    description:
      'Where the problem is: the request part (body, querystring, params, headers) then the JSON pointer ' +
      'without its leading slash, e.g. body/records/3/email. A missing property is reported at its own path.',
  }),
  reason: Type.String({ description: 'What is wrong, e.g. must match format "email", is required.' }),
});

export const ErrorEnvelopeSchema = Type.Object(
  {
    error: Type.String({ description: 'Stable error code from src/errors.ts, e.g. IH_VALIDATION.' }),
    message: Type.String({ description: 'Human-readable; may change between versions, the code does not.' }),
    details: Type.Optional(Type.Array(ErrorDetailSchema)),
  },
  { description: 'Every error response has this shape.' },
);

export type ErrorEnvelope = Static<typeof ErrorEnvelopeSchema>;

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input; details name each field by path',
  401: 'Missing, malformed or unknown API key',
  403: 'The key is not allowed to do this',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request body too large',
};

/**
 * `{ 400: <envelope>, 401: <envelope>, ... }` for a route's response schema: the one envelope above,
 * described per status (OpenAPI takes a response's description from its schema).
 */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(
    statuses.map((s) => [s, { ...ErrorEnvelopeSchema, description: errorDescriptions[s] ?? 'Error' }]),
  );
}
