/**
 * Comparison levels of a range of candidate pairs, read from record columns, with each level
 * memoised per distinct pair of value tuples: candidate pairs come from blocks of records that share
 * values, so the same two names (or the same name twice) are compared over and over. A comparison's
 * level depends only on the fields it declares (`ComparisonDef.fields`), so two pairs with the same
 * tuple ids on those fields get the same level, and the memo is exact, not an approximation.
 * Runs in the main thread or in a worker (see parallel-compare.ts); the output is the same.
 */
import { levelOf, type ComparisonDef } from '../match/index.js';
import type { StdRecord } from '../standardize/types.js';
import type { FieldColumn, RecordColumns, TupleKeys } from './record-columns.js';

/** Distinct non-equal tuple pairs remembered per comparison before the memo starts afresh (bounds memory). */
const MAX_PAIR_MEMO = 200_000;

type Fill = (a: StdRecord, b: StdRecord, cols: readonly FieldColumn[], i: number, j: number) => void;

/**
 * Copies the comparison's fields of records i and j into two reused records. Generated code, so each
 * store names its property (a keyed store with a changing key is several times slower, and this runs
 * for every pair and comparison).
 */
function fillFunction(columns: readonly FieldColumn[]): Fill {
  const body = columns
    .map((c, k) => {
      const f = JSON.stringify(c.field);
      return `a[${f}] = cols[${k}].values[cols[${k}].ids[i]]; b[${f}] = cols[${k}].values[cols[${k}].ids[j]];`;
    })
    .join('\n');
  return new Function('a', 'b', 'cols', 'i', 'j', body) as Fill;
}

/** A record with every columned field null: all scratch records share this shape. */
function blankRecord(cols: RecordColumns): StdRecord {
  const out: Record<string, null> = {};
  for (const c of cols.columns) out[c.field] = null;
  return out as unknown as StdRecord;
}

class LevelMemo {
  /** Level + 1 of a tuple compared with itself (0 = not yet known). */
  private readonly same: Uint8Array;
  /** 1 = the comparison's value is present in this tuple, 2 = missing, 0 = not yet known. */
  private readonly presence: Uint8Array;
  private pairs = new Map<number, number>();
  private readonly columns: FieldColumn[];
  private readonly fill: Fill;
  private readonly a: StdRecord;
  private readonly b: StdRecord;

  constructor(
    private readonly def: ComparisonDef,
    private readonly keys: TupleKeys,
    cols: RecordColumns,
  ) {
    this.same = new Uint8Array(keys.count);
    this.presence = new Uint8Array(keys.count);
    this.columns = cols.columns.filter((c) => def.fields.includes(c.field));
    this.fill = fillFunction(this.columns);
    this.a = blankRecord(cols);
    this.b = blankRecord(cols);
  }

  /** Level of records i and j, computed on the fields this comparison reads. */
  private compute(i: number, j: number): number {
    this.fill(this.a, this.b, this.columns, i, j);
    return levelOf(this.def, this.a, this.b);
  }

  private present(k: number, i: number): boolean {
    let p = this.presence[k]!;
    if (p === 0) {
      this.fill(this.a, this.b, this.columns, i, i);
      const v = this.def.get(this.a);
      this.presence[k] = p = v === null || v === '' ? 2 : 1;
    }
    return p === 1;
  }

  level(i: number, j: number): number {
    const ka = this.keys.ids[i]!;
    const kb = this.keys.ids[j]!;
    if (!this.present(ka, i) || !this.present(kb, j)) return 0;
    if (ka === kb) {
      const known = this.same[ka]!;
      if (known !== 0) return known - 1;
      const level = this.compute(i, j);
      this.same[ka] = level + 1;
      return level;
    }
    const code = ka * this.keys.count + kb;
    const known = this.pairs.get(code);
    if (known !== undefined) return known;
    const level = this.compute(i, j);
    if (this.pairs.size >= MAX_PAIR_MEMO) this.pairs = new Map();
    this.pairs.set(code, level);
    return level;
  }
}

export interface CompareInput {
  defs: readonly ComparisonDef[];
  columns: RecordColumns;
  /** Tuple keys per comparison, over the comparison's fields. */
  keys: readonly TupleKeys[];
  left: Int32Array;
  right: Int32Array;
  /** Output: gamma[p * C + c]. */
  gamma: Uint8Array;
}

/** A compare engine for one thread: its memo lives as long as the engine (reuse it across ranges). */
export function comparer(input: CompareInput): (from: number, to: number) => void {
  const memos = input.defs.map((d, c) => new LevelMemo(d, input.keys[c]!, input.columns));
  const C = input.defs.length;
  const { left, right, gamma } = input;
  return (from, to) => {
    // Comparison by comparison over the range: one memo and its columns stay in cache at a time.
    for (let c = 0; c < C; c++) {
      const memo = memos[c]!;
      for (let p = from; p < to; p++) gamma[p * C + c] = memo.level(left[p]!, right[p]!);
    }
  };
}
