/** Steward review queue: uncertain matches waiting for a merge/separate decision. */
import { Type } from 'typebox';
import { CustomerSchema } from './customers.js';
import { MatchExplanationSchema } from './match.js';
import { SystemNameSchema } from './records.js';

const RecordSide = Type.Object({
  sourceSystem: Type.String(),
  sourceRecordId: Type.String(),
  customerId: Type.Union([Type.String(), Type.Null()]),
});

export const ReviewTaskSchema = Type.Object({
  id: Type.String(),
  status: Type.Union([
    Type.Literal('open'),
    Type.Literal('merged'),
    Type.Literal('separated'),
    Type.Literal('obsolete'),
  ]),
  probability: Type.Number(),
  weight: Type.Number(),
  priorityValue: Type.Number({ description: 'Customer value at stake, for sort=value.' }),
  recordA: RecordSide,
  recordB: RecordSide,
  explanation: MatchExplanationSchema,
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
});

export const ReviewTaskStatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('merged'),
  Type.Literal('separated'),
  Type.Literal('obsolete'),
]);

export const ReviewTaskListQuerySchema = Type.Object({
  status: Type.Optional(Type.Union([ReviewTaskStatusSchema], { default: 'open' })),
  sort: Type.Optional(
    Type.Union([Type.Literal('score'), Type.Literal('value')], {
      default: 'score',
      description: 'score: most uncertain / highest probability first; value: highest customer value first.',
    }),
  ),
  sourceSystem: Type.Optional(SystemNameSchema),
  minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  maxScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

export const ReviewTaskPageSchema = Type.Object({
  items: Type.Array(ReviewTaskSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const ReviewTaskParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const ReviewDecisionBodySchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('merge'), Type.Literal('separate')]),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

export const ReviewDecisionResultSchema = Type.Object({ task: ReviewTaskSchema, customer: CustomerSchema });
