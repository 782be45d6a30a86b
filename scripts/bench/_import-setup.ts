/**
 * Shared by the import benchmark and the crash-safety test: fresh PostgreSQL databases, synthetic
 * canonical files of an exact record count, and `npm run worker` processes started as children.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { CANONICAL_FIELDS } from '../../src/standardize/types.js';
import { openPostgres, type PostgresDatabase } from '../../src/store/db-postgres.js';
import { migrate } from '../../src/store/migrate.js';
import { insertSourceSystem } from '../../src/store/source-systems.js';
import { generateRecords } from '../../src/synth/generator.js';
import { SYSTEMS } from '../../src/synth/systems.js';
import { csvLine } from '../../src/synth/write-dataset.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Drops and creates database `name` on the server of `baseUrl`, migrates it, registers the synthetic systems. */
export async function freshDatabase(
  baseUrl: string,
  name: string,
): Promise<{ url: string; database: PostgresDatabase }> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 4);
  await migrate(database);
  await database.db.transaction().execute(async (trx) => {
    for (const s of SYSTEMS) await insertSourceSystem(trx, { name: s.name, display_name: s.name, trust_rank: 100 });
  });
  return { url: url.toString(), database };
}

export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/**
 * Writes exactly `records` generated records (customers with their duplicates across systems) into
 * `parts` canonical CSV files, round-robin by customer so each part is a realistic file of its own.
 */
export async function writeRecords(paths: string[], records: number, seed: string | number = 'bench'): Promise<void> {
  const outs = paths.map((p) => createWriteStream(p));
  for (const o of outs) o.write(CANONICAL_FIELDS.join(',') + '\n');
  let n = 0;
  for (const { record, truth } of generateRecords({ customers: records, seed })) {
    if (n >= records) break;
    n += 1;
    const part = outs[Number(truth.entity_id.replace(/\D/g, '') || 0) % outs.length] as NodeJS.WritableStream;
    if (!part.write(csvLine(record as unknown as Record<string, string>, CANONICAL_FIELDS))) await once(part, 'drain');
  }
  for (const o of outs) o.end();
  await Promise.all(outs.map((o) => once(o, 'finish')));
}

/** Starts `npm run worker` as a child (node directly, so SIGKILL hits the worker itself). */
export function spawnWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', DEDUPE_CRON: 'off', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

export async function stopWorker(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await once(child, 'exit');
}

export async function countRows(
  database: PostgresDatabase,
): Promise<{ records: number; customers: number; keys: number }> {
  const { rows } = await database.pool.query<{ records: string; customers: string; keys: string }>(
    `select (select count(*) from source_records) as records,
            (select count(*) from customers where status = 'active') as customers,
            (select count(distinct (source_system, source_record_id)) from source_records) as keys`,
  );
  const r = rows[0] as { records: string; customers: string; keys: string };
  return { records: Number(r.records), customers: Number(r.customers), keys: Number(r.keys) };
}
