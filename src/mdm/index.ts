/** The MDM use cases: what routes, jobs and the CLI call. Every function takes the context first. */
export * from './types.js';
export { createMdmContext, type MdmConfig, type MdmContext, type MdmSettings } from './context.js';
export { upsertRecord, upsertRecords, deleteRecord, getRecord } from './ingest/ingest.js';
export { getCustomerHistory, writeAuditEvent, writeAuditEvents } from './audit.js';
export { computeGolden } from './golden/golden.js';
export { getCustomer, listCustomerRecords, searchCustomers, type CustomerSearch } from './customers/customers.js';
export { getCustomerXref, lookupXref } from './customers/xref.js';
export { mergeCustomers } from './steward/merge.js';
export { splitCustomer } from './steward/split.js';
export { listReviewTasks, getReviewTask, decideReviewTask } from './steward/review.js';
export { matchRecord } from './matching/match.js';
