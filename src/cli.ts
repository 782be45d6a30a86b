#!/usr/bin/env node
/**
 * Command-line entry point: picks the command, hands it the remaining arguments, maps its result to an exit code.
 * Each command lives in src/cli/<name>.ts and exports `run(args): Promise<number>` (the exit code).
 * Commands print machine-readable results on stdout and progress/diagnostics on stderr.
 */
import { CliError } from './cli/cli-error.js';
import { DataDirLockedError } from './store/data-dir-lock.js';

const COMMANDS: Record<
  string,
  { summary: string; load: () => Promise<{ run(args: string[]): Promise<number>; USAGE?: string }> }
> = {
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
  return mod.run(args);
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
