/**
 * Blocking: rules turn a standardised record into keys; records sharing a key become candidate pairs.
 * A block larger than `maxBlockSize` (a "smith|2000", a shared office phone) does not produce all its
 * pairs: it falls back to a sorted neighbourhood (records sorted by name and address, each paired
 * with the next `window`), so pair count stays linear in the block size.
 *
 * The cap is 2 × window + 1, so a record gets at most about `window` pairs from one rule whatever
 * the block's size: all pairs below the cap, `window` neighbours above it. Rules keyed on common
 * values (name + birth year, name + town) have blocks that grow with the data; with the former cap of
 * 100 they produced 14.5 pairs per record at 100k and 27.2 at 1M generated records. Measured on the
 * generated sets (`npm run bench -- dedupe --completeness`): cap 21 gives 9.2 pairs per record at
 * 100k and 16.8 at 1M, pairs completeness 0.854 and 0.781 (was 0.879 and 0.810), and the pairs the
 * cap drops are mostly pairs inside large entities that clustering still joins through other links.
 */
import type { StdRecord } from '../standardize/types.js';
import type { PairList } from './score.js';
import { DEFAULT_BLOCKING_RULES, type BlockingRule } from './settings.js';

export interface BlockingOptions {
  rules?: readonly BlockingRule[];
  maxBlockSize?: number;
  window?: number;
}

export interface RuleStats {
  rule: string;
  blocks: number;
  oversizedBlocks: number;
  pairs: number;
}

export interface CandidatePairs extends PairList {
  /** Bit r set when rule r produced the pair. */
  ruleMask: Uint16Array;
  rules: readonly BlockingRule[];
  stats: RuleStats[];
}

/** Blocking keys of one record ("rule:key"), e.g. to store in an indexed table for real-time look-up. */
export function blockingKeys(std: StdRecord, rules: readonly BlockingRule[] = DEFAULT_BLOCKING_RULES): string[] {
  const keys: string[] = [];
  for (const rule of rules) {
    const k = rule.key(std);
    if (k !== null && k !== '') keys.push(`${rule.name}:${k}`);
  }
  return keys;
}

/** Grows a Float64Array in chunks, so millions of pair codes never sit in a JS array. */
class CodeBuffer {
  private chunks: Float64Array[] = [];
  private current = new Float64Array(1 << 16);
  private used = 0;
  length = 0;
  push(v: number): void {
    if (this.used === this.current.length) {
      this.chunks.push(this.current);
      this.current = new Float64Array(Math.min(this.current.length * 2, 1 << 22));
      this.used = 0;
    }
    this.current[this.used++] = v;
    this.length++;
  }
  toArray(): Float64Array {
    const out = new Float64Array(this.length);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    out.set(this.current.subarray(0, this.used), o);
    return out;
  }
}

const sortKey = (s: StdRecord): string =>
  `${s.familyName ?? s.organizationKey ?? ''} ${s.givenName ?? ''} ${s.addressLine ?? ''}`;

function groupByKey(records: readonly StdRecord[], rule: BlockingRule): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < records.length; i++) {
    const k = rule.key(records[i]!);
    if (k === null || k === '') continue;
    const block = blocks.get(k);
    if (block) block.push(i);
    else blocks.set(k, [i]);
  }
  return blocks;
}

function emitBlock(
  block: number[],
  records: readonly StdRecord[],
  opts: Required<Omit<BlockingOptions, 'rules'>>,
  emit: (i: number, j: number) => void,
): boolean {
  if (block.length <= opts.maxBlockSize) {
    for (let x = 0; x < block.length; x++) for (let y = x + 1; y < block.length; y++) emit(block[x]!, block[y]!);
    return false;
  }
  const keys = block.map((i) => sortKey(records[i]!));
  const order = block.map((_, x) => x).sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0));
  for (let x = 0; x < order.length; x++)
    for (let y = x + 1; y <= Math.min(order.length - 1, x + opts.window); y++)
      emit(block[order[x]!]!, block[order[y]!]!);
  return true;
}

/** All candidate pairs (deduplicated across rules) with the rules that produced each. */
export function buildCandidatePairs(records: readonly StdRecord[], options: BlockingOptions = {}): CandidatePairs {
  const rules = options.rules ?? DEFAULT_BLOCKING_RULES;
  if (rules.length > 16) throw new Error('at most 16 blocking rules');
  const opts = { maxBlockSize: options.maxBlockSize ?? 21, window: options.window ?? 10 };
  const n = records.length;
  const codes = new CodeBuffer();
  const stats: RuleStats[] = [];
  rules.forEach((rule, r) => {
    const s: RuleStats = { rule: rule.name, blocks: 0, oversizedBlocks: 0, pairs: 0 };
    const emit = (i: number, j: number): void => {
      const [lo, hi] = i < j ? [i, j] : [j, i];
      codes.push((lo * n + hi) * 16 + r);
      s.pairs++;
    };
    for (const block of groupByKey(records, rule).values()) {
      if (block.length < 2) continue;
      s.blocks++;
      if (emitBlock(block, records, opts, emit)) s.oversizedBlocks++;
    }
    stats.push(s);
  });
  return { ...dedupeCodes(codes.toArray(), n), rules, stats };
}

function dedupeCodes(all: Float64Array, n: number): PairList & { ruleMask: Uint16Array } {
  all.sort();
  let unique = 0;
  for (let k = 0; k < all.length; k++)
    if (k === 0 || Math.floor(all[k]! / 16) !== Math.floor(all[k - 1]! / 16)) unique++;
  // Shared buffers: the batch's compare workers read the pair list without a copy.
  const left = new Int32Array(new SharedArrayBuffer(Math.max(1, unique) * 4), 0, unique);
  const right = new Int32Array(new SharedArrayBuffer(Math.max(1, unique) * 4), 0, unique);
  const ruleMask = new Uint16Array(unique);
  let p = -1;
  let prev = -1;
  for (let k = 0; k < all.length; k++) {
    const code = Math.floor(all[k]! / 16);
    const r = all[k]! - code * 16;
    if (code !== prev) {
      p++;
      prev = code;
      left[p] = Math.floor(code / n);
      right[p] = code - left[p]! * n;
    }
    ruleMask[p] = ruleMask[p]! | (1 << r);
  }
  return { left, right, length: unique, ruleMask };
}
