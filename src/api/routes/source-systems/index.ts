/** Source systems (admin): register one and get its API key, list them. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createSourceSystem, listSourceSystems, type MdmContext } from '../../../mdm/index.js';
import { actorOf, principalOf } from '../../plugins/auth.js';
import {
  CreateSourceSystemBodySchema,
  CreateSourceSystemResultSchema,
  SourceSystemListSchema,
} from '../../schemas/source-systems.js';
import { errorResponses } from '../../schemas/common.js';

const tags = ['source systems'];

export const sourceSystemRoutes: FastifyPluginAsyncTypebox<{ mdm: MdmContext }> = async (app, { mdm }) => {
  app.post(
    '/source-systems',
    {
      config: { allow: [] },
      schema: {
        tags,
        summary: 'Register a source system (admin) and receive its API key',
        description:
          'Give displayName, name (slug) or both; a missing slug is derived from displayName. The key is returned once and stored only as its SHA-256 hash. A slug or display name already taken → 409; neither given → 400.',
        body: CreateSourceSystemBodySchema,
        response: { 201: CreateSourceSystemResultSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const result = await createSourceSystem(mdm, actorOf(principalOf(request)), request.body);
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/source-systems',
    {
      config: { allow: ['steward'] },
      schema: {
        tags,
        summary: 'List source systems',
        response: { 200: SourceSystemListSchema, ...errorResponses(401, 403) },
      },
    },
    async () => ({ items: await listSourceSystems(mdm) }),
  );
};
