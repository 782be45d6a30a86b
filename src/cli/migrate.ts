/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL (PostgreSQL) or, when unset, to
 * the embedded database in DATA_DIR (default ./data). Prints one JSON line.
 */
import { migrate } from '../store/migrate.js';
import { CliError } from './cli-error.js';
import type { CliDeps } from './deps.js';

export async function run(args: string[], deps: CliDeps): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stderr.write(
      'usage: identity-hub migrate\n\nApplies the pending migrations (migrations/*.sql) and prints one JSON line; it has no options.\n' +
        'env: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded, default ./data)\n\n' +
        'example:\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/ih npm run migrate\n',
    );
    return 0;
  }
  if (args.length > 0) throw new CliError(`migrate takes no arguments (got ${args.join(' ')})`);
  const started = Date.now();
  const database = await deps.database();
  const { applied } = await migrate(database);
  const summary = {
    backend: database.kind,
    ...(database.kind === 'pglite' ? { dataDir: deps.config.dataDir } : {}),
    applied,
    ms: Date.now() - started,
  };
  process.stdout.write(JSON.stringify(summary) + '\n');
  return 0;
}
