/** Match models (admin): list the versions with their gate reports, promote one (e.g. a held model). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listModels, type MdmContext, promoteModelVersion } from '../../../mdm/index.js';
import { actorOf, principalOf } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';
import { ModelListSchema, ModelSummarySchema, ModelVersionParamsSchema } from '../../schemas/models.js';

const tags = ['models'];

export const modelRoutes: FastifyPluginAsyncTypebox<{ mdm: MdmContext }> = async (app, { mdm }) => {
  app.get(
    '/models',
    {
      config: { allow: [] },
      schema: {
        tags,
        summary: 'List match models, newest first (admin)',
        description:
          'The active model decides every upsert and batch run. A retrained model the quality gate held is a candidate here until an admin promotes it.',
        response: { 200: ModelListSchema, ...errorResponses(401, 403) },
      },
    },
    async () => ({ items: await listModels(mdm) }),
  );

  app.post(
    '/models/:version/promote',
    {
      config: { allow: [] },
      schema: {
        tags,
        summary: 'Make a model version the active one (admin)',
        description: 'Atomic and audited; every process of the deployment switches to it at once (LISTEN/NOTIFY).',
        params: ModelVersionParamsSchema,
        response: { 200: ModelSummarySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => promoteModelVersion(mdm, actorOf(principalOf(request)), request.params.version),
  );
};
