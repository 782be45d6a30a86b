/**
 * Worker thread: comparison levels of ranges of candidate pairs. Record columns' ids, the pair list
 * and the output gamma are SharedArrayBuffers (no copy); the model arrives as JSON and the worker
 * compiles the same comparison definitions from it.
 */
import { parentPort } from 'node:worker_threads';
import { compileModel } from '../match/index.js';
import { comparer } from './compare-range.js';
import type { CompareInit, CompareRange } from './parallel-compare.js';

let run: ((from: number, to: number) => void) | null = null;

parentPort?.on('message', (msg: CompareInit | CompareRange) => {
  if ('model' in msg) {
    const { model, ...rest } = msg;
    run = comparer({ defs: compileModel(model).defs, ...rest });
    return;
  }
  run!(msg.from, msg.to);
  parentPort!.postMessage({ done: msg.to - msg.from });
});
parentPort?.postMessage({ ready: true });
