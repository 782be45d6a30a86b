/** Jobs API shapes (POST /v1/jobs/{type}, GET /v1/jobs, GET /v1/jobs/{id}, cancel, retry). */
import { Type, type Static } from 'typebox';

export const JobTypeParamsSchema = Type.Object({
  type: Type.Union([Type.Literal('import'), Type.Literal('dedupe'), Type.Literal('retrain'), Type.Literal('quality')], {
    description: 'Job type from the catalog (src/jobs/catalog.ts).',
  }),
});

export const JobIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });

export const JobListQuerySchema = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  type: Type.Optional(Type.String({ maxLength: 32 })),
});

export const RowErrorSchema = Type.Object({
  line: Type.Integer({ description: 'Line in the file (1 = CSV header, or the first NDJSON line).' }),
  sourceRecordId: Type.Optional(Type.String()),
  code: Type.String({ description: 'IH_BAD_ROW for a row that could not be read; an IH_ code from ingest otherwise.' }),
  message: Type.String(),
});

export const JobSchema = Type.Object({
  id: Type.String(),
  type: Type.String(),
  state: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('retrying'),
    Type.Literal('completed'),
    Type.Literal('failed'),
    Type.Literal('cancelled'),
  ]),
  progress: Type.Number({ minimum: 0, maximum: 100, description: 'Percent done.' }),
  counts: Type.Record(Type.String(), Type.Unknown(), {
    description: 'Import: read, created, attached, review, unchanged, failed. Other jobs: their own figures.',
  }),
  errors: Type.Array(RowErrorSchema, { description: 'Bad rows with line numbers (at most 1,000 kept).' }),
  params: Type.Record(Type.String(), Type.Unknown()),
  attempts: Type.Integer(),
  failure: Type.Union([Type.String(), Type.Null()], { description: 'Error of the last failed attempt.' }),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const EnqueuedJobSchema = Type.Object({
  id: Type.String(),
  deduplicated: Type.Boolean({ description: 'An equal job was already waiting or running: this is its id.' }),
  runner: Type.Union([Type.Literal('bullmq'), Type.Literal('inline')], {
    description: 'inline = in-process, not durable (no REDIS_URL).',
  }),
});

export const JobListSchema = Type.Object({ items: Type.Array(JobSchema) });

export type JobListQuery = Static<typeof JobListQuerySchema>;
