/**
 * Survivorship kept incrementally. For each customer, golden attribute and distinct value (key), the
 * store keeps how many live records carry the key (n, survivorship's frequency) and its K best
 * holders. Within one key the frequency is the same for every holder, so the best holder of a key
 * is decided by trust, recency, completeness and record key alone; the attribute's winner is then
 * the best of the keys' best holders with the frequency added (golden.ts's order exactly), and its
 * rival, which names the rule, is the second key. A change touches only the keys of the changed
 * record; when every kept holder of a key leaves, that key alone is rebuilt from the records.
 *
 * Pure: the SQL lives in store/golden-values.ts.
 */
import {
  abbreviates,
  completeness,
  GOLDEN_ATTR_NAMES,
  GOLDEN_ATTRIBUTES,
  searchTextOf,
  SURVIVORSHIP_CRITERIA,
  type GoldenAttrName,
  type GoldenAttribute,
  type GoldenInput,
  type TrustRankOf,
} from './golden.js';
import type { GoldenRecord, GoldenValue } from '../types.js';

/** Holders kept per key: a key is rebuilt from the records only when all of them have left. */
export const HOLDERS_PER_KEY = 4;

/** One record holding a key: what survivorship ranks it by, and what it shows if it wins. */
export interface Holder {
  id: number;
  sys: string;
  rid: string;
  trust: number;
  /** updated_at in ms. */
  t: number;
  c: number;
  d: unknown;
  /** Search name, displayName holders only. */
  s?: string | null;
}

export interface KeyEntry {
  attr: GoldenAttrName;
  key: string;
  holder: Holder;
}

export interface KeyRow {
  attr: GoldenAttrName;
  key: string;
  n: number;
  /** Best first. */
  best: Holder[];
}

export type GoldenRecordInput = GoldenInput & { id: number };

/** The (attribute, key, holder) entries one live record contributes. */
export function entriesOf(r: GoldenRecordInput, trustOf: TrustRankOf): KeyEntry[] {
  const base = {
    id: r.id,
    sys: r.sourceSystem,
    rid: r.sourceRecordId,
    trust: trustOf(r.sourceSystem),
    t: r.updatedAt.getTime(),
    c: completeness(r.std),
  };
  const out: KeyEntry[] = [];
  for (const attr of GOLDEN_ATTR_NAMES) {
    const a = GOLDEN_ATTRIBUTES[attr] as GoldenAttribute<unknown>;
    const key = a.key(r);
    if (key === null || key === undefined) continue;
    const holder: Holder = { ...base, d: a.display(r) };
    if (attr === 'displayName') holder.s = searchTextOf(r.std);
    out.push({ attr, key, holder });
  }
  return out;
}

function compareRef(a: Holder, b: Holder): number {
  const ka = `${a.sys}\u0000${a.rid}`;
  const kb = `${b.sys}\u0000${b.rid}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Order of holders within one key (the frequency is equal there). */
export function compareHolders(a: Holder, b: Holder): number {
  return a.trust - b.trust || b.t - a.t || b.c - a.c || compareRef(a, b);
}

interface Ranked {
  trust: number;
  time: number;
  freq: number;
  complete: number;
}

const ranked = (row: KeyRow): Ranked => {
  const h = row.best[0] as Holder;
  return { trust: h.trust, time: h.t, freq: row.n, complete: h.c };
};

/** Order of keys: their best holders in golden.ts's order, frequency included. */
export function compareKeyRows(a: KeyRow, b: KeyRow): number {
  const ra = ranked(a);
  const rb = ranked(b);
  for (const [, cmp] of SURVIVORSHIP_CRITERIA) {
    const d = cmp(ra as never, rb as never);
    if (d !== 0) return d;
  }
  return compareRef(a.best[0] as Holder, b.best[0] as Holder);
}

/** Aggregates records into key rows (a full build, or the records of one split part). */
export function keyRowsOf(records: GoldenRecordInput[], trustOf: TrustRankOf): KeyRow[] {
  const rows = new Map<string, KeyRow>();
  for (const r of records) {
    for (const e of entriesOf(r, trustOf)) {
      const id = `${e.attr}\u0000${e.key}`;
      const row = rows.get(id) ?? { attr: e.attr, key: e.key, n: 0, best: [] };
      row.n += 1;
      row.best.push(e.holder);
      rows.set(id, row);
    }
  }
  for (const row of rows.values()) row.best = row.best.sort(compareHolders).slice(0, HOLDERS_PER_KEY);
  return [...rows.values()];
}

/** The winning value of one attribute from its keys (abbreviating keys already left out). */
function pick(rows: KeyRow[]): GoldenValue<unknown> | undefined {
  const live = rows.filter((r) => r.best.length > 0).sort(compareKeyRows);
  const winner = live[0];
  if (!winner) return undefined;
  const top = winner.best[0] as Holder;
  const rival = live[1];
  let rule = winner.n === 1 ? 'single' : 'consensus';
  if (rival) {
    const w = ranked(winner);
    const r = ranked(rival);
    rule = SURVIVORSHIP_CRITERIA.find(([, cmp]) => cmp(w as never, r as never) !== 0)?.[0] ?? 'stable';
  }
  return { value: top.d, sourceSystem: top.sys, sourceRecordId: top.rid, rule };
}

/** Keys of a name attribute that merely abbreviate another key of the same attribute never win. */
export function withoutAbbreviations(rows: KeyRow[]): KeyRow[] {
  const keys = rows.map((r) => r.key);
  return rows.filter((r) => !keys.some((k) => abbreviates(r.key, k)));
}

/** Whether `attr`'s keys need the abbreviation rule (display and person names). */
export function prefersSpecific(attr: GoldenAttrName): boolean {
  return (GOLDEN_ATTRIBUTES[attr] as GoldenAttribute<unknown>).preferSpecific === true;
}

/**
 * A PostgreSQL regular expression matching (with dots removed) every key that `key` abbreviates, or
 * null when `key` has no one-letter word and so abbreviates nothing.
 */
export function abbreviationPattern(key: string): string | null {
  const words = key.replace(/\./g, '').split(' ');
  if (!words.some((w) => w.length === 1)) return null;
  const esc = (w: string) => w.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return `^${words.map((w) => (w.length === 1 ? `${esc(w)}[^ ]*` : esc(w))).join(' ')}$`;
}

/**
 * The golden record and search name from the key rows of each attribute. `rowsByAttr` holds, per
 * attribute, its best keys with abbreviating keys already removed (at least the best two when the
 * attribute has two).
 */
export function goldenFromKeyRows(rowsByAttr: Map<GoldenAttrName, KeyRow[]>): {
  golden: GoldenRecord;
  searchName: string | null;
} {
  const golden: GoldenRecord = { entityType: 'person' };
  let searchName: string | null = null;
  for (const attr of GOLDEN_ATTR_NAMES) {
    const v = pick(rowsByAttr.get(attr) ?? []);
    if (v === undefined) continue;
    if (attr === 'entityType') golden.entityType = v.value as GoldenRecord['entityType'];
    else (golden as unknown as Record<string, unknown>)[attr] = v;
    if (attr === 'displayName') {
      const top = (rowsByAttr.get(attr) ?? []).filter((r) => r.best.length > 0).sort(compareKeyRows)[0];
      searchName = top?.best[0]?.s ?? null;
    }
  }
  return { golden, searchName };
}
