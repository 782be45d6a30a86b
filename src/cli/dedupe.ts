/**
 * `dedupe --input records.csv --output clusters.csv [--model model.json] [--train] [--save-model out.json]
 *  [--country CC] [--date-order DMY|MDY|YMD] [--encoding/--delimiter/--mapping/--system]`: batch
 * deduplication of a source file (any encoding, delimiter or column mapping the reader accepts) with
 * no server or database. Systems are written as slugs. Progress on stderr, one JSON summary line on stdout.
 * The thresholds, country and date order are the service's settings (MATCH_UPPER_THRESHOLD,
 * MATCH_LOWER_THRESHOLD, DEFAULT_COUNTRY, DATE_ORDER), so the batch decides as the real-time path
 * does; --country / --date-order override.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runBatchDedupe, type BatchResult, type BatchStage } from '../batch/pipeline.js';
import { parseModelJson, serializeModel, type MatchModel } from '../match/index.js';
import { csvField, readCanonicalCsv } from '../io/canonical-csv.js';
import { batchThresholds } from '../config.js';
import { standardizeOptions } from '../standardize/index.js';
import type { StandardizeOptions, StdRecord } from '../standardize/types.js';
import { CliError } from './cli-error.js';
import { INPUT_HELP, INPUT_OPTIONS, INPUT_USAGE, openInputRecords, recordKey } from './input-file.js';
import type { CliDeps } from './deps.js';
import { createStageProgress } from './progress.js';

export const USAGE = `usage: dedupe --input records.csv --output clusters.csv [--model model.json] [--train] [--save-model out.json] [--country CC] [--date-order DMY|MDY|YMD] [--truth truth.csv] [--threads N] [--review-output review.csv] [--related-output related.csv] [--quiet] ${INPUT_USAGE}

Deduplicates a file with no server or database: standardise, block, compare, score, cluster.
Writes source_system,source_record_id,customer_id per record; one JSON summary line on stdout.

  --input FILE          records to deduplicate (required)
  --output FILE         clusters CSV to write (required)
  --model FILE          a saved match model (model.json) to score with; default: none, so a model is
                        TRAINED on the input itself (constrained EM, checked against the expert model)
  --train               train on the input even when --model is given (the model is then the start)
  --save-model FILE     write the model used (trained or loaded) as JSON; default: not written
  --country CC          country of records that carry none (ISO alpha-2); default: DEFAULT_COUNTRY (AU)
  --date-order ORDER    DMY, MDY or YMD for ambiguous dates; default: DATE_ORDER (DMY)
  --truth FILE          truth.csv (source_system,source_record_id,entity_id) to report blocking's pairs
                        completeness; default: none
  --threads N           worker threads for standardising and comparing; default: min(4, CPU cores)
  --review-output FILE  write the pairs left for review (between the thresholds, or held back by a
                        policy) as CSV; default: not written
  --related-output FILE write the pairs judged related but not the same customer (e.g. one household)
                        as CSV; default: not written
  --quiet               no progress bars on stderr

${INPUT_HELP}

example:
  npm run cli -- dedupe --input fixtures/sample/records.csv --output clusters.csv --review-output review.csv`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        input: { type: 'string' },
        output: { type: 'string' },
        model: { type: 'string' },
        train: { type: 'boolean', default: false },
        'save-model': { type: 'string' },
        country: { type: 'string' },
        'date-order': { type: 'string' },
        truth: { type: 'string' },
        threads: { type: 'string', default: String(Math.min(4, Math.max(1, availableParallelism()))) },
        'review-output': { type: 'string' },
        'related-output': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        ...INPUT_OPTIONS,
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${USAGE}`);
  }
}

function loadModel(path: string): MatchModel {
  if (!existsSync(path)) throw new CliError(`model file not found: ${path}`);
  const parsed = parseModelJson(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new CliError(`invalid model ${path}: ${parsed.problems.join('; ')}`);
  return parsed.model;
}

function stdOptions(country: string, order: string): StandardizeOptions {
  if (!/^[A-Za-z]{2}$/.test(country)) throw new CliError(`--country must be an ISO 3166 alpha-2 code, got ${country}`);
  if (order !== 'DMY' && order !== 'MDY' && order !== 'YMD') throw new CliError('--date-order must be DMY, MDY or YMD');
  return standardizeOptions({ defaultCountry: country, dateOrder: order });
}

/** Optional truth (source_system,source_record_id,entity_id): only to report blocking's pairs completeness. */
async function readTruth(path: string): Promise<Map<string, string>> {
  if (!existsSync(path)) throw new CliError(`truth file not found: ${path}`);
  const truth = new Map<string, string>();
  for await (const row of readCanonicalCsv(path)) {
    const entity = 'record' in row ? row.record.extra?.entity_id : undefined;
    if ('record' in row && entity !== undefined)
      truth.set(recordKey(row.record.source_system, row.record.source_record_id), entity);
  }
  return truth;
}

