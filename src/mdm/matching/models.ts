/** The match models of the deployment, for an admin: list them, promote one (GET/POST /v1/models). */
import { AppError } from '../../errors.js';
import { findModel, listModels as listModelRows, lockModels, promoteModel } from '../../store/models.js';
import type { JsonObject } from '../../store/schema.js';
import type { MdmContext } from '../context.js';
import { inTransaction } from '../tx.js';
import type { Actor } from '../types.js';
import { writeAuditEvent } from '../audit.js';

export interface ModelSummary {
  version: number;
  status: 'candidate' | 'active' | 'retired';
  createdAt: string;
  promotedAt: string | null;
  /** Training sample, steward agreement and the quality gate's report (shift, verdict, reason). */
  trainingStats: JsonObject;
}

export async function listModels(ctx: MdmContext, limit = 50): Promise<ModelSummary[]> {
  const rows = await listModelRows(ctx.database.db, limit);
  return rows.map((r) => ({
    version: r.version,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    promotedAt: r.promoted_at?.toISOString() ?? null,
    trainingStats: r.training_stats,
  }));
}

/** An admin's promotion (e.g. of a model the gate held): atomic, audited, reaches every process. */
export async function promoteModelVersion(ctx: MdmContext, actor: Actor, version: number): Promise<ModelSummary> {
  await inTransaction(ctx, async (trx) => {
    await lockModels(trx);
    const row = await findModel(trx, version);
    if (!row) throw new AppError('IH_NOT_FOUND', `model ${version} not found`);
    if (row.status !== 'active') await promoteModel(trx, version);
    await writeAuditEvent(trx, actor, { action: 'model.promoted', customerId: null, after: { version } });
  });
  await ctx.models.refresh();
  const summary = (await listModels(ctx, 1_000)).find((m) => m.version === version);
  return summary as ModelSummary;
}
