#!/usr/bin/env node
/**
 * Command-line entry point and the CLI's composition root: parses the config once, picks the
 * command, hands it the remaining arguments and the dependencies (CliDeps: config, logger, and the
 * store + MdmContext opened on first use), closes what was opened, maps the result to an exit code.
 * Each command lives in src/cli/<name>.ts and exports `run(args, deps): Promise<number>` (the exit code).
 * Commands print machine-readable results on stdout and progress/diagnostics on stderr.
 */
import { CliError } from './cli/cli-error.js';
import type { CliCommand, CliDeps } from './cli/deps.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { createMdmContext, type MdmContext } from './mdm/index.js';
import { openDatabase, type Database } from './store/db.js';
import { migrate } from './store/migrate.js';
import { DataDirLockedError } from './store/data-dir-lock.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: CliCommand; USAGE?: string }> }> = {
  dedupe: { summary: 'batch-deduplicate a canonical CSV with no server', load: () => import('./cli/dedupe.js') },
  evaluate: {
    summary: 'pairwise precision/recall/F1 of clusters against truth',
    load: () => import('./cli/evaluate.js'),
  },
  explain: { summary: 'explain the match weight of two records', load: () => import('./cli/explain.js') },
  generate: { summary: 'generate synthetic customer records with truth', load: () => import('./cli/generate.js') },
  import: { summary: 'import a canonical CSV/NDJSON file into the hub', load: () => import('./cli/import.js') },
  migrate: { summary: 'apply database migrations', load: () => import('./cli/migrate.js') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: identity-hub <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun a command with --help for its options.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stderr.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`error: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  const mod = await command.load();
  // Commands that export USAGE get --help here; the others handle it themselves.
  if (mod.USAGE && (args.includes('--help') || args.includes('-h'))) {
    process.stdout.write(mod.USAGE + '\n');
    return 0;
  }
  const deps = buildDeps();
  try {
    return await mod.run(args, deps);
  } finally {
    await deps.close();
  }
}

/** The one place the CLI reads the environment and opens the store (lazily: most commands need none). */
function buildDeps(): CliDeps & { close(): Promise<void> } {
  let config;
  try {
    // The CLI talks on stdout: the service's info logs would drown its output.
    config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 2);
    throw err;
  }
  const logger = createLogger(config.logLevel, process.stderr);
  let opened: Promise<Database> | undefined;
  let mdm: Promise<MdmContext> | undefined;
  const database = (): Promise<Database> =>
    (opened ??= openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: Math.min(config.databasePoolSize, 4),
    }));
  return {
    config,
    logger,
    database,
    // The operator's own store: bring its schema up to date before the first use case runs.
    mdm: () =>
      (mdm ??= database().then(async (db) => {
        await migrate(db);
        return createMdmContext({ database: db, config, logger });
      })),
    async close() {
      if (opened) await (await opened.catch(() => undefined))?.close();
    },
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Another process owns the embedded data folder: an expected condition, with its own advice.
    if (err instanceof CliError || err instanceof DataDirLockedError) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exitCode = err instanceof CliError ? err.exitCode : 3;
    } else {
      process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
