/** Caller look-up for call-centre agents: anything the caller says → customer 360 with its value. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { lookupCaller, type MdmContext } from '../../../mdm/index.js';
import { errorResponses } from '../../schemas/common.js';
import { CustomerSchema, CustomerXrefSchema } from '../../schemas/customers.js';

const CallerQuerySchema = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'What the caller gave: phone number, email, name, source record id or customer id',
    }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5, description: 'Candidates listed' })),
  },
  { additionalProperties: false },
);

const CallerResponseSchema = Type.Object({
  query: Type.String(),
  customer: Type.Union([CustomerSchema, Type.Null()]),
  xref: Type.Union([CustomerXrefSchema, Type.Null()]),
  totalValue: Type.Union([Type.Number(), Type.Null()]),
  valueRank: Type.Union([
    Type.Object({ position: Type.Integer(), customers: Type.Integer(), topPercent: Type.Integer() }),
    Type.Null(),
  ]),
  candidates: Type.Array(Type.Object({ customer: CustomerSchema, score: Type.Number() })),
});

export const callerRoutes: FastifyPluginAsyncTypebox<{ mdm: MdmContext }> = async (app, { mdm }) => {
  app.get(
    '/caller',
    {
      config: { allow: ['steward'] },
      schema: {
        tags: ['customers'],
        summary: 'Caller look-up: who is this across all systems, and what are they worth',
        description:
          'The best-matching customer with its cross-reference, total annual value across systems and value rank ' +
          '("top 1 %"), plus the other candidates. customer is null when nothing matched.',
        querystring: CallerQuerySchema,
        response: { 200: CallerResponseSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => lookupCaller(mdm, request.query.q, request.query.limit ?? 5),
  );
};
