/**
 * What a source-system key may read of data that other systems sent (#15.9). The rule, applied on
 * every read route: a source system sees the customer (golden record, cross-reference) and other
 * systems' record references (system, record id), never their payloads — raw record, standardised
 * form, problems, or the before/after of their audit events. Stewards and admins see everything.
 * `GET /v1/records/{other}/{id}` is already a 403 (assertOwnSystem); these cover the lists.
 */
import type { Principal } from '../../mdm/index.js';

function foreign(principal: Principal, sourceSystem: string | null): boolean {
  return principal.role === 'source' && sourceSystem !== null && sourceSystem !== principal.sourceSystem;
}

/** A customer's records: a source key gets its own system's in full; the others are in /xref. */
export function ownRecordsOnly<R extends { sourceSystem: string }>(principal: Principal, records: R[]): R[] {
  return records.filter((r) => !foreign(principal, r.sourceSystem));
}

/** Audit events of another system's records keep their references and lose their payloads. */
export function withoutForeignPayloads<E extends { sourceSystem: string | null; before: unknown; after: unknown }>(
  principal: Principal,
  events: E[],
): E[] {
  return events.map((e) => (foreign(principal, e.sourceSystem) ? { ...e, before: null, after: null } : e));
}

/** Match explanations: the stored side's values of another system's record are not shown. */
export function withoutForeignValues<
  C extends { bestRecord: { sourceSystem: string }; explanation: { fields: Array<{ valueB: string | null }> } },
>(principal: Principal, candidates: C[]): C[] {
  return candidates.map((c) =>
    foreign(principal, c.bestRecord.sourceSystem)
      ? { ...c, explanation: { ...c.explanation, fields: c.explanation.fields.map((f) => ({ ...f, valueB: null })) } }
      : c,
  );
}
