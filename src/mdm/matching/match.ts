/**
 * "Who would this record match?" without storing anything: the same standardise → block → score
 * steps as an upsert, answered as the best record per candidate customer with its explanation.
 */
import type { Problem, RawRecord } from '../../standardize/types.js';
import { findCandidateRecords } from '../../store/blocking-keys.js';
import { findCustomers } from '../../store/customers.js';
import type { MdmContext } from '../context.js';
import { bestPerCustomer } from '../ingest/decide.js';
import { blockingKeys, explainPair, judgePair } from '../../match/index.js';
import { standardizeRecord } from '../../standardize/index.js';
import type { GoldenRecord, MatchCandidate } from '../types.js';

export async function matchRecord(
  ctx: MdmContext,
  raw: RawRecord,
  opts: { limit: number },
): Promise<{ candidates: MatchCandidate[]; problems: Problem[] }> {
  const { std, problems } = standardizeRecord(
    { ...raw, source_system: raw.source_system ?? 'match', source_record_id: raw.source_record_id ?? 'match' },
    ctx.settings.standardize,
  );
  const active = await ctx.models.current();
  const rows = await findCandidateRecords(ctx.database.db, {
    keys: blockingKeys(std),
    maxBlockSize: ctx.settings.matchMaxBlockSize,
    limit: ctx.settings.matchMaxCandidates,
    excludeIds: [],
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const scored = rows.map((r) => ({
    recordId: r.id,
    customerId: r.customer_id as string,
    sourceSystem: r.source_system,
    sourceRecordId: r.source_record_id,
    ...judgePair(active.model, std, r.std as typeof std),
  }));
  const top = bestPerCustomer(scored).slice(0, opts.limit);
  const customers = new Map(
    (
      await findCustomers(
        ctx.database.db,
        top.map((c) => c.customerId),
      )
    ).map((c) => [c.id, c]),
  );
  const candidates = top.map((c) => ({
    customerId: c.customerId,
    probability: c.probability,
    weight: c.weight,
    bestRecord: { sourceSystem: c.sourceSystem, sourceRecordId: c.sourceRecordId },
    explanation: explainPair(active.model, std, byId.get(c.recordId)?.std as typeof std),
    golden: (customers.get(c.customerId)?.golden ?? { entityType: std.entityType }) as unknown as GoldenRecord,
  }));
  return { candidates, problems };
}
