/** Match without storing: what would this record match, and why. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { matchRecord, type MdmContext } from '../../../mdm/index.js';
import type { RawRecord } from '../../../shared/canonical-record.js';
import { MatchBodySchema, MatchResponseSchema } from '../../schemas/match.js';
import { errorResponses } from '../../schemas/common.js';
import { principalOf } from '../../plugins/auth.js';
import { withoutForeignValues } from '../../plugins/visibility.js';

export const matchRoutes: FastifyPluginAsyncTypebox<{ mdm: MdmContext }> = async (app, { mdm }) => {
  app.post(
    '/match',
    {
      config: { allow: ['source', 'steward'] },
      schema: {
        tags: ['match'],
        summary: 'Rank candidate customers for a record without storing it',
        description:
          "Each candidate carries its match probability and the field-by-field explanation of the weight. For a source key, the stored record's values (valueB) are null when that record belongs to another system.",
        body: MatchBodySchema,
        response: { 200: MatchResponseSchema, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request) => {
      const { record, limit = 10 } = request.body;
      // Ids are optional here: nothing is stored, they only label the probe in explanations.
      const raw: RawRecord = {
        ...record,
        source_system: record.source_system ?? '_probe',
        source_record_id: record.source_record_id ?? '_probe',
      };
      const result = await matchRecord(mdm, raw, { limit });
      return { ...result, candidates: withoutForeignValues(principalOf(request), result.candidates) };
    },
  );
};
