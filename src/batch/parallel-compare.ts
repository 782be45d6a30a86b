/**
 * Compare stage of the batch: comparison levels of every candidate pair, over record columns, in
 * this thread or across worker threads. Workers take ranges of pairs from a queue and write into one
 * shared gamma array, so the result does not depend on the number of threads.
 */
import { compileModel, type MatchModel, type PairList } from '../match/index.js';
import type { StdRecord } from '../standardize/types.js';
import { comparer } from './compare-range.js';
import { tupleKeys, type RecordColumns, type TupleKeys } from './record-columns.js';
import { startWorker, workerReady } from './start-worker.js';

/** Pairs per work item: large enough to amortise a message, small enough to balance two threads. */
const RANGE = 1 << 16;

export interface CompareInit {
  model: MatchModel;
  columns: RecordColumns;
  keys: TupleKeys[];
  left: Int32Array;
  right: Int32Array;
  gamma: Uint8Array;
}

export interface CompareRange {
  from: number;
  to: number;
}

function shared(a: Int32Array): Int32Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const out = new Int32Array(new SharedArrayBuffer(Math.max(1, a.length) * 4), 0, a.length);
  out.set(a);
  return out;
}

/** The record fields the model's comparisons read (the columns the compare stage needs). */
export function comparisonFields(model: MatchModel): Array<keyof StdRecord> {
  return [...new Set(compileModel(model).defs.flatMap((d) => d.fields))];
}

export async function compareColumns(
  model: MatchModel,
  columns: RecordColumns,
  pairs: PairList,
  threads: number,
  onProgress?: (done: number) => void,
  range = RANGE,
): Promise<Uint8Array> {
  const defs = compileModel(model).defs;
  const keys = defs.map((d) => tupleKeys(columns, d.fields));
  const C = defs.length;
  const gamma = new Uint8Array(new SharedArrayBuffer(Math.max(1, pairs.length * C)), 0, pairs.length * C);
  const init: CompareInit = { model, columns, keys, left: shared(pairs.left), right: shared(pairs.right), gamma };
  if (threads <= 1 || pairs.length <= range) {
    const run = comparer({ defs, ...init });
    for (let from = 0; from < pairs.length; from += range) {
      run(from, Math.min(pairs.length, from + range));
      onProgress?.(Math.min(pairs.length, from + range));
    }
    return gamma;
  }
  await inWorkers(init, pairs.length, threads, range, onProgress);
  return gamma;
}

async function inWorkers(
  init: CompareInit,
  total: number,
  threads: number,
  range: number,
  onProgress?: (done: number) => void,
) {
  const workers = Array.from({ length: threads }, () => startWorker('compare-worker'));
  try {
    await Promise.all(workers.map(workerReady));
    let next = 0;
    let done = 0;
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const take = () => {
              if (next >= total) return resolve();
              const from = next;
              next = Math.min(total, next + range);
              w.postMessage({ from, to: next } satisfies CompareRange);
            };
            w.on('message', (msg: { done: number }) => {
              done += msg.done;
              onProgress?.(done);
              take();
            });
            w.once('error', reject);
            w.once('exit', (code) =>
              next < total || code !== 0 ? reject(new Error(`compare worker exited ${code}`)) : undefined,
            );
            w.postMessage(init);
            take();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
