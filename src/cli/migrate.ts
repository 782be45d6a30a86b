/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL (PostgreSQL) or, when unset, to
 * the embedded database in DATA_DIR (default ./data). Prints one JSON line.
 */
import { CliError } from './cli-error.js';
import { openDatabase } from '../store/db.js';
import { migrate } from '../store/migrate.js';

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stderr.write(
      'usage: identity-hub migrate\n\nenv: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded, default ./data)\n',
    );
    return 0;
  }
  if (args.length > 0) throw new CliError(`migrate takes no arguments (got ${args.join(' ')})`);
  // This entry module is the only place here that reads the environment (DESIGN.md: config at the edge).
  const databaseUrl = process.env['DATABASE_URL'] || undefined;
  const dataDir = process.env['DATA_DIR'] || './data';
  const started = Date.now();
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 2 });
  try {
    const { applied } = await migrate(database);
    const summary = {
      backend: database.kind,
      ...(database.kind === 'pglite' ? { dataDir } : {}),
      applied,
      ms: Date.now() - started,
    };
    process.stdout.write(JSON.stringify(summary) + '\n');
    return 0;
  } finally {
    await database.close();
  }
}
