/**
 * `import`: streams a canonical CSV/NDJSON file through upsertRecords (the same ingest path as the
 * real-time API, so results are identical) in chunks. After each chunk, counts, bad rows and the
 * checkpoint (last line done) are saved in one UPDATE; a crashed or retried run skips the lines
 * up to its checkpoint. A chunk that was stored but not yet checkpointed is simply sent again:
 * upserts are idempotent by (source_system, source_record_id), a re-sent record is `unchanged`,
 * so every record is stored exactly once (its counts then show under `unchanged`).
 */
import { type Actor, type UpsertFailure, upsertRecords, type UpsertResult } from '../../mdm/index.js';
import type { RawRecord } from '../../shared/canonical-record.js';
import type { ImportPayload } from '../catalog.js';
import { openRecordFile, type SourceRow } from '../record-reader.js';
import type { JobContext, JobOutcome, RowError } from '../types.js';

export const DEFAULT_CHUNK_SIZE = 500;
/** Bad rows kept in the job result; the count goes on past it. */
export const MAX_REPORTED_ERRORS = 1_000;

interface ImportCounts {
  [key: string]: number;
  read: number;
  created: number;
  attached: number;
  review: number;
  unchanged: number;
  failed: number;
}

interface Checkpoint {
  line: number;
}

type Pending = { line: number; record: RawRecord };

/** A chunk of the file: its good records, its bad rows, and the last line it covers. */
interface Chunk {
  records: Pending[];
  bad: RowError[];
  upToLine: number;
}

/** Where a chunk of records goes: mdm's upsertRecords in a job, the HTTP batch API from the CLI. */
export type UpsertBatch = (records: RawRecord[]) => Promise<Array<UpsertResult | UpsertFailure>>;
export type ImportContext = Pick<JobContext, 'jobId' | 'logger' | 'resume' | 'save'>;

export function processImport(payload: ImportPayload, ctx: JobContext): Promise<JobOutcome> {
  const actor: Actor = { type: 'system', id: `import:${ctx.jobId}` };
  return importFile(payload, ctx, (records) => upsertRecords(ctx.mdm, actor, records));
}

/** Streams the file through `upsert` chunk by chunk, with checkpoints (see the file comment). */
export async function importFile(payload: ImportPayload, ctx: ImportContext, upsert: UpsertBatch): Promise<JobOutcome> {
  const resumeLine = readCheckpoint(ctx.resume.checkpoint);
  const counts = resumeCounts(resumeLine > 0 ? ctx.resume.counts : {});
  const errors: RowError[] = resumeLine > 0 ? [...ctx.resume.errors] : [];
  const file = await openRecordFile(payload.path, { format: payload.format, sourceSystem: payload.sourceSystem });
  const chunkSize = payload.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (resumeLine > 0) ctx.logger.info({ resumeLine }, 'resuming import from checkpoint');

  // Chunks are upserted strictly one after another (a record may match one in the previous chunk),
  // but the next chunk is parsed while the current one is written.
  const flush = async (chunk: Chunk, previous: Promise<boolean>): Promise<boolean> => {
    if (!(await previous)) return false;
    const results = chunk.records.length ? await upsert(chunk.records.map((r) => r.record)) : [];
    tally(chunk, results, counts, errors);
    const progress = file.totalBytes ? (100 * file.bytesRead()) / file.totalBytes : 100;
    return ctx.save({ progress: Math.min(progress, 99.9), counts, errors, checkpoint: { line: chunk.upToLine } });
  };

  let chunk: Chunk = { records: [], bad: [], upToLine: resumeLine };
  let inFlight: Promise<boolean> = Promise.resolve(true);
  for await (const row of file.rows) {
    if (row.line <= resumeLine) continue;
    chunk.upToLine = row.line;
    if ('error' in row) chunk.bad.push(rowError(row));
    else chunk.records.push(row);
    if (chunk.records.length + chunk.bad.length >= chunkSize) {
      const previous = inFlight;
      inFlight = flush(chunk, previous);
      chunk = { records: [], bad: [], upToLine: chunk.upToLine };
      // Read on only once the chunk before is stored: at most three chunks in memory.
      if (!(await previous)) return { status: 'cancelled', counts, errors };
    }
  }
  const last = chunk.records.length + chunk.bad.length > 0 ? flush(chunk, inFlight) : inFlight;
  if (!(await last)) return { status: 'cancelled', counts, errors };
  return { status: 'completed', counts, errors };
}

function tally(
  chunk: Chunk,
  results: Array<UpsertResult | UpsertFailure>,
  counts: ImportCounts,
  errors: RowError[],
): void {
  counts.read += chunk.records.length + chunk.bad.length;
  counts.failed += chunk.bad.length;
  for (const bad of chunk.bad) pushError(errors, bad);
  results.forEach((result, i) => {
    const line = chunk.records[i]?.line ?? 0;
    if ('error' in result) {
      counts.failed += 1;
      pushError(errors, {
        line,
        sourceRecordId: result.sourceRecordId,
        code: result.error.code,
        message: result.error.message,
      });
    } else {
      counts[result.decision] = (counts[result.decision] ?? 0) + 1;
    }
  });
  // Bad rows and failures are reported in file order.
  errors.sort((a, b) => a.line - b.line);
}

function rowError(row: Extract<SourceRow, { error: string }>): RowError {
  return {
    line: row.line,
    ...(row.sourceRecordId ? { sourceRecordId: row.sourceRecordId } : {}),
    code: 'IH_BAD_ROW',
    message: row.error,
  };
}

function pushError(errors: RowError[], error: RowError): void {
  if (errors.length < MAX_REPORTED_ERRORS) errors.push(error);
}

function readCheckpoint(value: unknown): number {
  const line = (value as Partial<Checkpoint> | null)?.line;
  return typeof line === 'number' && line > 0 ? line : 0;
}

function resumeCounts(saved: Record<string, unknown>): ImportCounts {
  const n = (k: string): number => (typeof saved[k] === 'number' ? (saved[k] as number) : 0);
  return {
    read: n('read'),
    created: n('created'),
    attached: n('attached'),
    review: n('review'),
    unchanged: n('unchanged'),
    failed: n('failed'),
  };
}
