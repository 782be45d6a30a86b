/**
 * The golden record and counters of customers, kept in step with their records per change.
 *
 * `applyRecordChanges` is the one door for "these records changed (created, updated, moved,
 * deleted): bring their customers' golden records and counters up to date". It costs the changed
 * records' keys, not the customer's size: it moves the keys' frequencies and holder lists, the
 * per-system totals and the counters by a delta, and re-reads only the best few keys of each
 * attribute. A customer whose state was never built (created by a bulk load, or before 0007) is
 * built once from its records. Survivorship is golden.ts's, exactly (see golden-holders.ts).
 *
 * Locking: the customer rows are locked (id order) before anything else of theirs is written, so
 * writers of one customer queue only for that short step, and the winner is read after the lock,
 * seeing every committed change.
 */
import type { Transaction } from 'kysely';
import { AppError } from '../../errors.js';
import {
  addToKeys,
  addTotals,
  clearGoldenState,
  countLiveBySystem,
  findAbbreviatingKeys,
  findAttrKeys,
  findTopKeys,
  lockCustomers,
  removeFromKeys,
  replaceKeys,
  writeCustomerGolden,
  type KeyAddition,
  type KeyRemoval,
  type StoredKeyRow,
  type TotalsDelta,
} from '../../store/golden-values.js';
import type { CustomerRow, DB } from '../../store/schema.js';
import { listLiveRecordsOfCustomers, type RecordRow } from '../../store/source-records.js';
import type { AuditInput } from '../audit.js';
import type { MdmContext } from '../context.js';
import { computeGolden, GOLDEN_ATTR_NAMES, searchNameOf, type GoldenAttrName, type TrustRankOf } from './golden.js';
import {
  abbreviationPattern,
  compareHolders,
  entriesOf,
  goldenFromKeyRows,
  HOLDERS_PER_KEY,
  keyRowsOf,
  prefersSpecific,
  withoutAbbreviations,
  type Holder,
  type KeyRow,
} from './golden-holders.js';
import { toGoldenInput } from '../records.js';
import { VersionConflict } from '../tx.js';
import type { GoldenRecord } from '../types.js';

/** Keys read per attribute to find the winner and its rival (more only if abbreviations hide them). */
const TOP_KEYS = 6;

export interface RecordChange {
  /** The record as it was (undefined: new). */
  before?: RecordRow | undefined;
  /** The record as it is now (undefined: gone). */
  after?: RecordRow | undefined;
}

export interface CustomerChanges {
  rows: Map<string, CustomerRow>;
  events: AuditInput[];
}

function liveIn(r: RecordRow | undefined): string | null {
  return r && r.deleted_at === null && r.customer_id ? r.customer_id : null;
}

const input = (r: RecordRow) => ({ ...toGoldenInput(r), id: r.id });

/**
 * Applies record changes to their customers' golden records and counters (inside the caller's
 * transaction, after the records were written). Returns the new customer rows and an audit event
 * per customer. A customer the records now point at must not have been merged away meanwhile
 * (VersionConflict: the caller's transaction is retried and decides again).
 */
export async function applyRecordChanges(
  trx: Transaction<DB>,
  ctx: MdmContext,
  changes: RecordChange[],
  reason: string | null = null,
): Promise<CustomerChanges> {
  const ids = [...new Set(changes.flatMap((c) => [liveIn(c.before), liveIn(c.after)]).filter((x) => x !== null))];
  const locked = await lockOrThrow(trx, ids);
  for (const c of changes) {
    const target = liveIn(c.after);
    if (target && locked.get(target)?.status === 'merged') throw new VersionConflict(`customer ${target}`);
  }
  const toBuild = ids.filter((id) => !locked.get(id)?.golden_ready);
  const ready = new Set(ids.filter((id) => locked.get(id)?.golden_ready));
  const delta = new Deltas(ctx.sourceSystems.trustOf);
  for (const c of changes) {
    if (c.before && ready.has(liveIn(c.before) ?? '')) delta.remove([c.before]);
    if (c.after && ready.has(liveIn(c.after) ?? '')) delta.add([c.after]);
  }
  await delta.write(trx, ctx);
  await buildGoldenState(trx, ctx, toBuild);
  const out: CustomerChanges = { rows: new Map(), events: [] };
  for (const id of ids) {
    const before = locked.get(id) as CustomerRow;
    const counters = ready.has(id) ? delta.countersOf(id) : 'recount';
    const after = await writeCustomerGolden(trx, id, await readGolden(trx, id), counters);
    out.rows.set(id, after);
    out.events.push(customerEvent(before, after, reason));
  }
  return out;
}

