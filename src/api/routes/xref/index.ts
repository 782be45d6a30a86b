/** Reverse cross-reference: (system, record id) → customer id. The call-centre's hot path. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { lookupXref, type MdmContext } from '../../../mdm/index.js';
import { XrefLookupSchema } from '../../schemas/customers.js';
import { RecordParamsSchema } from '../../schemas/records.js';
import { errorResponses } from '../../schemas/common.js';

export const xrefRoutes: FastifyPluginAsyncTypebox<{ mdm: MdmContext }> = async (app, { mdm }) => {
  app.get(
    '/xref/:system/:recordId',
    {
      config: { allow: ['source', 'steward'] },
      schema: {
        tags: ['xref'],
        summary: 'Which customer holds this source record',
        description: 'Follows merge redirects: redirectedFrom is set when the record’s customer was merged away.',
        params: RecordParamsSchema,
        response: { 200: XrefLookupSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      lookupXref(mdm, { sourceSystem: request.params.system, sourceRecordId: request.params.recordId }),
  );
};
