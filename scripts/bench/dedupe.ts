/**
 * `npm run bench -- dedupe [--records N] [--seed S] [--threads T] [--completeness] [--profile DIR] [--keep]`:
 * end-to-end batch dedupe of N synthetic records (default 1,000,000), exactly as a user runs it
 * (`cli dedupe --input … --output … --train` in a child process), then pairwise F1 against the
 * generator's truth (`cli evaluate`). Prints one JSON line: seconds per stage, wall and CPU time,
 * peak RSS of the whole child (all threads, from /usr/bin/time -v), F1, machine and load.
 * The generated input is cached in $TMPDIR/ih-bench-dedupe/<customers>-<seed>/ across runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeDataset } from '../../src/synth/write-dataset.js';
import { machine } from './_machine.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RECORDS_PER_CUSTOMER = 2.5; // the generator's average (docs/generator.md)

interface ChildResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runChild(cmd: string, args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Generates (once) the dataset of `customers` customers; later runs reuse it. */
async function dataset(customers: number, seed: string): Promise<{ records: string; truth: string }> {
  const dir = join(tmpdir(), 'ih-bench-dedupe', `${customers}-${seed}`);
  const done = join(dir, '.complete');
  if (!existsSync(done)) {
    process.stderr.write(`dedupe bench: generating ${customers} customers into ${dir}\n`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await writeDataset(dir, { customers, seed, locale: 'mixed' });
    writeFileSync(done, new Date().toISOString());
  }
  return { records: join(dir, 'records.csv'), truth: join(dir, 'truth.csv') };
}

/** Figures of `/usr/bin/time -v` (peak RSS covers every thread of the process). */
function timeFigures(stderr: string): { maxRssMiB: number; userSeconds: number; systemSeconds: number } {
  const num = (label: string) => Number(new RegExp(`${label}: ([0-9.]+)`).exec(stderr)?.[1] ?? NaN);
  return {
    maxRssMiB: Math.round(num('Maximum resident set size \\(kbytes\\)') / 1024),
    userSeconds: num('User time \\(seconds\\)'),
    systemSeconds: num('System time \\(seconds\\)'),
  };
}

const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

function lastJsonLine(text: string): Record<string, unknown> {
  const line = text.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Record<string, unknown>;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      records: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: 'bench' },
      threads: { type: 'string' },
      completeness: { type: 'boolean', default: false },
      profile: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const customers = Math.max(1, Math.round(Number(values.records) / RECORDS_PER_CUSTOMER));
  const data = await dataset(customers, values.seed);
  const output = join(tmpdir(), 'ih-bench-dedupe', `clusters-${customers}-${values.seed}-${process.pid}.csv`);
  const node = [process.execPath, ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [])];
  const dedupeArgs = ['--import', 'tsx', 'src/cli.ts', 'dedupe', '--input', data.records, '--output', output];
  dedupeArgs.push('--train', '--quiet');
  if (values.threads) dedupeArgs.push('--threads', values.threads);
  if (values.completeness) dedupeArgs.push('--truth', data.truth);

  const loadBefore = load();
  process.stderr.write(`dedupe bench: ${[...node, ...dedupeArgs].join(' ')}\n`);
  const started = performance.now();
  const dedupe = await runChild('/usr/bin/time', ['-v', ...node, ...dedupeArgs]);
  const wallSeconds = (performance.now() - started) / 1000;
  const loadAfter = load();
  if (dedupe.code !== 0) throw new Error(`dedupe failed (exit ${dedupe.code}):\n${dedupe.stderr}`);
  const summary = lastJsonLine(dedupe.stdout);
  const time = timeFigures(dedupe.stderr);

  process.stderr.write('dedupe bench: evaluating against truth\n');
  const evaluation = await runChild(process.execPath, [
    '--import',
    'tsx',
    'src/cli.ts',
    'evaluate',
    '--clusters',
    output,
    '--truth',
    data.truth,
  ]);
  if (evaluation.code !== 0) throw new Error(`evaluate failed (exit ${evaluation.code}):\n${evaluation.stderr}`);
  const quality = lastJsonLine(evaluation.stdout) as { pairwise: { precision: number; recall: number; f1: number } };
  if (!values.keep) rmSync(output, { force: true });

  const round = (x: number) => Math.round(x * 1000) / 1000;
  const result = {
    bench: 'dedupe',
    customers,
    records: summary.records,
    threads: values.threads ?? 'default',
    seconds: summary.seconds,
    wallSeconds: round(wallSeconds),
    cpuSeconds: round(time.userSeconds + time.systemSeconds),
    peakRssMiB: time.maxRssMiB,
    candidatePairs: summary.candidatePairs,
    pairsPerRecord: round(Number(summary.candidatePairs) / Number(summary.records)),
    links: summary.links,
    clusters: summary.clusters,
    reviewCandidates: summary.reviewCandidates,
    pairsCompleteness: summary.pairsCompleteness,
    pairwise: {
      precision: round(quality.pairwise.precision),
      recall: round(quality.pairwise.recall),
      f1: round(quality.pairwise.f1),
    },
    load: { before: loadBefore, after: loadAfter },
    command: `npm run --silent cli -- dedupe ${dedupeArgs.slice(4).join(' ')}`,
    machine: machine(),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}
