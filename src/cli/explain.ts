/**
 * `explain --input records.csv --a SYS:ID --b SYS:ID [--model model.json] [--json]`: the field-by-field
 * explanation of two records' match weight. Without --model, a model is trained on the input first
 * (the same way dedupe does), so the weights are the ones dedupe would use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runBatchDedupe } from '../batch/pipeline.js';
import { explainPair, formatExplanation, parseModelJson, type MatchModel } from '../match/index.js';
import { standardizeOptions, standardizeRecord } from '../standardize/index.js';
import type { RawRecord } from '../standardize/types.js';
import { batchThresholds } from '../config.js';
import { CliError } from './cli-error.js';
import { INPUT_HELP, INPUT_OPTIONS, INPUT_USAGE, openInputRecords, recordKey, type InputArgs } from './input-file.js';
import type { CliDeps } from './deps.js';

export const USAGE = `usage: explain --input records.csv --a SYS:ID --b SYS:ID [--model model.json] [--json] [--country CC] ${INPUT_USAGE}

Explains the match weight of two records of a file, field by field (level, m, u, weight).

  --input FILE     the file holding both records (required)
  --a SYS:ID       first record: source system and source record id (required)
  --b SYS:ID       second record (required)
  --model FILE     a saved match model; default: none, so a model is trained on the input (as dedupe does)
  --json           print the explanation as JSON; default: a readable table
  --country CC     country of records that carry none; default: DEFAULT_COUNTRY (AU)

${INPUT_HELP}

example:
  npm run cli -- explain --input fixtures/sample/records.csv --a parcels:PCL044824675 --b call_centre:CC088911631`;

function parseRef(ref: string | undefined, name: string): { system: string; id: string } {
  const at = ref?.indexOf(':') ?? -1;
  if (!ref || at <= 0 || at === ref.length - 1)
    throw new CliError(`--${name} must be SOURCE_SYSTEM:RECORD_ID\n${USAGE}`);
  return { system: ref.slice(0, at), id: ref.slice(at + 1) };
}

async function readAll(path: string, args: InputArgs): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of (await openInputRecords(path, args)).records) out.push(record);
  return out;
}

function loadModel(path: string): MatchModel {
  if (!existsSync(path)) throw new CliError(`model file not found: ${path}`);
  const parsed = parseModelJson(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new CliError(`invalid model ${path}: ${parsed.problems.join('; ')}`);
  return parsed.model;
}

export async function run(args: string[], deps: CliDeps): Promise<number> {
  let v;
  try {
    v = parseArgs({
      args,
      options: {
        input: { type: 'string' },
        a: { type: 'string' },
        b: { type: 'string' },
        model: { type: 'string' },
        json: { type: 'boolean', default: false },
        country: { type: 'string' },
        ...INPUT_OPTIONS,
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${USAGE}`);
  }
  if (!v.input) throw new CliError(USAGE);
  const refA = parseRef(v.a, 'a');
  const refB = parseRef(v.b, 'b');
  if (!existsSync(v.input)) throw new CliError(`input file not found: ${v.input}`);
  const raws = await readAll(v.input, v);
  const find = (r: { system: string; id: string }) => {
    const key = recordKey(r.system, r.id);
    const raw = raws.find((x) => recordKey(x.source_system, x.source_record_id) === key);
    if (!raw) throw new CliError(`record ${r.system}:${r.id} not found in ${v.input}`);
    return raw;
  };
  const rawA = find(refA);
  const rawB = find(refB);
  const { config } = deps;
  const standardize = standardizeOptions({
    defaultCountry: v.country ?? config.defaultCountry,
    dateOrder: config.dateOrder,
  });
  const thresholds = batchThresholds(config);
  const batch = v.model ? undefined : await runBatchDedupe(raws, { standardize, thresholds });
  const model = v.model ? loadModel(v.model) : batch!.model;
  const stdA = standardizeRecord(rawA, standardize).std;
  const e = explainPair(model, stdA, standardizeRecord(rawB, standardize).std, batch?.generic);
  process.stdout.write(
    (v.json ? JSON.stringify(e) : formatExplanation(e, `${refA.system}:${refA.id}`, `${refB.system}:${refB.id}`)) +
      '\n',
  );
  return 0;
}
