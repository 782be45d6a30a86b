/**
 * The steward rules of a batch re-cluster: the customers whose records cluster together become one
 * (mergeCustomers: the older id survives, audited), except across a steward's "separate" between
 * any of their records, checked against current ids right before each merge.
 */
import { resolveCustomer } from '../../store/customers.js';
import { customersSeparatedBySteward } from '../../store/dedupe-scan.js';
import type { MdmContext } from '../context.js';
import { mergeCustomers } from '../steward/merge.js';
import type { Actor } from '../types.js';

export async function mergeClusterCustomers(
  ctx: MdmContext,
  actor: Actor,
  customerIds: readonly string[],
  reason: string,
): Promise<{ merges: number; skipped: number }> {
  const db = ctx.database.db;
  const ids = [...new Set(customerIds)].sort();
  let merges = 0;
  let skipped = 0;
  for (const other of ids.slice(1)) {
    // Current ids: an earlier merge (this cluster or another) may have redirected either side.
    const [a, b] = await Promise.all([resolveCustomer(db, ids[0] as string), resolveCustomer(db, other)]);
    if (!a || !b || a.id === b.id) continue;
    if (await customersSeparatedBySteward(db, a.id, b.id)) {
      skipped += 1;
      continue;
    }
    try {
      await mergeCustomers(ctx, actor, a.id, b.id, reason);
      merges += 1;
    } catch (err) {
      // Changed meanwhile (a concurrent steward action): the next run sees the new state.
      ctx.logger.warn({ err, customerId: a.id, otherCustomerId: b.id }, 'dedupe merge skipped');
    }
  }
  return { merges, skipped };
}
