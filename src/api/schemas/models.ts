/** Match models (admin): the versions, which one is active, and the quality gate's report on each. */
import { Type } from 'typebox';

export const ModelSummarySchema = Type.Object({
  version: Type.Integer(),
  status: Type.Union([Type.Literal('candidate'), Type.Literal('active'), Type.Literal('retired')]),
  createdAt: Type.String({ format: 'date-time' }),
  promotedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  trainingStats: Type.Record(Type.String(), Type.Unknown(), {
    description:
      'Training sample, steward pairs, and the gate: pairs, changed, shift, agreementActive, agreementNew, passed, reason.',
  }),
});

export const ModelListSchema = Type.Object({ items: Type.Array(ModelSummarySchema) });

export const ModelVersionParamsSchema = Type.Object({ version: Type.Integer({ minimum: 1 }) });
