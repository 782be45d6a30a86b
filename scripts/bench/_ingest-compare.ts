/**
 * Loads the same records into two stores — one upsert at a time, and through the bulk path
 * (upsertRecords) — and compares the customers they end with. Shared by the equivalence test and
 * `npm run bench -- ingest-equivalence`.
 */
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import {
  createMdmContext,
  upsertRecord,
  upsertRecords,
  type Actor,
  type MdmContext,
  type UpsertFailure,
  type UpsertResult,
} from '../../src/mdm/index.js';
import type { RawRecord } from '../../src/standardize/types.js';
import type { Database } from '../../src/store/db.js';
import { insertSourceSystem } from '../../src/store/source-systems.js';

const ACTOR: Actor = { type: 'system', id: 'ingest-equivalence' };

/**
 * A context whose warnings land in `warnings` (a bulk chunk that failed and fell back to one-by-one
 * upserts logs one: an equivalence check must see none, or it would compare one-by-one with itself).
 */
export function compareContext(database: Database, warnings: string[] = []): MdmContext {
  return createMdmContext({
    database,
    config: loadConfig({
      MATCH_UPPER_THRESHOLD: '0.95',
      MATCH_LOWER_THRESHOLD: '0.6',
      DEFAULT_COUNTRY: 'AU',
      DATE_ORDER: 'DMY',
      // One model for both stores: the automatic first training runs in the background, at a record
      // count that depends on the clock, so the two stores would otherwise decide with different models.
      MODEL_AUTO_TRAIN_RECORDS: '0',
    }),
    logger: pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) }),
  });
}

export async function registerSystems(database: Database, records: RawRecord[]): Promise<void> {
  const names = [...new Set(records.map((r) => String(r.source_system)))];
  await database.db.transaction().execute(async (trx) => {
    for (const name of names) await insertSourceSystem(trx, { name, display_name: name, trust_rank: 100 });
  });
}

export async function loadOneByOne(ctx: MdmContext, records: RawRecord[]): Promise<void> {
  for (const r of records) await upsertRecord(ctx, ACTOR, r);
}

/** Through the bulk path, `chunk` records per upsertRecords call; returns the failures. */
export async function loadBulk(ctx: MdmContext, records: RawRecord[], chunk: number): Promise<UpsertFailure[]> {
  const failed: UpsertFailure[] = [];
  for (let i = 0; i < records.length; i += chunk) {
    for (const r of await upsertRecords(ctx, ACTOR, records.slice(i, i + chunk))) {
      if ('error' in r) failed.push(r);
    }
  }
  return failed;
}

export async function resend(ctx: MdmContext, records: RawRecord[]): Promise<Array<UpsertResult | UpsertFailure>> {
  return upsertRecords(ctx, ACTOR, records);
}

export interface StoreOutcome {
  /** Customer of each record, as the sorted list of its records' refs (a name-free partition). */
  groupOf: Map<string, string>;
  links: Set<string>;
  openTasks: Set<string>;
}

export async function readOutcome(database: Database): Promise<StoreOutcome> {
  const rows = await database.db
    .selectFrom('source_records')
    .select(['id', 'source_system', 'source_record_id', 'customer_id'])
    .execute();
  const refOfId = new Map(rows.map((r) => [Number(r.id), `${r.source_system}|${r.source_record_id}`]));
  const members = new Map<string, string[]>();
  for (const r of rows) {
    const list = members.get(r.customer_id ?? '') ?? [];
    list.push(`${r.source_system}|${r.source_record_id}`);
    members.set(r.customer_id ?? '', list);
  }
  const groupOf = new Map<string, string>();
  for (const list of members.values()) {
    const name = [...list].sort().join(' ');
    for (const ref of list) groupOf.set(ref, name);
  }
  const pair = (a: number, b: number, what: string): string =>
    [refOfId.get(Number(a)), refOfId.get(Number(b))].sort().join(' ~ ') + ` ${what}`;
  const links = await database.db.selectFrom('match_links').select(['record_a', 'record_b', 'decision']).execute();
  const tasks = await database.db
    .selectFrom('review_tasks')
    .select(['record_a', 'record_b'])
    .where('status', '=', 'open')
    .execute();
  return {
    groupOf,
    links: new Set(links.map((l) => pair(l.record_a, l.record_b, l.decision))),
    openTasks: new Set(tasks.map((t) => pair(t.record_a, t.record_b, 'open'))),
  };
}

export interface Comparison {
  records: number;
  /** Records whose customer (as a set of records) differs between the two loads. */
  recordsInDifferentCustomers: number;
  customers: [number, number];
  linksOnlyInOne: number;
  openTasks: [number, number];
  openTasksOnlyInOne: number;
}

export function compareOutcomes(a: StoreOutcome, b: StoreOutcome): Comparison {
  let differ = 0;
  for (const [ref, group] of a.groupOf) if (b.groupOf.get(ref) !== group) differ++;
  const symmetric = (x: Set<string>, y: Set<string>): number =>
    [...x].filter((v) => !y.has(v)).length + [...y].filter((v) => !x.has(v)).length;
  return {
    records: a.groupOf.size,
    recordsInDifferentCustomers: differ,
    customers: [new Set(a.groupOf.values()).size, new Set(b.groupOf.values()).size],
    linksOnlyInOne: symmetric(a.links, b.links),
    openTasks: [a.openTasks.size, b.openTasks.size],
    openTasksOnlyInOne: symmetric(a.openTasks, b.openTasks),
  };
}
