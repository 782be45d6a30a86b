/**
 * `evaluate --clusters clusters.csv --truth truth.csv`: pairwise precision/recall/F1, B-cubed and
 * cluster counts as one JSON line. Records are joined on (source_system as its slug, source_record_id); a truth
 * record absent from the clusters counts as a singleton (the matcher lost it).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCanonicalCsv } from '../io/canonical-csv.js';
import { evaluateClusters } from '../match/index.js';
import { CliError } from './cli-error.js';
import { recordKey } from './input-file.js';

export const USAGE = 'usage: evaluate --clusters clusters.csv --truth truth.csv';

async function readColumn(path: string, column: string): Promise<Map<string, string>> {
  if (!existsSync(path)) throw new CliError(`file not found: ${path}`);
  const out = new Map<string, string>();
  for await (const row of readCanonicalCsv(path)) {
    if ('error' in row) throw new CliError(`${path} line ${row.line}: ${row.error}`);
    const value = row.record.extra?.[column];
    if (value === undefined) throw new CliError(`${path} line ${row.line}: no ${column}`);
    out.set(recordKey(row.record.source_system, row.record.source_record_id), value);
  }
  return out;
}

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args,
      options: { clusters: { type: 'string' }, truth: { type: 'string' } },
      strict: true,
    }).values;
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${USAGE}`);
  }
  if (!values.clusters || !values.truth) throw new CliError(USAGE);
  const clusters = await readColumn(values.clusters, 'customer_id');
  const truth = await readColumn(values.truth, 'entity_id');
  const predicted: string[] = [];
  const entities: string[] = [];
  let missing = 0;
  for (const [key, entity] of truth) {
    const c = clusters.get(key);
    if (c === undefined) missing++;
    predicted.push(c ?? `missing\u0000${key}`);
    entities.push(entity);
  }
  const result = evaluateClusters(predicted, entities);
  process.stdout.write(JSON.stringify({ ...result, missingFromClusters: missing }) + '\n');
  return 0;
}
