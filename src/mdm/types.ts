/**
 * Shapes the MDM use cases exchange with their callers (API routes, job processors, CLI).
 * Plain data, JSON-serialisable: routes map them to TypeBox response schemas one-to-one.
 */
import type { FieldExplanation, MatchExplanation } from '../match/explain.js';
import type { Problem, RawRecord, StdRecord } from '../standardize/types.js';

/** Who is acting. Every change records it in the audit trail. */
export interface Actor {
  type: 'source' | 'steward' | 'admin' | 'system';
  /** Source system name, steward key label, or a job id for the system. */
  id: string;
}

export type UpsertDecision = 'created' | 'attached' | 'review' | 'unchanged';

export interface UpsertResult {
  sourceSystem: string;
  sourceRecordId: string;
  customerId: string;
  decision: UpsertDecision;
  /** Match probability of the best candidate (null when there was none). */
  score: number | null;
  reviewTaskId?: string;
  recordVersion: number;
  problems: Problem[];
}

/** A per-record failure in a batch: the other records still go through. */
export interface UpsertFailure {
  sourceSystem: string;
  sourceRecordId: string;
  error: { code: string; message: string };
}

/** The engine's own explanation shapes: one definition, served as is by the API (schemas/match.ts). */
export type { FieldExplanation, MatchExplanation };

export interface MatchCandidate {
  customerId: string;
  probability: number;
  weight: number;
  /** The candidate customer's record that matched best. */
  bestRecord: { sourceSystem: string; sourceRecordId: string };
  explanation: MatchExplanation;
  golden: GoldenRecord;
}

/** One attribute of a golden record and where it came from. */
export interface GoldenValue<T = string> {
  value: T;
  sourceSystem: string;
  sourceRecordId: string;
  /** Why this source won: 'trust' | 'recency' | 'frequency' | 'completeness'. */
  rule: string;
}

export interface GoldenRecord {
  entityType: StdRecord['entityType'];
  displayName?: GoldenValue;
  givenName?: GoldenValue;
  familyName?: GoldenValue;
  organizationName?: GoldenValue;
  dateOfBirth?: GoldenValue;
  gender?: GoldenValue;
  email?: GoldenValue;
  phone?: GoldenValue;
  address?: GoldenValue<{
    line1: string | null;
    line2: string | null;
    locality: string | null;
    region: string | null;
    postalCode: string | null;
    country: string | null;
  }>;
  nationalId?: GoldenValue;
}

export interface Customer {
  id: string;
  status: 'active' | 'merged' | 'retired';
  golden: GoldenRecord;
  recordCount: number;
  totalValue: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** GET of an old merged id answers with the surviving customer and says so. */
export interface CustomerLookup {
  customer: Customer;
  /** Set when the requested id was merged away: the id that was asked for. */
  redirectedFrom?: string;
}

export interface StoredRecord {
  sourceSystem: string;
  sourceRecordId: string;
  customerId: string | null;
  raw: RawRecord;
  std: StdRecord;
  problems: Problem[];
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface XrefSystem {
  sourceSystem: string;
  recordIds: string[];
  recordCount: number;
  totalValue: number;
}

export interface CustomerXref {
  customerId: string;
  /** Every system with its whole count and value; recordIds holds this page's ids only. */
  systems: XrefSystem[];
  recordCount: number;
  totalValue: number;
  /** Cursor of the next page of record ids (null: this was the last). */
  nextCursor: string | null;
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actor: Actor;
  action: string;
  customerId: string | null;
  sourceSystem: string | null;
  sourceRecordId: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export interface ReviewTask {
  id: string;
  status: 'open' | 'merged' | 'separated' | 'obsolete';
  probability: number;
  weight: number;
  priorityValue: number;
  recordA: { sourceSystem: string; sourceRecordId: string; customerId: string | null };
  recordB: { sourceSystem: string; sourceRecordId: string; customerId: string | null };
  explanation: MatchExplanation;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
}

export interface RecordRef {
  sourceSystem: string;
  sourceRecordId: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
