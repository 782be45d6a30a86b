/**
 * Standardisation across worker threads. The main thread reads and batches raw records; workers
 * standardise chunks; results are put back in input order, so output is the same as one thread's.
 * At most two chunks in flight per worker keeps memory bounded however fast the reader is.
 */
import { standardizeRecord } from '../standardize/index.js';
import type { RawRecord, StandardizeOptions, StdRecord } from '../standardize/types.js';
import { startWorker, workerReady } from './start-worker.js';
import type { StandardizeChunk } from './standardize-worker.js';

const CHUNK = 2000;

export interface StandardizeAllResult {
  records: StdRecord[];
  duplicates: number;
}

/** Keeps the first row of each (source_system, source_record_id); later duplicates are counted. */
export class DuplicateFilter {
  private readonly seen = new Set<string>();
  duplicates = 0;
  accept(raw: RawRecord): boolean {
    const key = `${raw.source_system}\u0000${raw.source_record_id}`;
    if (this.seen.has(key)) {
      this.duplicates++;
      return false;
    }
    this.seen.add(key);
    return true;
  }
}

export async function standardizeInline(
  input: AsyncIterable<RawRecord> | Iterable<RawRecord>,
  options: StandardizeOptions,
  onProgress?: (done: number) => void,
): Promise<StandardizeAllResult> {
  const filter = new DuplicateFilter();
  const records: StdRecord[] = [];
  for await (const raw of input) {
    if (!filter.accept(raw)) continue;
    records.push(standardizeRecord(raw, options).std);
    if ((records.length & 1023) === 0) onProgress?.(records.length);
  }
  return { records, duplicates: filter.duplicates };
}

export async function standardizeParallel(
  input: AsyncIterable<RawRecord> | Iterable<RawRecord>,
  options: StandardizeOptions,
  threads: number,
  onProgress?: (done: number) => void,
): Promise<StandardizeAllResult> {
  const workers = Array.from({ length: threads }, () => startWorker('standardize-worker'));
  await Promise.all(workers.map(workerReady));
  const results = new Map<number, StdRecord[]>();
  const waiting = new Map<number, () => void>();
  let inFlight = 0;
  let slotFree: (() => void) | null = null;
  let failure: Error | null = null;
  let done = 0;
  for (const w of workers) {
    w.on('message', (msg: { id: number; stds: StdRecord[] }) => {
      results.set(msg.id, msg.stds);
      inFlight--;
      done += msg.stds.length;
      onProgress?.(done);
      waiting.get(msg.id)?.();
      slotFree?.();
    });
    w.on('error', (err) => {
      failure = err;
      slotFree?.();
      for (const resolve of waiting.values()) resolve();
    });
  }
  const filter = new DuplicateFilter();
  let chunk: RawRecord[] = [];
  let id = 0;
  const send = async (): Promise<void> => {
    while (inFlight >= threads * 2 && !failure) await new Promise<void>((r) => (slotFree = r));
    if (failure) throw failure;
    const msg: StandardizeChunk = { id, raws: chunk, options };
    workers[id % threads]!.postMessage(msg);
    inFlight++;
    id++;
    chunk = [];
  };
  try {
    for await (const raw of input) {
      if (!filter.accept(raw)) continue;
      chunk.push(raw);
      if (chunk.length === CHUNK) await send();
    }
    if (chunk.length > 0) await send();
    const records: StdRecord[] = [];
    for (let k = 0; k < id; k++) {
      if (!results.has(k)) await new Promise<void>((r) => waiting.set(k, r));
      if (failure) throw failure;
      for (const s of results.get(k)!) records.push(s);
      results.delete(k);
    }
    return { records, duplicates: filter.duplicates };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
