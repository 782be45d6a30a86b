/**
 * The typed job catalog: job name → payload schema, queue, deduplication id, attempts and backoff.
 * Everything that enqueues or runs a job goes through this table, so the API, the CLI, the BullMQ
 * workers and the in-process runner agree on what a valid job is.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { AppError, type ErrorDetail } from '../errors.js';

export const ImportPayloadSchema = Type.Object(
  {
    /** A canonical CSV or NDJSON file the worker can read (an upload saved under DATA_DIR/uploads, or a server path). */
    path: Type.String({ minLength: 1 }),
    format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('ndjson')])),
    /** Fills or overrides source_system on every row: a slug or a display name. */
    sourceSystem: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** Declared encoding (windows-1252, gb18030, ...); a byte-order mark wins, UTF-8 is checked otherwise. */
    encoding: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    /** comma, semicolon, tab or pipe; detected from the header line when absent. */
    delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 9 })),
    /** Path of a column mapping file (src/io/adapters/column-mapping.ts) the worker can read. */
    mapping: Type.Optional(Type.String({ minLength: 1 })),
    /** Register the source systems the file names that are not registered yet (default: fail listing them). */
    registerSystems: Type.Optional(Type.Boolean()),
    /** Records per chunk: one upsertRecords call and one checkpoint each. */
    chunkSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);

export const DedupePayloadSchema = Type.Object(
  {
    /** 'changed': only records changed since the last completed dedupe run; 'all': every live record. */
    scope: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('changed')])),
  },
  { additionalProperties: false },
);

export const RetrainPayloadSchema = Type.Object(
  {
    /** Records sampled for EM training. */
    sampleSize: Type.Optional(Type.Integer({ minimum: 100, maximum: 1_000_000 })),
    /** Promote the new model even when it is worse on steward decisions (manual override). */
    force: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const QualityPayloadSchema = Type.Object({}, { additionalProperties: false });

export type ImportPayload = Static<typeof ImportPayloadSchema>;
export type DedupePayload = Static<typeof DedupePayloadSchema>;
export type RetrainPayload = Static<typeof RetrainPayloadSchema>;
export type QualityPayload = Static<typeof QualityPayloadSchema>;

export interface JobPayloads {
  import: ImportPayload;
  dedupe: DedupePayload;
  retrain: RetrainPayload;
  quality: QualityPayload;
}
export type JobType = keyof JobPayloads;

export interface JobDefinition<P> {
  schema: TSchema;
  /**
   * Imports get their own queue so a big file never delays maintenance; dedupe, retrain and quality
   * share one, processed one at a time, so a re-cluster never races a model promotion.
   */
  queue: QueueName;
  /** Jobs with the same id are not enqueued twice while one is waiting or running. */
  dedupeId(payload: P): string | undefined;
  attempts: number;
  /** Exponential backoff: delay, 2×delay, 4×delay ... between attempts (transient database errors). */
  backoffMs: number;
}

export const QUEUE_NAMES = ['import', 'maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const JOB_CATALOG: { [K in JobType]: JobDefinition<JobPayloads[K]> } = {
  import: {
    schema: ImportPayloadSchema,
    queue: 'import',
    // Importing the same file twice at once would only race itself.
    dedupeId: (p) => `import:${p.path}`,
    attempts: 5,
    backoffMs: 2_000,
  },
  dedupe: {
    schema: DedupePayloadSchema,
    queue: 'maintenance',
    dedupeId: () => 'dedupe',
    attempts: 3,
    backoffMs: 10_000,
  },
  retrain: {
    schema: RetrainPayloadSchema,
    queue: 'maintenance',
    dedupeId: () => 'retrain',
    attempts: 3,
    backoffMs: 10_000,
  },
  quality: {
    schema: QualityPayloadSchema,
    queue: 'maintenance',
    dedupeId: () => 'quality',
    attempts: 3,
    backoffMs: 10_000,
  },
};

export const JOB_TYPES = Object.keys(JOB_CATALOG) as JobType[];

export function isJobType(name: string): name is JobType {
  return Object.hasOwn(JOB_CATALOG, name);
}

export type PayloadCheck<P> = { ok: true; payload: P } | { ok: false; problems: ErrorDetail[] };

/** Validates a payload against its schema (defaults applied). Never throws on bad input. */
export function checkPayload<K extends JobType>(type: K, input: unknown): PayloadCheck<JobPayloads[K]> {
  const schema = JOB_CATALOG[type].schema;
  const value = Value.Default(schema, Value.Clone(input ?? {}));
  if (Value.Check(schema, value)) return { ok: true, payload: value as JobPayloads[K] };
  const problems = [...Value.Errors(schema, value)].map((e) => ({
    path: `body${e.instancePath}`,
    reason: e.message,
  }));
  return { ok: false, problems };
}

/** The error enqueue throws for a payload that does not fit its schema (HTTP 400, CLI exit 2). */
export function payloadError(type: JobType, problems: ErrorDetail[]): AppError {
  const summary = problems.map((p) => `${p.path} ${p.reason}`).join('; ');
  return new AppError('IH_VALIDATION', `${type} job payload: ${summary}`, { details: problems });
}
