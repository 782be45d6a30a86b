/**
 * The pure half of an upsert, done before any transaction opens (so locks are held only for I/O):
 * validate the natural key, standardise, derive blocking keys and the payload hash.
 */
import { AppError } from '../../errors.js';
import { findUnstorableText } from '../../standardize/storable-text.js';
import { CANONICAL_FIELDS, type Problem, type RawRecord, type StdRecord } from '../../standardize/types.js';
import type { MdmContext } from '../context.js';
import { blockingKeys } from '../../match/index.js';
import { standardizeRecord } from '../../standardize/index.js';
import { payloadHash, validateRef } from '../records.js';
import type { RecordRef } from '../types.js';

export interface PreparedUpsert {
  ref: RecordRef;
  raw: RawRecord;
  std: StdRecord;
  problems: Problem[];
  hash: string;
  keys: string[];
}

const DATA_FIELDS = CANONICAL_FIELDS.filter((f) => f !== 'source_system' && f !== 'source_record_id');

function hasValue(v: unknown): boolean {
  return v !== null && v !== undefined && String(v).trim() !== '';
}

export function prepareUpsert(ctx: MdmContext, raw: RawRecord): PreparedUpsert {
  if (raw === null || typeof raw !== 'object') throw new AppError('IH_VALIDATION', 'a record must be an object');
  const unstorable = findUnstorableText(raw);
  if (unstorable) {
    // A batch item or an import row: the path names the field within the record.
    const path = unstorable.pointer.slice(1);
    throw new AppError('IH_VALIDATION', `${path} ${unstorable.reason}`, {
      details: [{ path, reason: unstorable.reason }],
    });
  }
  const ref = validateRef({ sourceSystem: raw.source_system, sourceRecordId: raw.source_record_id });
  if (!DATA_FIELDS.some((f) => hasValue(raw[f]))) {
    // Almost always a mapping bug in the sender: storing it would only make an empty customer.
    throw new AppError('IH_VALIDATION', 'the record has no values: at least one canonical field must be non-empty');
  }
  const { std, problems } = standardizeRecord(raw, ctx.settings.standardize);
  return { ref, raw, std, problems, hash: payloadHash(raw), keys: blockingKeys(std) };
}

/** Lock name of the natural key: concurrent upserts of one record are serialised on it. */
export function recordLockKey(ref: RecordRef): string {
  return `record:${ref.sourceSystem}|${ref.sourceRecordId}`;
}

export async function assertSourceSystem(ctx: MdmContext, name: string): Promise<void> {
  if ((await ctx.sourceSystems.trustRank(name)) === undefined) {
    throw new AppError('IH_SOURCE_SYSTEM_NOT_FOUND', name);
  }
}