export async function lockOrThrow(trx: Transaction<DB>, ids: string[]): Promise<Map<string, CustomerRow>> {
  const locked = new Map((await lockCustomers(trx, ids)).map((r) => [r.id, r]));
  for (const id of ids) if (!locked.has(id)) throw new AppError('IH_CUSTOMER_NOT_FOUND', id);
  return locked;
}

export function customerEvent(before: CustomerRow, after: CustomerRow, reason: string | null): AuditInput {
  return {
    action: after.status === 'retired' && before.status !== 'retired' ? 'customer.retired' : 'customer.updated',
    customerId: after.id,
    reason,
    before: { version: before.version, status: before.status, recordCount: before.record_count, golden: before.golden },
    after: { version: after.version, status: after.status, recordCount: after.record_count, golden: after.golden },
  };
}

/** The per-key, per-system and per-customer deltas of a set of record changes, written set-based. */
export class Deltas {
  private readonly removals = new Map<string, KeyRemoval>();
  private readonly additions = new Map<string, KeyAddition>();
  private readonly totals = new Map<string, TotalsDelta>();

  constructor(private readonly trustOf: TrustRankOf) {}

  remove(records: RecordRow[]): void {
    for (const r of records) {
      const customerId = r.customer_id as string;
      for (const e of entriesOf(input(r), this.trustOf)) {
        const id = `${customerId}\u0000${e.attr}\u0000${e.key}`;
        const op = this.removals.get(id) ?? { customerId, attr: e.attr, key: e.key, count: 0, dropIds: [] };
        op.count += 1;
        op.dropIds.push(r.id);
        this.removals.set(id, op);
      }
      this.total(customerId, r.source_system, -1, -(r.annual_value ?? 0));
    }
  }

  add(records: RecordRow[]): void {
    for (const r of records) {
      const customerId = r.customer_id as string;
      for (const e of entriesOf(input(r), this.trustOf)) {
        const id = `${customerId}\u0000${e.attr}\u0000${e.key}`;
        const op = this.additions.get(id) ?? { customerId, attr: e.attr, key: e.key, count: 0, holders: [] };
        op.count += 1;
        op.holders.push(e.holder);
        this.additions.set(id, op);
      }
      this.total(customerId, r.source_system, 1, r.annual_value ?? 0);
    }
  }

  private total(customerId: string, sourceSystem: string, count: number, value: number): void {
    const id = `${customerId}\u0000${sourceSystem}`;
    const t = this.totals.get(id) ?? { customerId, sourceSystem, count: 0, value: 0 };
    t.count += count;
    t.value += value;
    this.totals.set(id, t);
  }

  countersOf(customerId: string): { count: number; value: number } {
    let count = 0;
    let value = 0;
    for (const t of this.totals.values()) {
      if (t.customerId !== customerId) continue;
      count += t.count;
      value += t.value;
    }
    return { count, value };
  }

  /** Removals first (they may empty a key's holder list, which is then rebuilt), then additions. */
  async write(trx: Transaction<DB>, ctx: MdmContext): Promise<void> {
    const emptied = await removeFromKeys(trx, [...this.removals.values()]);
    for (const a of this.additions.values()) (a.holders as Holder[]).sort(compareHolders);
    await addToKeys(trx, [...this.additions.values()], HOLDERS_PER_KEY);
    await addTotals(trx, [...this.totals.values()]);
    await rebuildKeys(trx, ctx, emptied);
  }
}

/**
 * Keys left with records but none of their kept holders: rebuilt from the customer's live records.
 * Rare (every kept holder of the key left without a new one arriving), and the one place that reads
 * a customer's records on a change.
 */
