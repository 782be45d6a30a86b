/**
 * `npm run bench -- standardize [--data DIR] [--rounds N]`: loads every DIR/*\/records.csv into
 * memory, then times standardizeRecord alone over all records (N rounds, best round reported, one
 * core). Prints one JSON line: records/s (wall and per CPU-second), exceptions, problem counts per dataset and per code.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCanonicalCsv } from '../../src/io/canonical-csv.js';
import {
  clearStandardizeCaches,
  standardizeOptions,
  standardizeRecord,
  type RawRecord,
} from '../../src/standardize/index.js';
import { machine } from './_machine.js';

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
}

async function load(dir: string): Promise<Map<string, RawRecord[]>> {
  const sets = new Map<string, RawRecord[]>();
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, 'records.csv');
    if (!existsSync(file)) continue;
    const records: RawRecord[] = [];
    for await (const row of readCanonicalCsv(file)) if ('record' in row) records.push(row.record);
    sets.set(name, records);
  }
  return sets;
}

export async function run(args: string[]): Promise<void> {
  const dir = arg(args, '--data', '/work/shared/data');
  const rounds = Number(arg(args, '--rounds', '3'));
  const sets = await load(dir);
  // The data sets are Australian (Febrl), American (Chicago, restaurants) and British (fake-1000):
  // records carry their country, so the default matters only for the few that do not.
  const options = standardizeOptions({ defaultCountry: 'AU', dateOrder: 'DMY', today: new Date() });
  const all = [...sets.values()].flat();
  for (const r of all.slice(0, 2000)) standardizeRecord(r, options); // warm-up (JIT, caches)

  // The machine is shared: wall time includes waiting for a core, so each round also records the
  // process CPU time (user + system). Records per CPU-second is the per-core rate.
  let best = Infinity;
  let bestCpu = Infinity;
  const cpuRounds: number[] = [];
  for (let round = 0; round < rounds; round++) {
    clearStandardizeCaches(); // caches help only within a round, as they would on one load
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (const r of all) standardizeRecord(r, options);
    const cpu = process.cpuUsage(cpuStart);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    cpuRounds.push(Math.round(all.length / cpuSeconds));
    bestCpu = Math.min(bestCpu, cpuSeconds);
  }

  const perDataset: Record<string, { records: number; exceptions: number; problems: Record<string, number> }> = {};
  const perCode: Record<string, number> = {};
  for (const [name, records] of sets) {
    const counts: Record<string, number> = {};
    let exceptions = 0;
    for (const r of records) {
      try {
        for (const p of standardizeRecord(r, options).problems) {
          counts[p.code] = (counts[p.code] ?? 0) + 1;
          perCode[p.code] = (perCode[p.code] ?? 0) + 1;
        }
      } catch {
        exceptions += 1;
      }
    }
    perDataset[name] = { records: records.length, exceptions, problems: counts };
  }
  const exceptions = Object.values(perDataset).reduce((n, d) => n + d.exceptions, 0);
  process.stdout.write(
    JSON.stringify({
      bench: 'standardize',
      records: all.length,
      rounds,
      bestRoundSeconds: Number(best.toFixed(3)),
      recordsPerSecond: Math.round(all.length / best),
      bestRoundCpuSeconds: Number(bestCpu.toFixed(3)),
      recordsPerCpuSecond: Math.round(all.length / bestCpu),
      recordsPerCpuSecondByRound: cpuRounds,
      exceptions,
      perCode,
      perDataset,
      machine: machine(),
    }) + '\n',
  );
}
