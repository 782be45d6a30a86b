/** Customers: golden records with lineage, search, records, cross-reference, history, steward actions. */
import { Type, type TSchema } from 'typebox';
import { RecordIdSchema, SystemNameSchema } from './records.js';

function goldenValue<T extends TSchema>(value: T) {
  return Type.Object({
    value,
    sourceSystem: Type.String(),
    sourceRecordId: Type.String(),
    rule: Type.String({ description: "Why this source won: 'trust' | 'recency' | 'frequency' | 'completeness'." }),
  });
}
const Str = Type.Union([Type.String(), Type.Null()]);

export const GoldenRecordSchema = Type.Object(
  {
    entityType: Type.Union([Type.Literal('person'), Type.Literal('organization')]),
    displayName: Type.Optional(goldenValue(Type.String())),
    givenName: Type.Optional(goldenValue(Type.String())),
    familyName: Type.Optional(goldenValue(Type.String())),
    organizationName: Type.Optional(goldenValue(Type.String())),
    dateOfBirth: Type.Optional(goldenValue(Type.String())),
    gender: Type.Optional(goldenValue(Type.String())),
    email: Type.Optional(goldenValue(Type.String())),
    phone: Type.Optional(goldenValue(Type.String())),
    address: Type.Optional(
      goldenValue(Type.Object({ line1: Str, line2: Str, locality: Str, region: Str, postalCode: Str, country: Str })),
    ),
    nationalId: Type.Optional(goldenValue(Type.String())),
  },
  { description: 'Survivorship result: each value names the source record it came from (lineage).' },
);

export const CustomerSchema = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('merged'), Type.Literal('retired')]),
  golden: GoldenRecordSchema,
  recordCount: Type.Integer(),
  totalValue: Type.Number(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const CustomerLookupSchema = Type.Object({
  customer: CustomerSchema,
  redirectedFrom: Type.Optional(
    Type.String({ description: 'Set when the id asked for was merged away: that id. `customer` is the survivor.' }),
  ),
});

export const CustomerIdSchema = Type.String({ minLength: 1, maxLength: 100 });
export const CustomerParamsSchema = Type.Object({ id: CustomerIdSchema });

export const CustomerSearchQuerySchema = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  email: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
  phone: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  postalCode: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Free text: name, email, phone or postcode.' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const CustomerSearchResponseSchema = Type.Object({
  items: Type.Array(Type.Object({ customer: CustomerSchema, score: Type.Number() })),
});

export const XrefSystemSchema = Type.Object({
  sourceSystem: Type.String(),
  recordIds: Type.Array(Type.String()),
  recordCount: Type.Integer(),
  totalValue: Type.Number(),
});

const Cursor = Type.String({ maxLength: 100, description: "The previous page's nextCursor." });
const NextCursor = Type.Union([Type.String(), Type.Null()], {
  description: 'Pass as `after` for the next page; null on the last page. Stable across concurrent inserts.',
});

export const CustomerXrefSchema = Type.Object({
  customerId: Type.String(),
  systems: Type.Array(XrefSystemSchema, {
    description: "Every system with its whole record count and value; recordIds holds this page's ids only.",
  }),
  recordCount: Type.Integer(),
  totalValue: Type.Number(),
  nextCursor: NextCursor,
});

export const XrefQuerySchema = Type.Object(
  {
    after: Type.Optional(Cursor),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 5000, default: 1000, description: 'Record ids per page.' }),
    ),
  },
  { additionalProperties: false },
);

export const RecordsPageQuerySchema = Type.Object(
  {
    after: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  },
  { additionalProperties: false },
);

export { NextCursor as NextCursorSchema };

export const XrefLookupSchema = Type.Object({
  customerId: Type.String(),
  sourceSystem: Type.String(),
  sourceRecordId: Type.String(),
  deleted: Type.Boolean({ description: 'The record was soft-deleted (the customer it last belonged to is given).' }),
  redirectedFrom: Type.Optional(Type.String()),
});

export const AuditEventSchema = Type.Object({
  id: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  actor: Type.Object({
    type: Type.Union([Type.Literal('source'), Type.Literal('steward'), Type.Literal('admin'), Type.Literal('system')]),
    id: Type.String(),
  }),
  action: Type.String(),
  customerId: Str,
  sourceSystem: Str,
  sourceRecordId: Str,
  reason: Str,
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export const HistoryQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  beforeId: Type.Optional(
    // Digits only and at most 15 of them, so the id is a safe integer (1.5 or 1e99 are a 400, not a 500).
    Type.String({ pattern: '^[0-9]{1,15}$', description: 'Page backwards from this event id (a positive integer).' }),
  ),
});
export const HistoryResponseSchema = Type.Object({ items: Type.Array(AuditEventSchema) });

const Reason = Type.String({ minLength: 1, maxLength: 1000, description: 'Why: kept in the audit trail.' });

export const MergeBodySchema = Type.Object(
  { otherId: CustomerIdSchema, reason: Reason },
  { additionalProperties: false },
);
export const MergeResultSchema = Type.Object({
  customer: CustomerSchema,
  mergedId: Type.String({ description: 'The id that now redirects to `customer` (the older id survives).' }),
});

export const RecordRefSchema = Type.Object(
  { sourceSystem: SystemNameSchema, sourceRecordId: RecordIdSchema },
  { additionalProperties: false },
);
export const SplitBodySchema = Type.Object(
  { recordRefs: Type.Array(RecordRefSchema, { minItems: 1, maxItems: 1000 }), reason: Reason },
  { additionalProperties: false },
);
export const SplitResultSchema = Type.Object({
  customer: CustomerSchema,
  newCustomer: Type.Object(CustomerSchema.properties, { description: 'The records split off, under a new id.' }),
});
