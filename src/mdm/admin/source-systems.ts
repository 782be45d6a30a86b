/**
 * Source systems: the systems allowed to send records, their survivorship trust rank, and the API
 * key each one gets at registration. The key is returned once; only its SHA-256 hash is stored.
 */
import { AppError } from '../../errors.js';
import { insertApiKey } from '../../store/api-keys.js';
import { insertAuditEvents } from '../../store/audit-events.js';
import type { SourceSystemRow } from '../../store/schema.js';
import {
  findSourceSystem,
  findSourceSystemByDisplayName,
  insertSourceSystem,
  listSourceSystemRows,
} from '../../store/source-systems.js';
import type { MdmContext } from '../context.js';
import type { Actor } from '../types.js';
import { generateApiKey, hashApiKey } from './auth.js';
import {
  MAX_DISPLAY_NAME,
  SOURCE_SYSTEM_SLUG,
  matchSourceSystem,
  missingSystemsMessage,
  slugFor,
} from './source-system-names.js';

export interface SourceSystem {
  name: string;
  displayName: string;
  /** Lower = more trusted in golden-record survivorship. */
  trustRank: number;
  createdAt: string;
}

export interface NewSourceSystem {
  /** The slug; derived from displayName when absent (source-system-names.ts). */
  name?: string | undefined;
  displayName?: string | undefined;
  trustRank?: number | undefined;
}

const DEFAULT_TRUST_RANK = 100;

export async function createSourceSystem(
  ctx: MdmContext,
  actor: Actor,
  input: NewSourceSystem,
): Promise<{ sourceSystem: SourceSystem; apiKey: string }> {
  const displayName = (input.displayName ?? input.name ?? '').trim();
  if (!displayName) {
    throw new AppError('IH_VALIDATION', 'a source system needs a name (slug) or a displayName', {
      details: [{ path: 'displayName', reason: 'name or displayName is required' }],
    });
  }
  if (displayName.length > MAX_DISPLAY_NAME) {
    throw new AppError('IH_VALIDATION', `displayName is longer than ${MAX_DISPLAY_NAME} characters`, {
      details: [{ path: 'displayName', reason: `at most ${MAX_DISPLAY_NAME} characters` }],
    });
  }
  const name = input.name ?? slugFor(displayName);
  if (!SOURCE_SYSTEM_SLUG.test(name)) {
    throw new AppError('IH_VALIDATION', `source system name "${name}" must be 1-64 letters, digits, _ . or -`, {
      details: [{ path: 'name', reason: 'must be 1-64 letters, digits, _ . or -' }],
    });
  }
  const apiKey = generateApiKey();
  const row = await ctx.database.db
    .transaction()
    .execute(async (trx) => {
      // Checked inside the transaction; a concurrent insert of the same name still hits the primary key.
      const taken = await findSourceSystem(trx, name);
      if (taken) throw new AppError('IH_CONFLICT', `source system "${name}" already exists`);
      const named = await findSourceSystemByDisplayName(trx, displayName);
      if (named)
        throw new AppError('IH_CONFLICT', `display name "${displayName}" is taken by source system "${named.name}"`);
      const created = await insertSourceSystem(trx, {
        name,
        display_name: displayName,
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
      if (isUniqueViolation(err)) throw new AppError('IH_CONFLICT', `source system "${name}" already exists`);
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

/**
 * Maps the system values of a file (slugs or display names) to registered slugs. Values no system
 * matches are registered (display name = the value, slug derived) when `register` is set; otherwise
 * nothing is written and IH_SOURCE_SYSTEM_NOT_FOUND lists every missing one with how to register it.
 */
export async function resolveSourceSystems(
  ctx: MdmContext,
  actor: Actor,
  values: Iterable<string>,
  opts: { register: boolean },
): Promise<Map<string, string>> {
  const systems = (await listSourceSystemRows(ctx.database.db)).map((r) => ({
    name: r.name,
    displayName: r.display_name,
  }));
  const resolved = new Map<string, string>();
  const missing: string[] = [];
  for (const value of new Set(values)) {
    const slug = matchSourceSystem(value, systems);
    if (slug) resolved.set(value, slug);
    else missing.push(value);
  }
  if (missing.length && !opts.register) {
    throw new AppError('IH_SOURCE_SYSTEM_NOT_FOUND', missingSystemsMessage(missing));
  }
  for (const value of missing) {
    // Two spellings of one new system ("CRM – Sydney", "CRM - Sydney") share a slug: registered once.
    const known = matchSourceSystem(value, systems);
    if (known) {
      resolved.set(value, known);
      continue;
    }
    const { sourceSystem } = await createSourceSystem(ctx, actor, { displayName: value.trim() });
    systems.push({ name: sourceSystem.name, displayName: sourceSystem.displayName });
    resolved.set(value, sourceSystem.name);
  }
  return resolved;
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
