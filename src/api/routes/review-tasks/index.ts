/** Steward review queue and decisions. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { decideReviewTask, getReviewTask, listReviewTasks, type MdmContext } from '../../../mdm/index.js';
import { actorOf, principalOf } from '../../plugins/auth.js';
import {
  ReviewDecisionBodySchema,
  ReviewDecisionResultSchema,
  ReviewTaskListQuerySchema,
  ReviewTaskPageSchema,
  ReviewTaskParamsSchema,
  ReviewTaskSchema,
} from '../../schemas/review-tasks.js';
import { errorResponses } from '../../schemas/common.js';

const tags = ['steward'];
const stewards = ['steward'] as const;

export const reviewTaskRoutes: FastifyPluginAsyncTypebox<{ mdm: MdmContext }> = async (app, { mdm }) => {
  app.get(
    '/review-tasks',
    {
      config: { allow: stewards },
      schema: {
        tags,
        summary: 'Review queue, filtered and sorted by score or by customer value',
        querystring: ReviewTaskListQuerySchema,
        response: { 200: ReviewTaskPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const {
        status = 'open',
        sort = 'score',
        limit = 50,
        offset = 0,
        sourceSystem,
        minScore,
        maxScore,
      } = request.query;
      return listReviewTasks(mdm, {
        status,
        sort,
        limit,
        offset,
        ...(sourceSystem !== undefined ? { sourceSystem } : {}),
        ...(minScore !== undefined ? { minScore } : {}),
        ...(maxScore !== undefined ? { maxScore } : {}),
      });
    },
  );

  app.get(
    '/review-tasks/:id',
    {
      config: { allow: stewards },
      schema: {
        tags,
        summary: 'One review task with the field-by-field explanation',
        params: ReviewTaskParamsSchema,
        response: { 200: ReviewTaskSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getReviewTask(mdm, request.params.id),
  );

  app.post(
    '/review-tasks/:id/decision',
    {
      config: { allow: stewards },
      schema: {
        tags,
        summary: 'Decide a review task: merge the two customers or keep them separate',
        description: 'A task already decided answers 409.',
        params: ReviewTaskParamsSchema,
        body: ReviewDecisionBodySchema,
        response: { 200: ReviewDecisionResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => decideReviewTask(mdm, actorOf(principalOf(request)), request.params.id, request.body),
  );
};
