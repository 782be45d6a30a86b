/** The MDM use cases: what routes, jobs and the CLI call. Every function takes the context first. */
export * from './types.js';
export { createMdmContext, type MdmConfig, type MdmContext, type MdmSettings } from './context.js';
export { upsertRecord, upsertRecords, deleteRecord, getRecord } from './ingest.js';
export { getCustomerHistory, writeAuditEvent, writeAuditEvents } from './audit.js';
export { computeGolden } from './golden.js';
export { getCustomer, listCustomerRecords, searchCustomers, type CustomerSearch } from './customers.js';
export { getCustomerXref, lookupXref } from './xref.js';
export { mergeCustomers } from './merge.js';
export { splitCustomer } from './split.js';
export { listReviewTasks, getReviewTask, decideReviewTask } from './review.js';
export { matchRecord } from './match.js';
