/**
 * Jobs API (admin only): enqueue, inspect, cancel and retry batch jobs. Translates HTTP to the
 * JobRunner (BullMQ or in-process) and nothing more: the catalog validates payloads, processors do
 * the work. An import takes either a multipart upload or `{ path }` of a file the server can read.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors.js';
import type { JobRunner, JobView } from '../../../jobs/types.js';
import { errorResponses } from '../../schemas/errors.js';
import {
  EnqueuedJobSchema,
  JobIdParamsSchema,
  JobListQuerySchema,
  JobListSchema,
  JobSchema,
  JobTypeParamsSchema,
} from '../../schemas/jobs.js';
import { resolveImportPath } from './import-path.js';
import { saveUpload } from './upload.js';

const tags = ['jobs'];

export interface JobRoutesOptions {
  runner: JobRunner;
  /** DATA_DIR/uploads */
  uploadDir: string;
  /** UPLOAD_LIMIT: largest uploaded file, bytes. */
  uploadLimit: number;
  /** IMPORT_DIR: the only folder a `{ path }` import may read. */
  importDir: string;
}

function found(view: JobView | undefined, id: string): JobView {
  if (!view) throw new AppError('IH_NOT_FOUND', `job ${id}`);
  return view;
}

export const jobRoutes: FastifyPluginAsyncTypebox<JobRoutesOptions> = async (
  app,
  { runner, uploadDir, uploadLimit, importDir },
) => {
  await app.register(multipart);

  app.post(
    '/jobs/:type',
    {
      schema: {
        tags,
        summary:
          'Start a job (import: multipart file upload, or JSON { path, sourceSystem?, format?, encoding?, delimiter?, mapping?, registerSystems?, chunkSize? })',
        params: JobTypeParamsSchema,
        response: { 202: EnqueuedJobSchema, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const { type } = request.params;
      const payload = request.isMultipart()
        ? type === 'import'
          ? await saveUpload(request, uploadDir, uploadLimit)
          : undefined
        : await confined(type, request.body ?? {}, importDir);
      if (payload === undefined) throw new AppError('IH_UNSUPPORTED_MEDIA_TYPE', `multipart for a ${type} job`);
      const result = await runner.enqueue(type, payload);
      return reply.code(202).send({ ...result, runner: runner.kind });
    },
  );

  app.get(
    '/jobs',
    {
      schema: {
        tags,
        summary: 'Recent jobs, newest first',
        querystring: JobListQuerySchema,
        response: { 200: JobListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({ items: await runner.list(request.query) }),
  );

  app.get(
    '/jobs/:id',
    {
      schema: {
        tags,
        summary: 'State, progress, counts and bad rows (with line numbers) of a job',
        params: JobIdParamsSchema,
        response: { 200: JobSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => found(await runner.get(request.params.id), request.params.id),
  );

  app.post(
    '/jobs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a job: a waiting one is removed, a running one stops at its next checkpoint',
        params: JobIdParamsSchema,
        response: { 200: JobSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => found(await runner.cancel(request.params.id), request.params.id),
  );

  app.post(
    '/jobs/:id/retry',
    {
      schema: {
        tags,
        summary: 'Run a failed or cancelled job again, from its last checkpoint',
        params: JobIdParamsSchema,
        response: { 200: JobSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => found(await runner.retry(request.params.id), request.params.id),
  );
};

/** An import's `path` becomes its real path inside IMPORT_DIR (other job types pass through). */
async function confined(type: string, body: unknown, importDir: string): Promise<unknown> {
  if (type !== 'import' || body === null || typeof body !== 'object') return body;
  const payload = body as Record<string, unknown>;
  return { ...payload, path: await resolveImportPath(importDir, payload['path']) };
}
