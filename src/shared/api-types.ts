/**
 * Response shapes of the /v1 API, taken from its TypeBox schemas (type-only imports: nothing of
 * the server ends up in a bundle): the contract the steward web page (src/ui/web) compiles against,
 * so the page breaks at compile time when the API changes, without importing the API itself.
 */
import type { Static } from 'typebox';
import type {
  AuditEventSchema,
  CustomerLookupSchema,
  CustomerSchema,
  CustomerSearchResponseSchema,
  CustomerXrefSchema,
  GoldenRecordSchema,
  SplitResultSchema,
  MergeResultSchema,
} from '../api/schemas/customers.js';
import type { FieldExplanationSchema, MatchExplanationSchema } from '../api/schemas/match.js';
import type { ProblemSchema, StoredRecordSchema } from '../api/schemas/records.js';
import type { QualityReportSchema, SourceQualitySchema } from '../api/schemas/quality.js';
import type {
  ReviewDecisionResultSchema,
  ReviewTaskPageSchema,
  ReviewTaskSchema,
} from '../api/schemas/review-tasks.js';
import type { SourceSystemSchema } from '../api/schemas/source-systems.js';

export type Customer = Static<typeof CustomerSchema>;
export type CustomerLookup = Static<typeof CustomerLookupSchema>;
export type Golden = Static<typeof GoldenRecordSchema>;
export type SearchResponse = Static<typeof CustomerSearchResponseSchema>;
export type Xref = Static<typeof CustomerXrefSchema>;
export type AuditEvent = Static<typeof AuditEventSchema>;
export type MergeResult = Static<typeof MergeResultSchema>;
export type SplitResult = Static<typeof SplitResultSchema>;
export type Explanation = Static<typeof MatchExplanationSchema>;
export type FieldExplanation = Static<typeof FieldExplanationSchema>;
export type StoredRecord = Static<typeof StoredRecordSchema>;
export type Problem = Static<typeof ProblemSchema>;
export type QualityReport = Static<typeof QualityReportSchema>;
export type SourceQuality = Static<typeof SourceQualitySchema>;
export type ReviewTask = Static<typeof ReviewTaskSchema>;
export type ReviewTaskPage = Static<typeof ReviewTaskPageSchema>;
export type DecisionResult = Static<typeof ReviewDecisionResultSchema>;
export type SourceSystem = Static<typeof SourceSystemSchema>;
