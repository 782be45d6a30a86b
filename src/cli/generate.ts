/**
 * `generate --customers N --out DIR [--seed S] [--profile postal|registry] [--locale us|au|uk|cn|mixed] [--config rates.json]
 *  [--rate name=value ...] [--shuffle-buckets N] [--quiet]`
 * Writes DIR/records.csv (canonical columns) and DIR/truth.csv; prints a one-line JSON summary.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveRates, type GeneratorRates } from '../synth/config.js';
import { LOCALE_CODES } from '../synth/locales/types.js';
import { isProfileName, PROFILES } from '../synth/profiles.js';
import type { LocaleChoice } from '../synth/locales/index.js';
import { writeDataset } from '../synth/write-dataset.js';
import { CliError } from './cli-error.js';
import { createProgress } from './progress.js';

export const USAGE = `usage: generate --customers N --out DIR [--seed S] [--profile postal|registry] [--locale us|au|uk|cn|mixed]
                [--config rates.json] [--rate name=value ...] [--shuffle-buckets N] [--quiet]

Writes synthetic customer records (DIR/records.csv) and the truth of who is who (DIR/truth.csv).
Each customer gets one or more records in several source systems, with realistic corruptions.

  --customers N         how many distinct customers (required); the record count is larger
  --out DIR             output folder, created if missing (required)
  --seed S              random seed: the same seed gives the same files; default: 1
  --profile NAME        postal (several business systems, default) or registry (a voter register)
  --locale L            us, au, uk, cn or mixed; default: mixed (postal), us (registry)
  --config FILE         JSON of corruption rates overriding the profile's; default: the profile's rates
  --rate name=value     one rate override, repeatable (e.g. --rate typo=0.1)
  --shuffle-buckets N   how finely the output order is shuffled; default: 64
  --quiet               no progress bar on stderr

example:
  npm run cli -- generate --customers 5000 --out /tmp/gen --seed 7 --locale au`;

function positiveInt(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--${name} must be a non-negative integer\n${USAGE}`);
  return n;
}

function loadRates(configPath: string | undefined, pairs: string[], base: GeneratorRates): GeneratorRates {
  let overrides: Record<string, unknown> = {};
  if (configPath) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(configPath, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
      overrides = { ...(parsed as Record<string, unknown>) };
    } catch (err) {
      throw new CliError(`cannot read --config ${configPath}: ${(err as Error).message}`);
    }
  }
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`--rate expects name=value, got "${pair}"`);
    overrides[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const { rates, problems } = resolveRates(overrides, base);
  if (problems.length > 0) throw new CliError(problems.join('; '));
  return rates;
}

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        customers: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        profile: { type: 'string' },
        locale: { type: 'string' },
        config: { type: 'string' },
        rate: { type: 'string', multiple: true },
        'shuffle-buckets': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stderr.write(USAGE + '\n');
    return 0;
  }
  if (!values.customers || !values.out) throw new CliError(`--customers and --out are required\n${USAGE}`);
  const customers = positiveInt('customers', values.customers);
  const profile = values.profile ?? 'postal';
  if (!isProfileName(profile)) throw new CliError(`unknown --profile "${profile}"\n${USAGE}`);
  // A voter register is national: its default locale is one country's (US), not the postal mix.
  const locale = (values.locale ?? (profile === 'registry' ? 'us' : 'mixed')) as LocaleChoice;
  if (locale !== 'mixed' && !LOCALE_CODES.includes(locale))
    throw new CliError(`unknown --locale "${locale}"\n${USAGE}`);
  const rates = loadRates(values.config, values.rate ?? [], PROFILES[profile].rates);
  if (existsSync(values.out) && !statSync(values.out).isDirectory()) {
    throw new CliError(`--out ${values.out} exists and is not a directory`);
  }
  const seed = values.seed ?? '1';
  const shuffleBuckets = positiveInt('shuffle-buckets', values['shuffle-buckets'], 64);

  // Counts records written (a customer has one or more): the label says so, and the bar ends at
  // the true record count, not at the last 10,000 reported.
  const progress = createProgress('records written', { enabled: !values.quiet });
  const started = process.hrtime.bigint();
  const summary = await writeDataset(values.out, { customers, seed, locale, rates, profile, shuffleBuckets }, (n) =>
    progress.update(n),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  progress.update(summary.records);
  progress.finish(`${customers} customers, ${summary.records} records`);
  const out = {
    customers,
    records: summary.records,
    seed,
    profile,
    locale,
    seconds: Math.round(seconds * 100) / 100,
    recordsPerSecond: Math.round(summary.records / seconds),
    records_csv: summary.recordsPath,
    truth_csv: summary.truthPath,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
  return 0;
}