async function rebuildKeys(
  trx: Transaction<DB>,
  ctx: MdmContext,
  keys: Array<{ customer_id: string; attr: string; key: string }>,
): Promise<void> {
  if (keys.length === 0) return;
  const wanted = new Set(keys.map((k) => `${k.customer_id}\u0000${k.attr}\u0000${k.key}`));
  const customers = [...new Set(keys.map((k) => k.customer_id))];
  const rows: StoredKeyRow[] = [];
  for (const customerId of customers) {
    const records = await listLiveRecordsOfCustomers(trx, [customerId]);
    for (const row of keyRowsOf(records.map(input), ctx.sourceSystems.trustOf)) {
      if (wanted.has(`${customerId}\u0000${row.attr}\u0000${row.key}`)) rows.push({ customer_id: customerId, ...row });
    }
  }
  await replaceKeys(trx, rows);
}

/** Builds golden_values and customer_system_totals of customers from their live records. */
export async function buildGoldenState(trx: Transaction<DB>, ctx: MdmContext, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await clearGoldenState(trx, ids);
  await writeGoldenStateOf(trx, ctx, await listLiveRecordsOfCustomers(trx, ids));
}

/**
 * Writes the golden state of customers whose live records are exactly `records` (grouped by
 * customer_id, already stored with that customer_id) into empty state: plain inserts, no merging.
 */
export async function writeGoldenStateOf(trx: Transaction<DB>, ctx: MdmContext, records: RecordRow[]): Promise<void> {
  const byCustomer = new Map<string, RecordRow[]>();
  for (const r of records)
    byCustomer.set(r.customer_id as string, [...(byCustomer.get(r.customer_id as string) ?? []), r]);
  const rows: StoredKeyRow[] = [];
  for (const [customerId, recs] of byCustomer) {
    for (const row of keyRowsOf(recs.map(input), ctx.sourceSystems.trustOf))
      rows.push({ customer_id: customerId, ...row });
  }
  await replaceKeys(trx, rows);
  // Totals summed by the database (numeric, exact), not in floating point.
  const totals = await countLiveBySystem(trx, [...byCustomer.keys()]);
  await addTotals(
    trx,
    totals.map((t) => ({
      customerId: t.customer_id,
      sourceSystem: t.source_system,
      count: t.record_count,
      value: t.total_value as unknown as number,
    })),
  );
}

/** The golden record and search name of a customer from its stored keys (the best few per attribute). */
export async function readGolden(
  trx: Transaction<DB>,
  id: string,
): Promise<{ golden: GoldenRecord; displayName: string | null; searchName: string | null }> {
  const top = await findTopKeys(trx, id, GOLDEN_ATTR_NAMES, TOP_KEYS);
  const byAttr = new Map<GoldenAttrName, KeyRow[]>();
  for (const r of top) {
    const attr = r.attr as GoldenAttrName;
    byAttr.set(attr, [...(byAttr.get(attr) ?? []), { attr, key: r.key, n: r.n, best: r.best as Holder[] }]);
  }
  const candidates = [...byAttr.values()].flat().flatMap((r) => {
    const pattern = prefersSpecific(r.attr) ? abbreviationPattern(r.key) : null;
    return pattern ? [{ attr: r.attr, key: r.key, pattern }] : [];
  });
  const hidden = new Set((await findAbbreviatingKeys(trx, id, candidates)).map((r) => `${r.attr}\u0000${r.key}`));
  for (const [attr, rows] of byAttr) {
    const kept = rows.filter((r) => !hidden.has(`${attr}\u0000${r.key}`));
    if (kept.length < 2 && rows.length === TOP_KEYS) {
      // Abbreviations hid the winner or its rival among the best few: read the whole attribute.
      const all = (await findAttrKeys(trx, id, attr)).map((r) => ({
        attr,
        key: r.key,
        n: r.n,
        best: r.best as Holder[],
      }));
      byAttr.set(attr, withoutAbbreviations(all));
    } else byAttr.set(attr, kept);
  }
  const { golden, searchName } = goldenFromKeyRows(byAttr);
  return { golden, displayName: golden.displayName?.value ?? null, searchName };
}

/** Survivorship over the records themselves: the reference the incremental state must equal. */
export function recomputedGolden(
  records: RecordRow[],
  trustOf: TrustRankOf,
): {
  golden: GoldenRecord;
  searchName: string | null;
} {
  const inputs = records.map(toGoldenInput);
  const golden = computeGolden(inputs, trustOf);
  return { golden, searchName: searchNameOf(inputs, golden) };
}
