/** Worker thread: standardises chunks of raw records (pure CPU work, so it scales across cores). */
import { parentPort } from 'node:worker_threads';
import { standardizeRecord } from '../standardize/index.js';
import type { RawRecord, StandardizeOptions } from '../standardize/types.js';

export interface StandardizeChunk {
  id: number;
  raws: RawRecord[];
  options: StandardizeOptions;
}

parentPort?.on('message', (msg: StandardizeChunk) => {
  const stds = msg.raws.map((raw) => standardizeRecord(raw, msg.options).std);
  parentPort!.postMessage({ id: msg.id, stds });
});
// Messages sent before this module finished loading would be lost (the tsx bootstrap loads it
// asynchronously), so the parent waits for this signal before sending work.
parentPort?.postMessage({ ready: true });
