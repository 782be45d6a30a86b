/** Hand-made StdRecords for matching tests: every field null unless given. */
import { emptyStdRecord } from '../../src/standardize/index.js';
import type { StdRecord } from '../../src/standardize/types.js';

let next = 0;

export function std(fields: Partial<StdRecord> = {}): StdRecord {
  next++;
  const base: StdRecord = {
    ...emptyStdRecord('test', String(next)),
    entityType: fields.organizationKey ? 'organization' : 'person',
  };
  const out = { ...base, ...fields };
  if (fields.dateOfBirth && fields.birthYear === undefined) {
    const [y, m, d] = fields.dateOfBirth.split('-').map(Number);
    out.birthYear = y ?? null;
    out.birthMonth = m ?? null;
    out.birthDay = d ?? null;
  }
  return out;
}
