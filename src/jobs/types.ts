/**
 * The contract between job runners (BullMQ workers, the in-process runner) and processors.
 * A processor parses nothing itself: it gets a validated payload and a JobContext, calls mdm/, saves
 * progress at safe points and returns an outcome. Runners own retries, locks and the batch_runs state.
 */
import type { Logger } from 'pino';
import type { MdmContext } from '../mdm/index.js';
import type { JsonObject } from '../store/schema.js';
import type { JobPayloads, JobType } from './catalog.js';

/** A bad input row, reported in the job result with its line number (1 = CSV header / first NDJSON line). */
export interface RowError {
  line: number;
  sourceRecordId?: string;
  code: string;
  message: string;
}

export interface JobProgressUpdate {
  /** 0-100. */
  progress: number;
  counts: JsonObject;
  errors: RowError[];
  /** Where to resume after a crash; saved in the same UPDATE as counts and errors. */
  checkpoint?: unknown;
}

export interface JobContext {
  jobId: string;
  mdm: MdmContext;
  logger: Logger;
  /** What the last attempt saved (empty on a first run): a processor resumes from here. */
  resume: { checkpoint: unknown; counts: JsonObject; errors: RowError[] };
  /** Persists progress. Returns false when the job was cancelled meanwhile: stop at this safe point. */
  save(update: JobProgressUpdate): Promise<boolean>;
}

export interface JobOutcome {
  status: 'completed' | 'cancelled';
  counts: JsonObject;
  errors?: RowError[];
}

export type Processor<K extends JobType> = (payload: JobPayloads[K], ctx: JobContext) => Promise<JobOutcome>;
export type ProcessorTable = { [K in JobType]: Processor<K> };

export type JobState = 'queued' | 'running' | 'retrying' | 'completed' | 'failed' | 'cancelled';

/** What the API shows for a job (GET /v1/jobs/{id}). */
export interface JobView {
  id: string;
  type: string;
  state: JobState;
  progress: number;
  counts: JsonObject;
  errors: RowError[];
  params: JsonObject;
  attempts: number;
  failure: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface EnqueueResult {
  id: string;
  /** True when an equal job (same dedupe id) was already waiting or running: its id is returned. */
  deduplicated: boolean;
}

/** BullMQ (durable, multi-process) or in-process (embedded default, not durable): same surface. */
export interface JobRunner {
  readonly kind: 'bullmq' | 'inline';
  enqueue<K extends JobType>(type: K, payload: unknown): Promise<EnqueueResult>;
  /** Waiting jobs are removed; a running one stops at its next checkpoint. Undefined if unknown. */
  cancel(id: string): Promise<JobView | undefined>;
  /** Re-runs a failed or cancelled job from its last checkpoint. Undefined if unknown. */
  retry(id: string): Promise<JobView | undefined>;
  get(id: string): Promise<JobView | undefined>;
  list(opts: { limit: number; type?: string | undefined }): Promise<JobView[]>;
  close(): Promise<void>;
}
