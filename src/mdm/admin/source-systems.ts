/**
 * Source systems: the systems allowed to send records, their survivorship trust rank, and the API
 * key each one gets at registration. The key is returned once; only its SHA-256 hash is stored.
 */
import { AppError } from '../../errors.js';
import { insertApiKey } from '../../store/api-keys.js';
import { insertAuditEvents } from '../../store/audit-events.js';
import type { SourceSystemRow } from '../../store/schema.js';
import { findSourceSystem, insertSourceSystem, listSourceSystemRows } from '../../store/source-systems.js';
import { generateApiKey, hashApiKey } from './auth.js';
import type { MdmContext } from '../context.js';
import type { Actor } from '../types.js';

export interface SourceSystem {
  name: string;
  displayName: string;
  /** Lower = more trusted in golden-record survivorship. */
  trustRank: number;
  createdAt: string;
}

export interface NewSourceSystem {
  name: string;
  displayName?: string | undefined;
  trustRank?: number | undefined;
}

const DEFAULT_TRUST_RANK = 100;
/** The store's rule for a name (check constraint of source_systems.name); the API schema is stricter. */
const SOURCE_SYSTEM_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

export async function createSourceSystem(
  ctx: MdmContext,
  actor: Actor,
  input: NewSourceSystem,
): Promise<{ sourceSystem: SourceSystem; apiKey: string }> {
  if (!SOURCE_SYSTEM_NAME.test(input.name)) {
    throw new AppError('IH_VALIDATION', `source system name "${input.name}" must be 1-64 letters, digits, _ . or -`, {
      details: [{ path: 'name', reason: 'must be 1-64 letters, digits, _ . or -' }],
    });
  }
  const apiKey = generateApiKey();
  const row = await ctx.database.db
    .transaction()
    .execute(async (trx) => {
      // Checked inside the transaction; a concurrent insert of the same name still hits the primary key.
      const taken = await findSourceSystem(trx, input.name);
      if (taken) throw new AppError('IH_CONFLICT', `source system "${input.name}" already exists`);
      const created = await insertSourceSystem(trx, {
        name: input.name,
        display_name: input.displayName ?? input.name,
        trust_rank: input.trustRank ?? DEFAULT_TRUST_RANK,
      });
      await insertApiKey(trx, {
        key_hash: hashApiKey(apiKey),
        role: 'source',
        source_system: created.name,
        label: `source:${created.name}`,
      });
      await insertAuditEvents(trx, [
        {
          actor: actor.id,
          actorType: actor.type,
          action: 'source_system.created',
          customerId: null,
          sourceSystem: created.name,
          after: { name: created.name, displayName: created.display_name, trustRank: created.trust_rank },
        },
      ]);
      return created;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw new AppError('IH_CONFLICT', `source system "${input.name}" already exists`);
      throw err;
    });
  ctx.sourceSystems.clear();
  ctx.logger.info({ sourceSystem: row.name, actor: actor.id }, 'source system created');
  return { sourceSystem: toSourceSystem(row), apiKey };
}

export async function listSourceSystems(ctx: Pick<MdmContext, 'database'>): Promise<SourceSystem[]> {
  return (await listSourceSystemRows(ctx.database.db)).map(toSourceSystem);
}

/** The system, or IH_SOURCE_SYSTEM_NOT_FOUND. */
export async function getSourceSystem(ctx: Pick<MdmContext, 'database'>, name: string): Promise<SourceSystem> {
  const row = await findSourceSystem(ctx.database.db, name);
  if (!row) throw new AppError('IH_SOURCE_SYSTEM_NOT_FOUND', name);
  return toSourceSystem(row);
}

function toSourceSystem(row: SourceSystemRow): SourceSystem {
  return {
    name: row.name,
    displayName: row.display_name,
    trustRank: row.trust_rank,
    createdAt: row.created_at.toISOString(),
  };
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}
