/**
 * The canonical record (DESIGN.md "Canonical record"): its field list and shapes, shared by the
 * edges (API schemas, the web page, job payloads) without importing the standardisation engine.
 */
export { CANONICAL_FIELDS, type RawRecord, type StdRecord } from '../standardize/types.js';
