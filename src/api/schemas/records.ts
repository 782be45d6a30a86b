/**
 * Source records: the canonical record in (RawRecord), the upsert results out, the stored form.
 * Mirrors src/standardize/types.ts and src/mdm/types.ts one-to-one; response schemas must list every
 * field, because Fastify's serializer drops properties a schema does not declare.
 */
import { Type, type Static } from 'typebox';
import { CANONICAL_FIELDS } from '../../shared/canonical-record.js';
import { StdRecordSchema } from './std-record.js';

/** Source system names and record ids travel in URLs: keep them URL- and log-safe. */
export const SystemNameSchema = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
  description: 'Source system name, e.g. "crm" or "billing_eu".',
});
export const RecordIdSchema = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'Record id in its source system.',
});

const FieldValue = Type.Union([Type.String({ maxLength: 1000 }), Type.Null()]);
const recordFieldProperties = Object.fromEntries(
  CANONICAL_FIELDS.filter((f) => f !== 'source_system' && f !== 'source_record_id').map((f) => [
    f,
    Type.Optional(FieldValue),
  ]),
) as Record<
  Exclude<(typeof CANONICAL_FIELDS)[number], 'source_system' | 'source_record_id'>,
  ReturnType<typeof Type.Optional<typeof FieldValue>>
>;

const ExtraSchema = Type.Record(Type.String(), Type.String({ maxLength: 1000 }), {
  description: 'Attributes outside the canonical record, kept as sent.',
});

/** Body of PUT /v1/records/{system}/{recordId}: the ids come from the path (if repeated here they must agree). */
export const RecordBodySchema = Type.Object(
  {
    source_system: Type.Optional(SystemNameSchema),
    source_record_id: Type.Optional(RecordIdSchema),
    ...recordFieldProperties,
    extra: Type.Optional(ExtraSchema),
  },
  { additionalProperties: false, description: 'A canonical record; every field may be empty.' },
);
export type RecordBody = Static<typeof RecordBodySchema>;

/** A complete raw record (batch items, match input and stored raw payloads carry their own ids). */
export const RawRecordSchema = Type.Object(
  {
    source_system: SystemNameSchema,
    source_record_id: RecordIdSchema,
    ...recordFieldProperties,
    extra: Type.Optional(ExtraSchema),
  },
  { additionalProperties: false },
);

export const ProblemSchema = Type.Object({
  code: Type.String({ description: 'Stable dotted code, e.g. "address.postcode_invalid".' }),
  field: Type.String(),
  value: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
});

export const UpsertResultSchema = Type.Object({
  sourceSystem: Type.String(),
  sourceRecordId: Type.String(),
  customerId: Type.String(),
  decision: Type.Union(
    [Type.Literal('created'), Type.Literal('attached'), Type.Literal('review'), Type.Literal('unchanged')],
    {
      description:
        'created: a new customer; attached: joined an existing customer (or updated in place); review: kept apart, a review task was opened; unchanged: identical payload, nothing written.',
    },
  ),
  score: Type.Union([Type.Number(), Type.Null()], { description: 'Match probability of the best candidate.' }),
  reviewTaskId: Type.Optional(Type.String()),
  recordVersion: Type.Integer(),
  problems: Type.Array(ProblemSchema),
});

export const UpsertFailureSchema = Type.Object({
  sourceSystem: Type.String(),
  sourceRecordId: Type.String(),
  error: Type.Object({ code: Type.String(), message: Type.String() }),
});

export const MAX_BATCH_RECORDS = 1000;

export const BatchBodySchema = Type.Object(
  {
    records: Type.Array(RawRecordSchema, {
      minItems: 1,
      maxItems: MAX_BATCH_RECORDS,
      description: `Up to ${MAX_BATCH_RECORDS} records; a source key may only send its own system's records.`,
    }),
  },
  { additionalProperties: false },
);

export const BatchResultSchema = Type.Object({
  ok: Type.Integer({ description: 'Records upserted.' }),
  failed: Type.Integer({ description: 'Records refused (see their error); the others went through.' }),
  results: Type.Array(
    Type.Union([
      Type.Object({ status: Type.Literal('ok'), ...UpsertResultSchema.properties }),
      Type.Object({ status: Type.Literal('failed'), ...UpsertFailureSchema.properties }),
    ]),
    { description: 'One entry per input record, in input order.' },
  ),
});

export const RecordParamsSchema = Type.Object({ system: SystemNameSchema, recordId: RecordIdSchema });
export type RecordParams = Static<typeof RecordParamsSchema>;

export const DeleteQuerySchema = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) });
export const DeleteResultSchema = Type.Object({
  deleted: Type.Literal(true),
  customerId: Type.Union([Type.String(), Type.Null()], {
    description: 'The customer the record belonged to (its golden record was recomputed), or null.',
  }),
});

export const StoredRecordSchema = Type.Object({
  sourceSystem: Type.String(),
  sourceRecordId: Type.String(),
  customerId: Type.Union([Type.String(), Type.Null()]),
  raw: Type.Record(Type.String(), Type.Unknown()),
  std: StdRecordSchema,
  problems: Type.Array(ProblemSchema),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  deletedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
