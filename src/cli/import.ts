/**
 * `npm run --silent cli -- import --file records.csv [--system NAME] [--server URL --key KEY]`
 * Imports a canonical CSV/NDJSON file through the same chunked reader as the import job: into the
 * embedded store (DATABASE_URL, else DATA_DIR) by default, or into a running server through its
 * HTTP batch API (POST /v1/records:batch). Progress on stderr, one summary JSON line on stdout.
 * Exit codes: 0 all rows stored, 1 some rows failed (listed in the summary), 2 bad arguments.
 */
import { access, constants } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { importFile, type ImportContext, type UpsertBatch } from '../jobs/processors/import.js';
import type { JobOutcome } from '../jobs/types.js';
import { CliError } from './cli-error.js';
import type { CliDeps } from './deps.js';
import { createProgress } from './progress.js';
import { embeddedUpsert, httpUpsert } from './import-targets.js';

const USAGE = `usage: identity-hub import --file PATH [--system NAME] [--format csv|ndjson] [--chunk N]
                          [--server URL --key API_KEY]

  --file     canonical CSV or NDJSON file (required)
  --system   source system for every row (fills or overrides the source_system column)
  --chunk    records per transaction (default 5000 embedded, 1000 with --server; at most 10000)
  --server   import into a running server through POST /v1/records:batch (needs --key)
  default    the embedded store: DATABASE_URL, else the PGlite folder DATA_DIR (./data);
             source systems named in the file are registered there when missing
`;

interface ImportArgs {
  file: string;
  system: string | undefined;
  format: 'csv' | 'ndjson' | undefined;
  chunk: number;
  server: string | undefined;
  key: string | undefined;
}

export function parseImportArgs(args: string[]): ImportArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        file: { type: 'string' },
        system: { type: 'string' },
        format: { type: 'string' },
        chunk: { type: 'string' },
        server: { type: 'string' },
        key: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n\n${USAGE}`);
  }
  if (!values.file) throw new CliError(`--file is required\n\n${USAGE}`);
  if (values.format && values.format !== 'csv' && values.format !== 'ndjson') {
    throw new CliError('--format must be csv or ndjson');
  }
  // The HTTP batch API takes at most 1,000 records a request; the embedded store takes bulk chunks.
  const maxChunk = values.server ? 1_000 : 10_000;
  const chunk = values.chunk === undefined ? Math.min(5_000, maxChunk) : Number(values.chunk);
  if (!Number.isInteger(chunk) || chunk < 1 || chunk > maxChunk) {
    throw new CliError(`--chunk must be an integer 1-${maxChunk}`);
  }
  if (values.server && !values.key) throw new CliError('--server needs --key (an admin or source API key)');
  if (values.system !== undefined && !/^[A-Za-z0-9_.-]{1,64}$/.test(values.system)) {
    throw new CliError('--system must be 1-64 letters, digits, _ . or -');
  }
  return {
    file: values.file,
    system: values.system,
    format: values.format as ImportArgs['format'],
    chunk,
    server: values.server,
    key: values.key,
  };
}

export async function run(args: string[], deps: CliDeps): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stderr.write(USAGE);
    return 0;
  }
  const opts = parseImportArgs(args);
  await access(opts.file, constants.R_OK).catch(() => {
    throw new CliError(`cannot read --file ${opts.file}`);
  });
  const started = Date.now();
  const target = opts.server
    ? { upsert: httpUpsert(opts.server, opts.key as string), close: async () => undefined, mode: 'server' }
    : { upsert: await embeddedUpsert(await deps.mdm(), opts.system), close: async () => undefined, mode: 'embedded' };
  let outcome: JobOutcome;
  try {
    outcome = await runImport(opts, target.upsert);
  } finally {
    await target.close();
  }
  const seconds = (Date.now() - started) / 1000;
  const counts = outcome.counts as Record<string, number>;
  const summary = {
    file: opts.file,
    target: target.mode,
    counts,
    errors: outcome.errors?.slice(0, 100) ?? [],
    seconds: Number(seconds.toFixed(2)),
    recordsPerSecond: Math.round((counts['read'] ?? 0) / Math.max(seconds, 0.001)),
  };
  process.stdout.write(JSON.stringify(summary) + '\n');
  return (counts['failed'] ?? 0) > 0 ? 1 : 0;
}

async function runImport(opts: ImportArgs, upsert: UpsertBatch): Promise<JobOutcome> {
  const progress = createProgress('import');
  const ctx: ImportContext = {
    jobId: 'cli',
    logger: pino({ level: 'silent' }),
    resume: { checkpoint: null, counts: {}, errors: [] },
    async save(update) {
      progress.update(Number(update.counts['read'] ?? 0));
      return true;
    },
  };
  const payload = {
    path: opts.file,
    chunkSize: opts.chunk,
    ...(opts.format ? { format: opts.format } : {}),
    ...(opts.system ? { sourceSystem: opts.system } : {}),
  };
  const outcome = await importFile(payload, ctx, upsert);
  progress.finish();
  return outcome;
}
