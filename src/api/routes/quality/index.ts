/** Per-source data-quality report. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getSourceSystem, type MdmContext, qualityReport, readSourceQuality } from '../../../mdm/index.js';
import { assertOwnSystem, principalOf } from '../../plugins/auth.js';
import {
  QualityQuerySchema,
  QualityReportSchema,
  QualitySourceParamsSchema,
  SourceQualitySchema,
} from '../../schemas/quality.js';
import { errorResponses } from '../../schemas/common.js';

const tags = ['quality'];

export const qualityRoutes: FastifyPluginAsyncTypebox<{ mdm: MdmContext }> = async (app, { mdm }) => {
  app.get(
    '/quality/sources',
    {
      config: { allow: ['steward'] },
      schema: {
        tags,
        summary: 'Data-quality profile of every source system',
        querystring: QualityQuerySchema,
        response: { 200: QualityReportSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => qualityReport(mdm, { live: request.query.live ?? false }),
  );

  app.get(
    '/quality/sources/:system',
    {
      config: { allow: ['steward', 'source'] },
      schema: {
        tags,
        summary: 'Data-quality profile of one source system (a source key: its own only)',
        params: QualitySourceParamsSchema,
        querystring: QualityQuerySchema,
        response: { 200: SourceQualitySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      assertOwnSystem(principalOf(request), request.params.system);
      await getSourceSystem(mdm, request.params.system);
      return readSourceQuality(mdm, request.params.system, { live: request.query.live ?? false });
    },
  );
};
