/**
 * A pair is stored once with record_a < record_b (links, review tasks), but its evidence (the
 * engine's MatchExplanation) is computed in the order the caller had the records: `valueA` of the
 * incoming record, `valueB` of the candidate. When the ids are put in ascending order the evidence
 * must turn with them, or every explanation shows each record's values beside the other record —
 * which is what stewards were deciding on (#15.3). Comparisons are symmetric, so only the values
 * change sides; levels and weights stay.
 */
import type { JsonObject } from './schema.js';

export function swapEvidenceSides(evidence: JsonObject): JsonObject {
  const fields = evidence['fields'];
  if (!Array.isArray(fields)) return evidence;
  return {
    ...evidence,
    fields: fields.map((f) => {
      if (f === null || typeof f !== 'object' || Array.isArray(f)) return f;
      const { valueA = null, valueB = null } = f as { valueA?: unknown; valueB?: unknown };
      return { ...f, valueA: valueB, valueB: valueA } as JsonObject;
    }),
  };
}

/** The evidence as seen from (record_a, record_b) once the pair is stored in ascending id order. */
export function evidenceInStoredOrder(recordA: number, recordB: number, evidence: JsonObject): JsonObject {
  return recordA > recordB ? swapEvidenceSides(evidence) : evidence;
}
