/**
 * The only door into mdm/: the use cases that routes, jobs and the CLI call, each taking the
 * context first, grouped as the folders are. Internals (prepare, upsert-core/-write, decide,
 * customer-state, tx, …) sit beside the use case that owns them and are not exported; a lint rule
 * (eslint.config.js) stops code outside mdm/ from importing anything but this file.
 */
export * from './types.js';
export { createMdmContext, type MdmConfig, type MdmContext, type MdmSettings } from './context.js';
// ingest/
export { upsertRecord, upsertRecords, deleteRecord, getRecord } from './ingest/ingest.js';
// customers/ and the audit trail
export { getCustomer, listCustomerRecords, searchCustomers, type CustomerSearch } from './customers/customers.js';
export { getCustomerXref, lookupXref } from './customers/xref.js';
export { getCustomerHistory, writeAuditEvent, writeAuditEvents } from './audit.js';
// golden/
export { computeGolden } from './golden/golden.js';
// steward/
export { mergeCustomers } from './steward/merge.js';
export { splitCustomer } from './steward/split.js';
export { listReviewTasks, getReviewTask, decideReviewTask } from './steward/review.js';
export { openReviewTasks, type ReviewPair } from './steward/review-open.js';
// dedupe/ (the nightly batch re-cluster)
export { listDedupeInput, type DedupeInput, type DedupeRecordRow } from './dedupe/dedupe-input.js';
export { mergeClusterCustomers } from './dedupe/merge-cluster.js';
export { reclusterRecords, type DedupeCounts, type ReclusterCheckpoint } from './dedupe/recluster.js';
// matching/
export { matchRecord } from './matching/match.js';
export { retrainModel, type RetrainOptions, type RetrainResult } from './matching/retrain.js';
export { listModels, promoteModelVersion, type ModelSummary } from './matching/models.js';
export { settleAutoTrain } from './matching/auto-train.js';
// data quality (src/quality: per-source profiles, a peer of mdm/ with the same door)
export {
  qualityReport,
  readSourceQuality,
  refreshQualitySummaries,
  type QualityReport,
  type SourceQuality,
} from '../quality/index.js';
// admin/
export { checkDatabase } from './admin/health.js';
export {
  createAuthenticator,
  generateApiKey,
  hashApiKey,
  type Authenticator,
  type AuthenticatorOptions,
  type Principal,
  type Role,
} from './admin/auth.js';
export {
  createSourceSystem,
  getSourceSystem,
  listSourceSystems,
  resolveSourceSystems,
  type NewSourceSystem,
  type SourceSystem,
} from './admin/source-systems.js';
export { matchSourceSystem, missingSystemsMessage, slugFor, type KnownSystem } from './admin/source-system-names.js';
// what the edges need to translate errors and refuse input that the store cannot hold
export { isDatabaseUnavailable } from '../store/db-errors.js';
export { findUnstorableText, type UnstorableText } from '../standardize/storable-text.js';
