/**
 * `evaluate --clusters clusters.csv --truth truth.csv [--review review.csv] [--by corruption]`:
 * pairwise precision/recall/F1, B-cubed and cluster counts as one JSON line. Records are joined on
 * (source_system as its slug, source_record_id); a truth record absent from the clusters counts as a singleton
 * (the matcher lost it). With `--review`, what the steward queue adds (recall with review, review
 * precision, pairs per 1,000 records); with `--by corruption`, recall and precision per corruption
 * kind from truth's `corruptions` column; when truth has `household_id`, household pairs kept apart.
 */
import { createReadStream, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCanonicalCsv } from '../io/canonical-csv.js';
import { decodeLines } from '../io/decode.js';
import { parseDelimited } from '../io/delimited.js';
import { evaluateClusters } from '../match/index.js';
import { corruptionKinds, evaluateByKind, evaluateHouseholds, evaluateReview } from '../match/evaluation-breakdown.js';
import { CliError } from './cli-error.js';
import { recordKey } from './input-file.js';

export const USAGE = `usage: evaluate --clusters clusters.csv --truth truth.csv [--review review.csv] [--by corruption]

Pairwise precision, recall and F1 of a clustering against the truth; one JSON line on stdout.

  --clusters FILE   source_system,source_record_id,customer_id (what dedupe writes) (required)
  --truth FILE      source_system,source_record_id,entity_id (what generate writes) (required)
  --review FILE     the review pairs dedupe wrote (--review-output): also reports how many true and
                    false pairs went to review; default: none
  --by corruption   break recall down by the generator's corruption kinds; default: no breakdown

example:
  npm run cli -- evaluate --clusters clusters.csv --truth fixtures/sample/truth.csv --review review.csv`;

/** Systems join by slug: cluster files from `dedupe` name them so, truth files as people wrote them. */
const keyOf = recordKey;

/** Rows of a CSV by record key: the named extra columns (the first required, the others optional). */
async function readColumns(path: string, required: string, optional: string[] = []) {
  if (!existsSync(path)) throw new CliError(`file not found: ${path}`);
  const out = new Map<string, Record<string, string | undefined>>();
  for await (const row of readCanonicalCsv(path)) {
    if ('error' in row) throw new CliError(`${path} line ${row.line}: ${row.error}`);
    const extra = row.record.extra ?? {};
    if (extra[required] === undefined) throw new CliError(`${path} line ${row.line}: no ${required}`);
    const values: Record<string, string | undefined> = { [required]: extra[required] };
    for (const name of optional) values[name] = extra[name];
    out.set(keyOf(row.record.source_system, row.record.source_record_id), values);
  }
  return out;
}

const REVIEW_HEADER = 'source_system_a,source_record_id_a,source_system_b,source_record_id_b,probability,reason';

/** Review pairs as record indices; a pair naming a record outside truth is an error. */
async function readReview(path: string, indexOf: Map<string, number>): Promise<Array<[number, number]>> {
  if (!existsSync(path)) throw new CliError(`file not found: ${path}`);
  const pairs: Array<[number, number]> = [];
  let header: string[] | undefined;
  for await (const rec of parseDelimited(decodeLines(createReadStream(path), 'utf-8'), ',')) {
    if ('error' in rec) throw new CliError(`${path} line ${rec.line}: ${rec.error}`);
    if (!header) {
      header = rec.fields;
      if (header.join(',') !== REVIEW_HEADER) throw new CliError(`${path}: header must be ${REVIEW_HEADER}`);
      continue;
    }
    const row = Object.fromEntries(header.map((h, i) => [h, rec.fields[i] ?? '']));
    const a = indexOf.get(keyOf(row['source_system_a'] ?? '', row['source_record_id_a'] ?? ''));
    const b = indexOf.get(keyOf(row['source_system_b'] ?? '', row['source_record_id_b'] ?? ''));
    if (a === undefined || b === undefined) throw new CliError(`${path} line ${rec.line}: record not in truth`);
    pairs.push([a, b]);
  }
  return pairs;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        clusters: { type: 'string' },
        truth: { type: 'string' },
        review: { type: 'string' },
        by: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${USAGE}`);
  }
}

export async function run(args: string[]): Promise<number> {
  const values = parse(args);
  if (!values.clusters || !values.truth) throw new CliError(USAGE);
  if (values.by !== undefined && values.by !== 'corruption') throw new CliError(`--by must be corruption\n${USAGE}`);
  const clusters = await readColumns(values.clusters, 'customer_id');
  const truth = await readColumns(values.truth, 'entity_id', ['household_id', 'corruptions']);
  const predicted: string[] = [];
  const entities: string[] = [];
  const households: string[] = [];
  const kinds: string[][] = [];
  const indexOf = new Map<string, number>();
  let missing = 0;
  for (const [key, row] of truth) {
    const c = clusters.get(key)?.customer_id;
    if (c === undefined) missing++;
    indexOf.set(key, predicted.length);
    predicted.push(c ?? `missing\u0000${key}`);
    entities.push(row.entity_id!);
    households.push(row.household_id ?? row.entity_id!);
    kinds.push(corruptionKinds(row.corruptions));
  }
  const result: Record<string, unknown> = { ...evaluateClusters(predicted, entities), missingFromClusters: missing };
  if (values.review) result.review = evaluateReview(predicted, entities, await readReview(values.review, indexOf));
  if (values.by === 'corruption') result.byCorruption = evaluateByKind(predicted, entities, kinds);
  if ([...truth.values()].some((r) => r.household_id !== undefined))
    result.households = evaluateHouseholds(predicted, entities, households);
  process.stdout.write(JSON.stringify(result) + '\n');
  return 0;
}
