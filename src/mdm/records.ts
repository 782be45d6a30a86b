/** Row ↔ result mapping for source records, and validation / hashing of incoming payloads. */
import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import type { RawRecord } from '../standardize/types.js';
import type { RecordRow } from '../store/source-records.js';
import type { GoldenInput } from './golden/golden.js';
import type { RecordRef, StoredRecord } from './types.js';

export function toStoredRecord(row: RecordRow): StoredRecord {
  return {
    sourceSystem: row.source_system,
    sourceRecordId: row.source_record_id,
    customerId: row.customer_id,
    raw: row.raw,
    std: row.std as StoredRecord['std'],
    problems: row.problems,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at ? row.deleted_at.toISOString() : null,
  };
}

export function toGoldenInput(row: RecordRow): GoldenInput {
  return {
    sourceSystem: row.source_system,
    sourceRecordId: row.source_record_id,
    raw: row.raw,
    std: row.std as GoldenInput['std'],
    updatedAt: row.updated_at,
  };
}

export function refOf(row: RecordRow): RecordRef {
  return { sourceSystem: row.source_system, sourceRecordId: row.source_record_id };
}

/**
 * Hash of the payload with keys sorted at every level, so the same record re-sent with its fields
 * in another order is still recognised as unchanged.
 */
export function payloadHash(raw: RawRecord): string {
  return createHash('sha256').update(stableJson(raw)).digest('hex');
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

const KEY_MAX = 200;

/** The natural key must be present; everything else is the standardiser's business (problems). */
export function validateRef(ref: { sourceSystem?: unknown; sourceRecordId?: unknown }): RecordRef {
  const { sourceSystem, sourceRecordId } = ref;
  if (typeof sourceSystem !== 'string' || sourceSystem.trim() === '' || sourceSystem.length > 64) {
    throw new AppError('IH_VALIDATION', 'source_system is required (1-64 characters)');
  }
  if (typeof sourceRecordId !== 'string' || sourceRecordId.trim() === '' || sourceRecordId.length > KEY_MAX) {
    throw new AppError('IH_VALIDATION', `source_record_id is required (1-${KEY_MAX} characters)`);
  }
  return { sourceSystem, sourceRecordId };
}

export function recordNotFound(ref: RecordRef): AppError {
  return new AppError('IH_RECORD_NOT_FOUND', `${ref.sourceSystem}/${ref.sourceRecordId}`);
}
