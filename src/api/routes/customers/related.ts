/** `GET /v1/customers/{id}/related`: households and shared contacts of a customer (issue #11 item 4). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getRelatedCustomers, type MdmContext } from '../../../mdm/index.js';
import { principalOf } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';
import { CustomerParamsSchema, NextCursorSchema, RecordsPageQuerySchema } from '../../schemas/customers.js';

const RelatedCustomerSchema = Type.Object({
  customerId: Type.String(),
  kind: Type.Union([Type.Literal('household'), Type.Literal('shared_contact')]),
  displayName: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Not given to a source key.' })),
  evidence: Type.Optional(
    Type.Object(
      {
        shared: Type.Array(Type.String(), { description: 'What the two share: address, phone, email.' }),
        records: Type.Array(Type.Tuple([Type.String(), Type.String()]), {
          description: 'The two source records that showed it, as [source system, source record id].',
        }),
      },
      { description: 'Not given to a source key.' },
    ),
  ),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const relatedCustomerRoutes: FastifyPluginAsyncTypebox<{ mdm: MdmContext }> = async (app, { mdm }) => {
  app.get(
    '/customers/:id/related',
    {
      config: { allow: ['source', 'steward'] as const },
      schema: {
        tags: ['customers'],
        summary: 'Related customers: households and shared contacts (different people, kept apart)',
        description:
          'Customers whose records share an address, a phone or a family email with this one but differ in ' +
          'given name or birth date, found by the nightly dedupe and by real-time matching. By customer id, ' +
          'one page at a time. A source key gets ids and kinds only.',
        params: CustomerParamsSchema,
        querystring: RecordsPageQuerySchema,
        response: {
          200: Type.Object({ items: Type.Array(RelatedCustomerSchema), nextCursor: NextCursorSchema }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const page = await getRelatedCustomers(mdm, request.params.id, request.query);
      if (principalOf(request).role !== 'source') return page;
      return {
        items: page.items.map((r) => ({ customerId: r.customerId, kind: r.kind, updatedAt: r.updatedAt })),
        nextCursor: page.nextCursor,
      };
    },
  );
};
