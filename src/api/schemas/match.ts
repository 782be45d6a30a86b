/** POST /v1/match: score a record against the stored customers without storing anything. */
import { Type } from 'typebox';
import { GoldenRecordSchema } from './customers.js';
import { ProblemSchema, RecordBodySchema } from './records.js';

export const FieldExplanationSchema = Type.Object({
  field: Type.String(),
  level: Type.String({ description: 'Comparison level, e.g. "exact", "jaro_winkler_0.92", "missing".' }),
  valueA: Type.Union([Type.String(), Type.Null()]),
  valueB: Type.Union([Type.String(), Type.Null()]),
  weight: Type.Number({
    description: 'log2 Bayes factor of the level, term-frequency adjustment included (0 when missing).',
  }),
  tfAdjustment: Type.Optional(
    Type.Number({ description: 'Part of weight from the term-frequency adjustment (a rare value counts more).' }),
  ),
  m: Type.Optional(
    Type.Union([Type.Number(), Type.Null()], { description: 'P(level | same person); null when missing.' }),
  ),
  u: Type.Optional(
    Type.Union([Type.Number(), Type.Null()], { description: 'P(level | different people); null when missing.' }),
  ),
});

export const MatchExplanationSchema = Type.Object({
  priorWeight: Type.Number(),
  fields: Type.Array(FieldExplanationSchema),
  totalWeight: Type.Number({ description: 'priorWeight + the field weights.' }),
  probability: Type.Number(),
});

export const MatchCandidateSchema = Type.Object({
  customerId: Type.String(),
  probability: Type.Number(),
  weight: Type.Number(),
  bestRecord: Type.Object({ sourceSystem: Type.String(), sourceRecordId: Type.String() }),
  explanation: MatchExplanationSchema,
  golden: GoldenRecordSchema,
});

export const MatchBodySchema = Type.Object(
  {
    record: RecordBodySchema,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);

export const MatchResponseSchema = Type.Object({
  candidates: Type.Array(MatchCandidateSchema, { description: 'Best first.' }),
  problems: Type.Array(ProblemSchema, { description: 'What standardisation found wrong with the input.' }),
});
