/**
 * `npm run bench -- generate [--customers N] [--seed S] [--locale L] [--keep DIR]`: generates a dataset
 * (default 400,000 customers ≈ 1 M records) into a temporary folder and prints records/s and peak RSS.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LocaleChoice } from '../../src/synth/locales/index.js';
import { writeDataset } from '../../src/synth/write-dataset.js';
import { machine } from './_machine.js';

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      customers: { type: 'string', default: '400000' },
      seed: { type: 'string', default: 'bench' },
      locale: { type: 'string', default: 'mixed' },
      keep: { type: 'string' },
    },
  });
  const customers = Number(values.customers);
  const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'ih-bench-generate-'));
  const started = process.hrtime.bigint();
  const summary = await writeDataset(
    dir,
    { customers, seed: values.seed, locale: values.locale as LocaleChoice },
    (n) => {
      if (n % 200_000 === 0) process.stderr.write(`generate: ${n} records\n`);
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const bytes = statSync(summary.recordsPath).size + statSync(summary.truthPath).size;
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  const result = {
    bench: 'generate',
    customers,
    records: summary.records,
    seconds: Math.round(seconds * 100) / 100,
    recordsPerSecond: Math.round(summary.records / seconds),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    outputMiB: Math.round(bytes / 2 ** 20),
    machine: machine(),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}
