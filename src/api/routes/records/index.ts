/**
 * Source records: upsert one, upsert a batch, read, soft-delete. Thin: validate, check ownership,
 * call mdm/, map. Each mdm/ call owns its transaction, so an error leaves nothing half-written.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deleteRecord, getRecord, type MdmContext, upsertRecord, upsertRecords } from '../../../mdm/index.js';
import type { RawRecord } from '../../../shared/canonical-record.js';
import { actorOf, assertOwnSystem, principalOf } from '../../plugins/auth.js';
import {
  BatchBodySchema,
  BatchResultSchema,
  DeleteQuerySchema,
  DeleteResultSchema,
  RecordBodySchema,
  RecordParamsSchema,
  StoredRecordSchema,
  UpsertResultSchema,
  type RecordBody,
  type RecordParams,
} from '../../schemas/records.js';
import { validationError } from '../../plugins/auth-errors.js';
import { errorResponses } from '../../schemas/common.js';

const tags = ['records'];

export const recordRoutes: FastifyPluginAsyncTypebox<{ mdm: MdmContext }> = async (app, { mdm }) => {
  app.put(
    '/records/:system/:recordId',
    {
      config: { allow: ['source'] },
      schema: {
        tags,
        summary: 'Upsert one source record',
        description:
          'Idempotent by (system, recordId). 201 when a new customer was created, 200 otherwise (attached, sent to review, or unchanged). A source key may only write its own system.',
        params: RecordParamsSchema,
        body: RecordBodySchema,
        response: { 200: UpsertResultSchema, 201: UpsertResultSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      assertOwnSystem(principal, request.params.system);
      const raw = toRawRecord(request.params, request.body);
      const result = await upsertRecord(mdm, actorOf(principal), raw);
      return reply.code(result.decision === 'created' ? 201 : 200).send(result);
    },
  );

  app.post(
    // find-my-way reads ':' as a parameter; '::' is a literal colon, so this is POST /v1/records:batch.
    '/records::batch',
    {
      // The body limit is the app's (BODY_LIMIT); 1,000 records of ~1 kB fit the 10 MB default.
      config: { allow: ['source'], textCheckedPerItem: true },
      schema: {
        tags,
        summary: 'Upsert up to 1,000 records in one call',
        description:
          'Each record gets its own result in input order; a record that fails (unknown system, bad data) does not fail the others. More than 1,000 records → 400. A source key may only send its own system (otherwise 403 and nothing is written).',
        body: BatchBodySchema,
        response: { 200: BatchResultSchema, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      for (const record of request.body.records) assertOwnSystem(principal, record.source_system);
      const results = await upsertRecords(mdm, actorOf(principal), request.body.records);
      const mapped = results.map((r) =>
        'error' in r ? { status: 'failed' as const, ...r } : { status: 'ok' as const, ...r },
      );
      const failed = mapped.filter((r) => r.status === 'failed').length;
      return { ok: mapped.length - failed, failed, results: mapped };
    },
  );

  app.get(
    '/records/:system/:recordId',
    {
      config: { allow: ['source', 'steward'] },
      schema: {
        tags,
        summary: 'Read one source record (raw, standardised, problems)',
        description: 'A source key may only read its own system. Soft-deleted records are returned with deletedAt set.',
        params: RecordParamsSchema,
        response: { 200: StoredRecordSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      assertOwnSystem(principalOf(request), request.params.system);
      return getRecord(mdm, { sourceSystem: request.params.system, sourceRecordId: request.params.recordId });
    },
  );

  app.delete(
    '/records/:system/:recordId',
    {
      // Stewards may delete (README); a source key only its own system's records.
      config: { allow: ['source', 'steward'] },
      schema: {
        tags,
        summary: 'Soft-delete one source record',
        description: 'The record leaves its customer, whose golden record is recomputed. The row stays for audit.',
        params: RecordParamsSchema,
        querystring: DeleteQuerySchema,
        response: { 200: DeleteResultSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      assertOwnSystem(principal, request.params.system);
      const ref = { sourceSystem: request.params.system, sourceRecordId: request.params.recordId };
      const { customerId } = await deleteRecord(mdm, actorOf(principal), ref, request.query.reason);
      return { deleted: true as const, customerId };
    },
  );
};

/** The path names the record; ids repeated in the body must agree with it. */
function toRawRecord(params: RecordParams, body: RecordBody): RawRecord {
  if (body.source_system !== undefined && body.source_system !== params.system) {
    throw validationError('body/source_system', 'must equal the {system} path parameter');
  }
  if (body.source_record_id !== undefined && body.source_record_id !== params.recordId) {
    throw validationError('body/source_record_id', 'must equal the {recordId} path parameter');
  }
  return { ...body, source_system: params.system, source_record_id: params.recordId };
}
