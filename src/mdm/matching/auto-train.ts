/**
 * The first model without a manual step: once MODEL_AUTO_TRAIN_RECORDS live records are stored and
 * no trained model is active (a fresh deployment, or a stored model that no longer parses), ingest
 * kicks off a retrain in the background; the gate promotes a first model, and the stored records —
 * decided so far by the built-in untrained model — are then re-clustered with it (the nightly dedupe
 * logic, scope all), so an import streamed record by record ends where a batch run would.
 * One run at a time per process; across processes the promotion transaction lets only one win.
 */
import { countLiveRecords } from '../../store/dedupe-scan.js';
import type { MdmContext } from '../context.js';
import { reclusterRecords } from '../dedupe/recluster.js';
import type { Actor } from '../types.js';
import { retrainModel } from './retrain.js';

const SYSTEM: Actor = { type: 'system', id: 'auto-train' };
/** Least time between two record counts while waiting for enough records. */
const COUNT_EVERY_MS = 2_000;

interface State {
  running: Promise<void> | undefined;
  countedAt: number;
}
const states = new WeakMap<MdmContext, State>();

function stateOf(ctx: MdmContext): State {
  let s = states.get(ctx);
  if (!s) states.set(ctx, (s = { running: undefined, countedAt: 0 }));
  return s;
}

/** Called after ingest commits; cheap when a trained model is active (one cached look-up). */
export function scheduleAutoTrain(ctx: MdmContext): void {
  const threshold = ctx.settings.modelAutoTrainRecords;
  if (threshold === 0) return;
  const s = stateOf(ctx);
  if (s.running || Date.now() - s.countedAt < COUNT_EVERY_MS) return;
  s.countedAt = Date.now();
  s.running = autoTrain(ctx, threshold)
    .catch((err: unknown) => ctx.logger.error({ err }, 'automatic model training failed'))
    .finally(() => {
      s.running = undefined;
    });
}

/** Resolves when no automatic training runs in this process (a CLI import waits before it exits). */
export async function settleAutoTrain(ctx: MdmContext): Promise<void> {
  while (stateOf(ctx).running) await stateOf(ctx).running;
}

async function autoTrain(ctx: MdmContext, threshold: number): Promise<void> {
  if ((await ctx.models.current()).version !== null) return;
  const records = await countLiveRecords(ctx.database.db);
  if (records < threshold) return;
  ctx.logger.info({ records }, 'no trained match model yet: training the first one');
  const trained = await retrainModel(ctx, {}, async () => true);
  if (trained.counts['promoted'] !== true) return;
  const recluster = await reclusterRecords(ctx, SYSTEM, 'all', async () => true);
  ctx.logger.info({ version: trained.counts['version'], ...recluster.counts }, 'stored records re-clustered');
}