function positiveThreads(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--threads must be a positive integer\n${USAGE}`);
  return n;
}

/** Writes source_system,source_record_id,customer_id in blocks of lines (one write per row is slow at 1 M rows). */
async function writeClusters(path: string, records: readonly StdRecord[], customerIds: readonly string[]) {
  const out = createWriteStream(path);
  let block = 'source_system,source_record_id,customer_id\n';
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    block += `${csvField(r.sourceSystem)},${csvField(r.sourceRecordId)},${csvField(customerIds[i])}\n`;
    if (block.length > 1 << 20) {
      if (!out.write(block)) await once(out, 'drain');
      block = '';
    }
  }
  out.end(block);
  await once(out, 'finish');
}

/**
 * The review band: source_system_a,source_record_id_a,source_system_b,source_record_id_b,probability,reason
 * (reason: the policy or guard that kept the pair from merging, or "between-thresholds").
 */
async function writeReview(path: string, result: BatchResult) {
  const out = createWriteStream(path);
  let block = 'source_system_a,source_record_id_a,source_system_b,source_record_id_b,probability,reason\n';
  const { records, candidates, probabilities } = result;
  for (const r of result.clustering.review) {
    const a = records[candidates.left[r.pair]!]!;
    const b = records[candidates.right[r.pair]!]!;
    block += `${csvField(a.sourceSystem)},${csvField(a.sourceRecordId)},${csvField(b.sourceSystem)},${csvField(b.sourceRecordId)},${probabilities[r.pair]!.toFixed(6)},${csvField(r.reason)}\n`;
    if (block.length > 1 << 20) {
      if (!out.write(block)) await once(out, 'drain');
      block = '';
    }
  }
  out.end(block);
  await once(out, 'finish');
}

/** Related customers: source_system_a,source_record_id_a,source_system_b,source_record_id_b,relationship,shared. */
async function writeRelated(path: string, result: BatchResult) {
  const out = createWriteStream(path);
  let block = 'source_system_a,source_record_id_a,source_system_b,source_record_id_b,relationship,shared\n';
  const { records, candidates } = result;
  for (const r of result.related) {
    const a = records[candidates.left[r.pair]!]!;
    const b = records[candidates.right[r.pair]!]!;
    block += `${csvField(a.sourceSystem)},${csvField(a.sourceRecordId)},${csvField(b.sourceSystem)},${csvField(b.sourceRecordId)},${r.relationship},${r.shared.join(';')}\n`;
    if (block.length > 1 << 20) {
      if (!out.write(block)) await once(out, 'drain');
      block = '';
    }
  }
  out.end(block);
  await once(out, 'finish');
}

export async function run(args: string[], deps: CliDeps): Promise<number> {
  const opts = parse(args);
  if (!opts.input || !opts.output) throw new CliError(USAGE);
  if (!existsSync(opts.input)) throw new CliError(`input file not found: ${opts.input}`);
  const model = opts.model ? loadModel(opts.model) : undefined;
  const { config } = deps;
  const standardize = stdOptions(opts.country ?? config.defaultCountry, opts['date-order'] ?? config.dateOrder);
  const bars = createStageProgress<BatchStage>({ enabled: !opts.quiet });
  const input = await openInputRecords(opts.input, opts, opts.quiet);
  const truth = opts.truth ? await readTruth(opts.truth) : undefined;
  const result = await runBatchDedupe(input.records, {
    standardize,
    model,
    train: opts.train,
    thresholds: batchThresholds(config),
    threads: positiveThreads(opts.threads),
    truthOf: truth && ((s) => truth.get(recordKey(s.sourceSystem, s.sourceRecordId))),
    onProgress: (p) => bars.onProgress(p),
  });
  bars.finish();
  const writeStarted = performance.now();
  await writeClusters(opts.output, result.records, result.customerIds);
  if (opts['review-output']) await writeReview(opts['review-output'], result);
  if (opts['related-output']) await writeRelated(opts['related-output'], result);
  if (opts['save-model']) writeFileSync(opts['save-model'], serializeModel(result.model));
  const write = Math.round(performance.now() - writeStarted) / 1000;
  const { seconds, ...rest } = result.summary;
  // Peak memory again after writing: the whole run's high-water mark (all threads).
  const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    JSON.stringify({ ...rest, peakRssMiB, badRows: input.bad.rows, seconds: { ...seconds, write } }) + '\n',
  );
  return 0;
}
