/**
 * Writes a generated dataset to DIR/records.csv and DIR/truth.csv, streaming in constant memory:
 * lines are encoded straight into off-heap buffers written with backpressure (see BucketedPair).
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { CANONICAL_FIELDS } from '../standardize/types.js';
import { generateRecords, TRUTH_FIELDS, type GenerateOptions, type TruthRow } from './generator.js';
import { Rng } from './prng.js';

const NEEDS_QUOTES = /[",\r\n]/;
const BUFFER_BYTES = 1 << 20;
const BUCKET_BYTES = 1 << 16;

/** RFC 4180 field: quoted only when it holds a quote, comma or line break. */
export function csvCell(text: string): string {
  if (text === '' || !NEEDS_QUOTES.test(text)) return text;
  return '"' + text.replace(/"/g, '""') + '"';
}

/** One CSV line of `row` in `columns` order, with the trailing newline. */
export function csvLine(row: Readonly<Record<string, string>>, columns: readonly string[]): string {
  let line = csvCell(row[columns[0] as string] ?? '');
  for (let i = 1; i < columns.length; i++) line += ',' + csvCell(row[columns[i] as string] ?? '');
  return line + '\n';
}

/**
 * Truth line without quoting checks: its values are ids, enums and corruption labels made of
 * letters, digits, `_`, `:` and `;` (generator.ts), none of which needs CSV quoting.
 */
export function truthLine(t: TruthRow): string {
  return `${t.source_system},${t.source_record_id},${t.entity_id},${t.entity_type},${t.locale},${t.household_id},${t.duplicate},${t.address_version},${t.corruptions}\n`;
}

/**
 * Shuffles lines without holding them as strings: each line pair goes, encoded, into one of
 * `buckets` random off-heap buffers, and a bucket is written out whole when full. One customer's
 * records land in different buckets and so far apart in the file, while nothing stays on the
 * JavaScript heap (a window of held strings cost more in garbage collection than generation itself).
 * records.csv and truth.csv stay line-aligned: a bucket flushes both its files together.
 */
class BucketedPair {
  private readonly recordBufs: Buffer[] = [];
  private readonly truthBufs: Buffer[] = [];
  private readonly recordUsed: number[] = [];
  private readonly truthUsed: number[] = [];
  private readonly bytes: number;
  private error: Error | undefined;

  constructor(
    private readonly records: WriteStream,
    private readonly truth: WriteStream,
    private readonly rng: Rng,
    private readonly buckets: number,
  ) {
    this.bytes = buckets > 1 ? BUCKET_BYTES : BUFFER_BYTES;
    // Keep the first write error and report it at the next add/close instead of crashing the process.
    const keep = (err: Error): void => {
      this.error ??= err;
    };
    records.on('error', keep);
    truth.on('error', keep);
    for (let b = 0; b < buckets; b++) {
      this.recordBufs.push(Buffer.allocUnsafe(this.bytes));
      this.truthBufs.push(Buffer.allocUnsafe(this.bytes));
      this.recordUsed.push(0);
      this.truthUsed.push(0);
    }
  }

  /** Adds one record line and its truth line; returns a promise only when the disk asked us to wait. */
  add(recordLine: string, truthLine: string): Promise<unknown> | null {
    if (this.error) throw this.error;
    const b = this.buckets > 1 ? this.rng.int(this.buckets) : 0;
    let wait: Promise<unknown> | null = null;
    // A UTF-16 code unit never takes more than 3 UTF-8 bytes: check the worst case before writing.
    if (
      (this.recordUsed[b] as number) + recordLine.length * 3 > this.bytes ||
      (this.truthUsed[b] as number) + truthLine.length * 3 > this.bytes
    ) {
      wait = this.flush(b);
    }
    const r = this.recordUsed[b] as number;
    const t = this.truthUsed[b] as number;
    this.recordUsed[b] = r + (this.recordBufs[b] as Buffer).write(recordLine, r);
    this.truthUsed[b] = t + (this.truthBufs[b] as Buffer).write(truthLine, t);
    return wait;
  }

  private flush(b: number): Promise<unknown> | null {
    const okRecords = this.records.write((this.recordBufs[b] as Buffer).subarray(0, this.recordUsed[b]));
    const okTruth = this.truth.write((this.truthBufs[b] as Buffer).subarray(0, this.truthUsed[b]));
    this.recordBufs[b] = Buffer.allocUnsafe(this.bytes);
    this.truthBufs[b] = Buffer.allocUnsafe(this.bytes);
    this.recordUsed[b] = 0;
    this.truthUsed[b] = 0;
    const waits: Promise<unknown>[] = [];
    if (!okRecords) waits.push(once(this.records, 'drain'));
    if (!okTruth) waits.push(once(this.truth, 'drain'));
    return waits.length > 0 ? Promise.all(waits) : null;
  }

  /** Writes what is left, buckets in random order. */
  async close(): Promise<void> {
    const order = Array.from({ length: this.buckets }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const b of order) {
      const wait = this.flush(b);
      if (wait) await wait;
    }
    if (this.error) throw this.error;
    this.records.end();
    this.truth.end();
    await Promise.all([once(this.records, 'finish'), once(this.truth, 'finish')]);
  }
}

export interface WriteSummary {
  records: number;
  customers: number;
  recordsPath: string;
  truthPath: string;
}

export interface WriteOptions extends GenerateOptions {
  /** Buffers lines are spread over to shuffle them (1: customer order). Default 64. */
  shuffleBuckets?: number;
}

/** Generates and writes the dataset; `onProgress` gets the record count every 10,000 records. */
export async function writeDataset(
  dir: string,
  options: WriteOptions,
  onProgress?: (records: number) => void,
): Promise<WriteSummary> {
  mkdirSync(dir, { recursive: true });
  const recordsPath = join(dir, 'records.csv');
  const truthPath = join(dir, 'truth.csv');
  const recordsOut = createWriteStream(recordsPath);
  const truthOut = createWriteStream(truthPath);
  recordsOut.write(CANONICAL_FIELDS.join(',') + '\n');
  truthOut.write(TRUTH_FIELDS.join(',') + '\n');
  const shuffle = new Rng(`shuffle:${options.seed ?? 1}`);
  const out = new BucketedPair(recordsOut, truthOut, shuffle, Math.max(1, options.shuffleBuckets ?? 64));
  let count = 0;
  for (const { record, truth } of generateRecords(options)) {
    const wait = out.add(csvLine(record, CANONICAL_FIELDS), truthLine(truth));
    if (wait) await wait;
    count += 1;
    if (onProgress && count % 10_000 === 0) onProgress(count);
  }
  await out.close();
  return { records: count, customers: options.customers, recordsPath, truthPath };
}
