/**
 * `import`: streams a canonical CSV/NDJSON file through upsertRecords (the bulk path: a chunk is
 * decided in memory with the real-time rules and written with multi-row statements in one
 * transaction, see mdm/bulk-ingest.ts) in chunks. After each chunk, counts, bad rows and the
 * checkpoint (last line done) are saved in one UPDATE; a crashed or retried run skips the lines
 * up to its checkpoint. A chunk that was stored but not yet checkpointed is simply sent again:
 * upserts are idempotent by (source_system, source_record_id), a re-sent record is `unchanged`,
 * so every record is stored exactly once (its counts then show under `unchanged`).
 */
import { UnrecoverableError } from 'bullmq';
import { isAppError } from '../../errors.js';
import { ReaderError } from '../../io/reader-error.js';
import {
  type Actor,
  resolveSourceSystems,
  type UpsertFailure,
  upsertRecords,
  type UpsertResult,
} from '../../mdm/index.js';
import type { RawRecord } from '../../shared/canonical-record.js';
import type { ImportPayload } from '../catalog.js';
import { openRecordFile, type OpenRecordFileOptions, type SourceRow } from '../record-reader.js';
import type { JobContext, JobOutcome, RowError } from '../types.js';

/** A chunk is one bulk-path transaction (mdm BULK_CHUNK) and one checkpoint. */
export const DEFAULT_CHUNK_SIZE = 5_000;
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

/**
 * Maps the system values of a file (slugs or display names) to registered slugs, registering new
 * ones only where the caller may; throws, listing every missing system, where it may not.
 */
export type ResolveSystems = (values: string[]) => Promise<Map<string, string>>;

export interface ImportHooks {
  resolveSystems?: ResolveSystems;
  /** Header findings (misspelt columns), before the first row. */
  onWarnings?: (warnings: string[]) => void;
}

/** A file that names more distinct systems than this is refused rather than held in memory. */
const MAX_DISTINCT_SYSTEMS = 10_000;

export async function processImport(payload: ImportPayload, ctx: JobContext): Promise<JobOutcome> {
  const actor: Actor = { type: 'system', id: `import:${ctx.jobId}` };
  try {
    return await importFile(payload, ctx, (records) => upsertRecords(ctx.mdm, actor, records), {
      resolveSystems: (values) =>
        resolveSourceSystems(ctx.mdm, actor, values, { register: payload.registerSystems === true }),
      onWarnings: (warnings) => ctx.logger.warn({ warnings }, 'import file header'),
    });
  } catch (err) {
    // An unreadable file or unregistered systems do not get better by retrying.
    if (err instanceof ReaderError || (isAppError(err) && err.code === 'IH_SOURCE_SYSTEM_NOT_FOUND'))
      throw new UnrecoverableError(err.message);
    throw err;
  }
}

export function readerOptions(payload: ImportPayload): OpenRecordFileOptions {
  return {
    format: payload.format,
    sourceSystem: payload.sourceSystem,
    encoding: payload.encoding,
    delimiter: payload.delimiter,
    mapping: payload.mapping,
  };
}

/** Streams the file through `upsert` chunk by chunk, with checkpoints (see the file comment). */
export async function importFile(
  payload: ImportPayload,
  ctx: ImportContext,
  upsert: UpsertBatch,
  hooks: ImportHooks = {},
): Promise<JobOutcome> {
  const resumeLine = readCheckpoint(ctx.resume.checkpoint);
  const counts = resumeCounts(resumeLine > 0 ? ctx.resume.counts : {});
  const errors: RowError[] = resumeLine > 0 ? [...ctx.resume.errors] : [];
  const file = await openRecordFile(payload.path, readerOptions(payload));
  if (file.warnings.length) hooks.onWarnings?.(file.warnings);
  const systems = hooks.resolveSystems
    ? await hooks.resolveSystems(file.fixedSystem ? [file.fixedSystem] : await systemsNamedIn(payload))
    : undefined;
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
    else {
      const slug = systems?.get(row.record.source_system);
      if (slug) row.record.source_system = slug;
      chunk.records.push(row);
    }
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

/** A first pass over the file for its distinct system values, so missing systems fail once, up front. */
async function systemsNamedIn(payload: ImportPayload): Promise<string[]> {
  const values = new Set<string>();
  for await (const row of (await openRecordFile(payload.path, readerOptions(payload))).rows) {
    if (!('record' in row)) continue;
    values.add(row.record.source_system);
    if (values.size > MAX_DISTINCT_SYSTEMS) {
      throw new ReaderError(
        `the file names more than ${MAX_DISTINCT_SYSTEMS} source systems in its source_system column`,
      );
    }
  }
  return [...values];
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
