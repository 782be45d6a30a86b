/**
 * `npm run --silent cli -- import --file records.csv [--system NAME] [--server URL --key KEY]`
 * Imports a canonical CSV/NDJSON file through the same chunked reader as the import job: into the
 * embedded store (DATABASE_URL, else DATA_DIR) by default, or into a running server through its
 * HTTP batch API (POST /v1/records:batch). Progress on stderr, one summary JSON line on stdout.
 * Exit codes: 0 all rows stored, 1 some rows failed (listed in the summary) or systems are not
 * registered (listed), 2 bad arguments or a file the reader refuses (encoding, header, mapping).
 */
import { access, constants } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { isAppError } from '../errors.js';
import { ReaderError } from '../io/reader-error.js';
import { importFile, type ImportContext, type ResolveSystems, type UpsertBatch } from '../jobs/processors/import.js';
import type { JobOutcome } from '../jobs/types.js';
import { settleAutoTrain } from '../mdm/index.js';
import { CliError } from './cli-error.js';
import type { CliDeps } from './deps.js';
import { createProgress } from './progress.js';
import { embeddedUpsert, httpResolveSystems, httpUpsert } from './import-targets.js';

const USAGE = `usage: identity-hub import --file PATH [--system NAME] [--format csv|ndjson] [--chunk N]
                          [--encoding ENC] [--delimiter comma|semicolon|tab|pipe] [--mapping MAP.json]
                          [--server URL --key API_KEY [--register-systems]]

  --file       CSV (any delimiter) or NDJSON file (required)
  --system     source system for every row, slug or display name (fills or overrides source_system)
  --encoding   declared encoding (windows-1252, gb18030, ...); a byte-order mark wins; else UTF-8 is required
  --delimiter  CSV delimiter; detected from the header line when absent
  --mapping    column mapping file: a system's own export → canonical fields (README "Importing files")
  --chunk      records per transaction (default 5000 embedded, 1000 with --server; at most 10000)
  --server     import into a running server through POST /v1/records:batch (needs --key)
  --register-systems  with --server and an admin key: register the systems the file names that are missing
  default      the embedded store: DATABASE_URL, else the PGlite folder DATA_DIR (./data);
               source systems named in the file (slug or display name) are registered there when missing
`;

interface ImportArgs {
  file: string;
  system: string | undefined;
  format: 'csv' | 'ndjson' | undefined;
  encoding: string | undefined;
  delimiter: string | undefined;
  mapping: string | undefined;
  registerSystems: boolean;
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
        encoding: { type: 'string' },
        delimiter: { type: 'string' },
        mapping: { type: 'string' },
        'register-systems': { type: 'boolean', default: false },
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
  if (values.system !== undefined && (values.system.trim() === '' || values.system.length > 200)) {
    throw new CliError('--system must be a slug or a display name of 1-200 characters');
  }
  if (values['register-systems'] && !values.server) {
    throw new CliError('--register-systems is for --server: the embedded store registers missing systems itself');
  }
  return {
    file: values.file,
    system: values.system,
    format: values.format as ImportArgs['format'],
    encoding: values.encoding,
    delimiter: values.delimiter,
    mapping: values.mapping,
    registerSystems: values['register-systems'] === true,
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
    ? {
        upsert: httpUpsert(opts.server, opts.key as string),
        resolveSystems: httpResolveSystems(opts.server, opts.key as string, opts.registerSystems),
        close: async () => undefined,
        mode: 'server',
      }
    : {
        ...embeddedUpsert(await deps.mdm()),
        // A first model may be training in the background (MODEL_AUTO_TRAIN_RECORDS): let it finish.
        close: async () => settleAutoTrain(await deps.mdm()),
        mode: 'embedded',
      };
  let outcome: JobOutcome;
  try {
    outcome = await runImport(opts, target);
  } catch (err) {
    if (err instanceof ReaderError) throw new CliError(`${opts.file}: ${err.message}`);
    if (isAppError(err) && err.code === 'IH_SOURCE_SYSTEM_NOT_FOUND') throw new CliError(err.message, 1);
    throw err;
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

async function runImport(
  opts: ImportArgs,
  target: { upsert: UpsertBatch; resolveSystems: ResolveSystems },
): Promise<JobOutcome> {
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
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
  };
  const outcome = await importFile(payload, ctx, target.upsert, {
    resolveSystems: target.resolveSystems,
    onWarnings: (warnings) => {
      for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    },
  });
  progress.finish();
  return outcome;
}
