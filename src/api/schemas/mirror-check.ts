/**
 * Compile-time proof that the response schemas mirror the MDM result types field for field.
 * Fastify's serializer silently drops properties a response schema does not declare, so a field
 * added to src/mdm/types.ts (or StdRecord) without its schema would vanish from the API: this file
 * stops that at `tsc`. Nothing here runs.
 */
import type { Static } from 'typebox';
import type {
  AuditEvent,
  Customer,
  CustomerLookup,
  CustomerXref,
  lookupXref,
  MatchCandidate,
  QualityReport,
  ReviewTask,
  SourceQuality,
  SourceSystem,
  StoredRecord,
  UpsertFailure,
  UpsertResult,
} from '../../mdm/index.js';
import type { StdRecord } from '../../shared/canonical-record.js';
import type {
  AuditEventSchema,
  CustomerLookupSchema,
  CustomerSchema,
  CustomerXrefSchema,
  XrefLookupSchema,
} from './customers.js';
import type { MatchCandidateSchema } from './match.js';
import type { QualityReportSchema, SourceQualitySchema } from './quality.js';
import type { StoredRecordSchema, UpsertFailureSchema, UpsertResultSchema } from './records.js';
import type { ReviewTaskSchema } from './review-tasks.js';
import type { SourceSystemSchema } from './source-systems.js';
import type { StdRecordSchema } from './std-record.js';

/** true when every key of T is declared by the schema type S, and S's values accept T's. */
type Covers<S, T> = [Exclude<keyof T, keyof S>] extends [never] ? (T extends S ? true : false) : false;

export type MirrorChecks = [
  Expect<Covers<Static<typeof StdRecordSchema>, StdRecord>>,
  Expect<Covers<Static<typeof UpsertResultSchema>, UpsertResult>>,
  Expect<Covers<Static<typeof UpsertFailureSchema>, UpsertFailure>>,
  Expect<Covers<Static<typeof StoredRecordSchema>, StoredRecord>>,
  Expect<Covers<Static<typeof CustomerSchema>, Customer>>,
  Expect<Covers<Static<typeof CustomerLookupSchema>, CustomerLookup>>,
  Expect<Covers<Static<typeof CustomerXrefSchema>, CustomerXref>>,
  Expect<Covers<Static<typeof XrefLookupSchema>, Awaited<ReturnType<typeof lookupXref>>>>,
  Expect<Covers<Static<typeof AuditEventSchema>, AuditEvent>>,
  Expect<Covers<Static<typeof MatchCandidateSchema>, MatchCandidate>>,
  Expect<Covers<Static<typeof ReviewTaskSchema>, ReviewTask>>,
  Expect<Covers<Static<typeof SourceSystemSchema>, SourceSystem>>,
  Expect<Covers<Static<typeof SourceQualitySchema>, SourceQuality>>,
  Expect<Covers<Static<typeof QualityReportSchema>, QualityReport>>,
];
type Expect<T extends true> = T;
