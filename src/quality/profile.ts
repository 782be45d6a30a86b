/**
 * The live per-source data-quality profile: how many records a system sends, how many of them are
 * duplicates within that system, and what standardisation found wrong (problem codes from
 * src/standardize/codes.ts, stored per record in source_records.problems). Computed by scanning the
 * system's records (see store/quality.ts for the cost); index.ts serves stored profiles instead.
 */
import type { Database } from '../store/db.js';
import type { ProblemCode } from '../standardize/codes.js';
import { countProblemCodes, countSourceQuality, type CountedCodes, type ProblemCodeRow } from '../store/quality.js';

export interface SourceQuality {
  sourceSystem: string;
  records: number;
  customers: number;
  duplicateRecords: number;
  duplicateRate: number;
  recordsWithProblems: number;
  invalidAddresses: number;
  invalidPhones: number;
  invalidEmails: number;
  missingRequired: number;
  problems: ProblemCodeRow[];
  /** When these figures were computed. */
  computedAt: string;
  /** true: computed for this request; false: the stored profile of the last refresh. */
  live: boolean;
}

/** Which problem codes each headline figure counts. Typed as ProblemCode so a renamed code fails to compile. */
const COUNTED: Record<keyof CountedCodes, readonly ProblemCode[]> = {
  address: ['address.unparsed', 'address.postcode_invalid'],
  phone: ['phone.invalid'],
  email: ['email.invalid'],
  missingRequired: ['record.missing_name'],
};

const SAMPLE_IDS = 5;

export interface QualityContext {
  database: Pick<Database, 'db'>;
}

/** Live quality of one system. Throws nothing for an unknown system: the caller checks it exists. */
export async function sourceQuality(ctx: QualityContext, system: string, now = new Date()): Promise<SourceQuality> {
  // Two scans of the system's rows; on PostgreSQL they run side by side on two pooled connections.
  const [counts, problems] = await Promise.all([
    countSourceQuality(ctx.database.db, system, COUNTED),
    countProblemCodes(ctx.database.db, system, SAMPLE_IDS),
  ]);
  // Duplicates within the system: records that share their customer with another record of the
  // same system (unassigned records cannot be duplicates yet).
  const duplicateRecords = counts.assigned - counts.customers;
  return {
    sourceSystem: system,
    records: counts.records,
    customers: counts.customers,
    duplicateRecords,
    duplicateRate: counts.records === 0 ? 0 : duplicateRecords / counts.records,
    recordsWithProblems: counts.recordsWithProblems,
    invalidAddresses: counts.invalidAddresses,
    invalidPhones: counts.invalidPhones,
    invalidEmails: counts.invalidEmails,
    missingRequired: counts.missingRequired,
    problems,
    computedAt: now.toISOString(),
    live: true,
  };
}
