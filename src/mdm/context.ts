/**
 * Everything a use case needs, built once per process and passed first to every mdm/ function:
 * the database, a logger, the decision settings, the active match model and a small cache of
 * source systems (their trust ranks feed survivorship; existence is checked on every upsert).
 */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { StandardizeOptions } from '../standardize/types.js';
import type { Database } from '../store/db.js';
import { MODEL_PROMOTED_CHANNEL } from '../store/models.js';
import { listen, type Unlisten } from '../store/notifications.js';
import { listSourceSystemRows } from '../store/source-systems.js';
import { loadActiveModel, type ActiveModel } from './matching/active-model.js';

/**
 * The decision settings, named as in Config (one name from the environment variable to the use
 * case; config.ts owns every default), plus the standardisation options derived from them.
 */
export interface MdmSettings extends MdmConfig {
  standardize: StandardizeOptions;
}

export interface ModelProvider {
  /** The active model (cached; loaded on first use). */
  current(): Promise<ActiveModel>;
  /** Reloads from match_models, e.g. after a retrained model was promoted. */
  refresh(): Promise<ActiveModel>;
  /**
   * Reloads whenever any process promotes a model (LISTEN/NOTIFY). Started by the composition
   * roots (main.ts, worker.ts); the returned function stops listening (shutdown).
   */
  watch(): Promise<Unlisten>;
}

export interface SourceSystemCache {
  /** Trust rank of a system, or undefined when it does not exist (reloads once on a miss). */
  trustRank(name: string): Promise<number | undefined>;
  /** Synchronous rank for survivorship; systems not seen yet rank last. */
  trustOf(name: string): number;
  clear(): void;
}

export interface MdmContext {
  database: Database;
  logger: Logger;
  settings: MdmSettings;
  models: ModelProvider;
  sourceSystems: SourceSystemCache;
}

/** The configuration fields the MDM core reads (a subset of the service Config, defaults and all). */
export type MdmConfig = Pick<
  Config,
  | 'matchUpperThreshold'
  | 'matchLowerThreshold'
  | 'matchMaxCandidates'
  | 'matchMaxBlockSize'
  | 'modelAutoTrainRecords'
  | 'modelGateMaxShift'
  | 'defaultCountry'
  | 'dateOrder'
>;

/** Built once per process by its composition root (main.ts, worker.ts, cli.ts) and passed down. */
export function createMdmContext(opts: { database: Database; config: MdmConfig; logger: Logger }): MdmContext {
  const c = opts.config;
  const settings: MdmSettings = {
    matchUpperThreshold: c.matchUpperThreshold,
    matchLowerThreshold: c.matchLowerThreshold,
    matchMaxCandidates: c.matchMaxCandidates,
    matchMaxBlockSize: c.matchMaxBlockSize,
    modelAutoTrainRecords: c.modelAutoTrainRecords,
    modelGateMaxShift: c.modelGateMaxShift,
    defaultCountry: c.defaultCountry,
    dateOrder: c.dateOrder,
    standardize: {
      defaultCountry: c.defaultCountry,
      dateOrder: c.dateOrder,
      // "Today" for future-date checks; a getter so a long-running process does not freeze it.
      get today(): Date {
        return new Date();
      },
    },
  };
  if (!(settings.matchLowerThreshold <= settings.matchUpperThreshold)) {
    throw new Error(
      `match thresholds overlap: lower ${settings.matchLowerThreshold} > upper ${settings.matchUpperThreshold}`,
    );
  }
  return {
    database: opts.database,
    logger: opts.logger,
    settings,
    models: createModelProvider(opts.database, opts.logger),
    sourceSystems: createSourceSystemCache(opts.database),
  };
}

/**
 * The active model, loaded once and replaced when a model is promoted: by this process (promote
 * calls refresh) or by any other (watch(): Postgres LISTEN/NOTIFY, see store/notifications.ts).
 * No timer: a promoted model takes effect everywhere at once.
 */
function createModelProvider(database: Database, logger: Logger): ModelProvider {
  let cached: Promise<ActiveModel> | undefined;
  const refresh = (): Promise<ActiveModel> => {
    const loading = loadActiveModel(database.db, (version, problems) =>
      logger.error(
        { version, problems },
        'active match model does not parse: scoring with the built-in model until one is retrained (the next ingest trains one)',
      ),
    );
    cached = loading;
    // A failed load is not cached: the next call tries again.
    loading.catch(() => {
      if (cached === loading) cached = undefined;
    });
    return loading;
  };
  const watch = async (): Promise<Unlisten> =>
    listen(
      database,
      MODEL_PROMOTED_CHANNEL,
      (version) => {
        logger.info({ version: Number(version) }, 'match model promoted: reloading');
        void refresh().catch((err: unknown) => logger.error({ err }, 'reloading the promoted model failed'));
      },
      // Notifications sent while the listener was reconnecting are lost: reload once.
      () => void refresh().catch(() => undefined),
    );
  return { current: () => cached ?? refresh(), refresh, watch };
}

/** Systems change rarely (admin route); a short TTL bounds how stale a trust rank can be. */
const SOURCE_SYSTEM_TTL_MS = 30_000;
const LEAST_TRUSTED = 2_147_483_647;

function createSourceSystemCache(database: Database): SourceSystemCache {
  let ranks = new Map<string, number>();
  let loadedAt = 0;
  const reload = async (): Promise<void> => {
    const rows = await listSourceSystemRows(database.db);
    ranks = new Map(rows.map((r) => [r.name, r.trust_rank]));
    loadedAt = Date.now();
  };
  return {
    async trustRank(name) {
      if (Date.now() - loadedAt > SOURCE_SYSTEM_TTL_MS || !ranks.has(name)) await reload();
      return ranks.get(name);
    },
    // Unknown (not loaded yet) ranks last; the largest int4, because golden_values stores the rank
    // in an integer column.
    trustOf: (name) => ranks.get(name) ?? LEAST_TRUSTED,
    clear: () => {
      loadedAt = 0;
    },
  };
}
