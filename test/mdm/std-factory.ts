/** Small factory for StdRecords in pure tests: every field missing unless given. */
import { emptyStdRecord } from '../../src/standardize/index.js';
import type { RawRecord, StdRecord } from '../../src/standardize/types.js';
import type { GoldenInput } from '../../src/mdm/golden/golden.js';

export function makeStd(over: Partial<StdRecord> = {}): StdRecord {
  return { ...emptyStdRecord('crm', '1'), ...over };
}

export function goldenInput(
  sourceSystem: string,
  sourceRecordId: string,
  std: Partial<StdRecord>,
  updatedAt: string,
  raw: Partial<RawRecord> = {},
): GoldenInput {
  return {
    sourceSystem,
    sourceRecordId,
    raw: { source_system: sourceSystem, source_record_id: sourceRecordId, ...raw },
    std: makeStd({ sourceSystem, sourceRecordId, ...std }),
    updatedAt: new Date(updatedAt),
  };
}
