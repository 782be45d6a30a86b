/**
 * What upsert-core (decide) and upsert-write (write) share about a batch, in a module of its own so
 * neither imports the other's caller (the two used to import each other).
 */
import type { RecordRow } from '../../store/source-records.js';
import type { AuditInput } from '../audit.js';

/**
 * State a batch keeps across the records of one transaction: the stored rows of its records (read
 * once for the chunk, kept current as records are written) and the audit events, written in one
 * statement before commit.
 */
export interface BatchState {
  rows: Map<string, RecordRow | undefined>;
  events: AuditInput[];
}

export function refKey(ref: { sourceSystem: string; sourceRecordId: string }): string {
  return `${ref.sourceSystem}|${ref.sourceRecordId}`;
}
