/** Customers: golden record, search, member records, cross-reference, history, merge and split. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  getCustomer,
  getCustomerHistory,
  getCustomerXref,
  listCustomerRecords,
  type MdmContext,
  mergeCustomers,
  searchCustomers,
  splitCustomer,
} from '../../../mdm/index.js';
import { validationError } from '../../plugins/auth-errors.js';
import { actorOf, principalOf } from '../../plugins/auth.js';
import { ownRecordsOnly, withoutForeignPayloads } from '../../plugins/visibility.js';
import {
  CustomerLookupSchema,
  CustomerParamsSchema,
  CustomerSearchQuerySchema,
  CustomerSearchResponseSchema,
  CustomerXrefSchema,
  HistoryQuerySchema,
  HistoryResponseSchema,
  NextCursorSchema,
  RecordsPageQuerySchema,
  XrefQuerySchema,
  MergeBodySchema,
  MergeResultSchema,
  SplitBodySchema,
  SplitResultSchema,
} from '../../schemas/customers.js';
import { StoredRecordSchema } from '../../schemas/records.js';
import { Type } from 'typebox';
import { errorResponses } from '../../schemas/common.js';
import { relatedCustomerRoutes } from './related.js';

const tags = ['customers'];
const readers = ['source', 'steward'] as const;
const stewards = ['steward'] as const;

export const customerRoutes: FastifyPluginAsyncTypebox<{ mdm: MdmContext }> = async (app, { mdm }) => {
  await app.register(relatedCustomerRoutes, { mdm });
  app.get(
    '/customers',
    {
      config: { allow: readers },
      schema: {
        tags,
        summary: 'Search customers by name (typos tolerated), email, phone, postal code or free text',
        description: 'Every given criterion must hold; at least one is required. Best match first.',
        querystring: CustomerSearchQuerySchema,
        response: { 200: CustomerSearchResponseSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { limit = 20, ...criteria } = request.query;
      if (!Object.values(criteria).some((v) => v !== undefined)) {
        throw validationError('querystring', 'give at least one of name, email, phone, postalCode, q');
      }
      return { items: await searchCustomers(mdm, { ...criteria, limit }) };
    },
  );

  app.get(
    '/customers/:id',
    {
      config: { allow: readers },
      schema: {
        tags,
        summary: 'Golden record with lineage',
        description: 'An id that was merged away answers with the surviving customer and sets redirectedFrom.',
        params: CustomerParamsSchema,
        response: { 200: CustomerLookupSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getCustomer(mdm, request.params.id),
  );

  app.get(
    '/customers/:id/records',
    {
      config: { allow: readers },
      schema: {
        tags,
        summary: "The customer's source records, one page at a time (oldest first, deleted ones included)",
        description: "A source key gets its own system's records only; /xref lists every system's record ids.",
        params: CustomerParamsSchema,
        querystring: RecordsPageQuerySchema,
        response: {
          200: Type.Object({ items: Type.Array(StoredRecordSchema), nextCursor: NextCursorSchema }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const page = await listCustomerRecords(mdm, request.params.id, request.query);
      return { items: ownRecordsOnly(principalOf(request), page.items), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/customers/:id/xref',
    {
      config: { allow: readers },
      schema: {
        tags: ['xref'],
        summary: 'Cross-reference: which systems hold which records of this customer, with value per system',
        description: 'Per-system counts and value are always whole; the record ids come one page at a time.',
        params: CustomerParamsSchema,
        querystring: XrefQuerySchema,
        response: { 200: CustomerXrefSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getCustomerXref(mdm, request.params.id, request.query),
  );

  app.get(
    '/customers/:id/history',
    {
      config: { allow: readers },
      schema: {
        tags,
        summary: 'Audit events of this customer, newest first',
        description:
          "For a source key, events on another system's records keep their references; before/after are null.",
        params: CustomerParamsSchema,
        querystring: HistoryQuerySchema,
        response: { 200: HistoryResponseSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { limit = 100, beforeId } = request.query;
      const items = await getCustomerHistory(mdm, request.params.id, { limit, ...(beforeId ? { beforeId } : {}) });
      return { items: withoutForeignPayloads(principalOf(request), items) };
    },
  );

  app.post(
    '/customers/:id/merge',
    {
      config: { allow: stewards },
      schema: {
        tags: ['steward'],
        summary: 'Merge another customer into this one',
        description: 'The older id survives; the other becomes a redirect to it. Audited with the reason.',
        params: CustomerParamsSchema,
        body: MergeBodySchema,
        response: { 200: MergeResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(principalOf(request));
      return mergeCustomers(mdm, actor, request.params.id, request.body.otherId, request.body.reason);
    },
  );

  app.post(
    '/customers/:id/split',
    {
      config: { allow: stewards },
      schema: {
        tags: ['steward'],
        summary: 'Split records off this customer into a new customer',
        params: CustomerParamsSchema,
        body: SplitBodySchema,
        response: { 200: SplitResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(principalOf(request));
      return splitCustomer(mdm, actor, request.params.id, request.body.recordRefs, request.body.reason);
    },
  );
};
