/** Job test support: synthetic canonical files, a runner of either kind over a real database. */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { createMdmContext, type MdmContext } from '../../src/mdm/index.js';
import { InlineJobRunner } from '../../src/jobs/inline.js';
import { PROCESSORS } from '../../src/jobs/processors/index.js';
import { BullmqJobRunner, startWorkers, type RunningWorkers } from '../../src/jobs/queues.js';
import type { JobRunner, JobState, JobView, ProcessorTable } from '../../src/jobs/types.js';
import { CANONICAL_FIELDS } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import { insertSourceSystem } from '../../src/store/source-systems.js';
import { generateRecords } from '../../src/synth/generator.js';
import { SYSTEMS } from '../../src/synth/systems.js';
import { csvLine } from '../../src/synth/write-dataset.js';

export type RunnerKind = 'inline' | 'bullmq';
export const redisUrl = process.env['REDIS_URL'] || undefined;
export const runnerKinds: RunnerKind[] = redisUrl ? ['inline', 'bullmq'] : ['inline'];

export function jobContext(database: Database, env: Record<string, string> = {}): MdmContext {
  return createMdmContext({
    database,
    config: loadConfig({ DEFAULT_COUNTRY: 'AU', DATE_ORDER: 'DMY', ...env }),
    logger: pino({ level: 'silent' }),
  });
}

/** Registers every system the synthetic generator uses. */
export async function addSynthSystems(database: Database): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    for (const s of SYSTEMS) {
      await insertSourceSystem(trx, { name: s.name, display_name: s.name, trust_rank: 100 });
    }
  });
}

/** Writes a canonical CSV of generated customers (with their duplicates); returns the record count. */
export async function writeSynthCsv(path: string, customers: number, seed: string | number = 7): Promise<number> {
  const out = createWriteStream(path);
  out.write(CANONICAL_FIELDS.join(',') + '\n');
  let n = 0;
  for (const { record } of generateRecords({ customers, seed })) {
    n += 1;
    if (!out.write(csvLine(record as unknown as Record<string, string>, CANONICAL_FIELDS))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return n;
}

export interface Harness {
  runner: JobRunner;
  ctx: MdmContext;
  waitFor(id: string, states: JobState[], timeoutMs?: number): Promise<JobView>;
  close(): Promise<void>;
}

/** A runner of the given kind; with BullMQ, workers run in this process under a unique key prefix. */
export function startHarness(
  kind: RunnerKind,
  database: Database,
  processors: ProcessorTable = PROCESSORS,
  env: Record<string, string> = {},
): Harness {
  const ctx = jobContext(database, env);
  const deps = { mdm: ctx, logger: ctx.logger, processors };
  let runner: JobRunner;
  let workers: RunningWorkers | undefined;
  if (kind === 'bullmq') {
    const prefix = `ih-test-${process.pid}-${randomBytes(4).toString('hex')}`;
    runner = new BullmqJobRunner(database, { redisUrl: redisUrl as string, prefix, backoffScale: 0.01 });
    workers = startWorkers({ redisUrl: redisUrl as string, prefix, deps, concurrency: 2 });
  } else {
    runner = new InlineJobRunner({ ...deps, concurrency: 2, backoffScale: 0.01 });
  }
  return {
    runner,
    ctx,
    async waitFor(id, states, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const view = await runner.get(id);
        if (view && states.includes(view.state)) return view;
        if (Date.now() > deadline)
          throw new Error(`job ${id} did not reach ${states.join('|')}: ${JSON.stringify(view)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await workers?.close();
      await runner.close();
    },
  };
}
