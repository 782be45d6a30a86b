/**
 * Where `cli import` sends each chunk: the embedded store through mdm's upsertRecords (the same path
 * as the import job), or a running server through POST /v1/records:batch.
 */
import type { ResolveSystems, UpsertBatch } from '../jobs/processors/import.js';
import {
  type Actor,
  type KnownSystem,
  matchSourceSystem,
  type MdmContext,
  missingSystemsMessage,
  resolveSourceSystems,
  slugFor,
  type UpsertFailure,
  upsertRecords,
  type UpsertResult,
} from '../mdm/index.js';
import { CliError } from './cli-error.js';

const CLI_ACTOR: Actor = { type: 'admin', id: 'cli-import' };

/**
 * Upserts into the embedded store (cli.ts opened and migrated it). The operator owns it, so the
 * source systems the file names (slugs or display names, and --system) are registered when missing,
 * with the default trust rank.
 */
export function embeddedUpsert(mdm: MdmContext): { upsert: UpsertBatch; resolveSystems: ResolveSystems } {
  return {
    upsert: (records) => upsertRecords(mdm, CLI_ACTOR, records),
    resolveSystems: (values) => resolveSourceSystems(mdm, CLI_ACTOR, values, { register: true }),
  };
}

/**
 * Resolves a file's systems against a running server's registry (GET /v1/source-systems). Missing
 * ones are registered only with --register-systems (an admin key); otherwise the import stops before
 * its first row, listing them. A source key may not list systems: its own system is checked by the
 * server on every record, so values are sent as their slugs.
 */
export function httpResolveSystems(server: string, key: string, register: boolean): ResolveSystems {
  const call = async (method: 'GET' | 'POST', body?: unknown): Promise<{ status: number; json: unknown }> => {
    const url = new URL('/v1/source-systems', server).toString();
    try {
      const res = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, json: await res.json().catch(() => ({})) };
    } catch (err) {
      throw new CliError(`cannot reach ${url}: ${(err as Error).message}`, 1);
    }
  };
  return async (values) => {
    const listed = await call('GET');
    if (listed.status === 403 && !register) return new Map(values.map((v) => [v, slugFor(v)]));
    if (listed.status !== 200) throw new CliError(`GET /v1/source-systems answered ${listed.status}`, 1);
    const systems = (listed.json as { items: KnownSystem[] }).items;
    const resolved = new Map<string, string>();
    const missing: string[] = [];
    for (const v of values) {
      const slug = matchSourceSystem(v, systems);
      if (slug) resolved.set(v, slug);
      else missing.push(v);
    }
    if (missing.length && !register) throw new CliError(missingSystemsMessage(missing), 1);
    for (const v of missing) {
      const known = matchSourceSystem(v, systems);
      if (known) {
        resolved.set(v, known);
        continue;
      }
      const created = await call('POST', { displayName: v.trim() });
      if (created.status !== 201) {
        throw new CliError(
          `registering source system "${v}" answered ${created.status}: ${JSON.stringify(created.json)}`,
          1,
        );
      }
      const system = (created.json as { sourceSystem: KnownSystem }).sourceSystem;
      systems.push(system);
      resolved.set(v, system.name);
    }
    return resolved;
  };
}

type BatchItem = ({ status: 'ok' } & UpsertResult) | ({ status: 'failed' } & UpsertFailure);

/** Sends each chunk to a running server. An HTTP error for the whole request stops the import. */
export function httpUpsert(server: string, key: string): UpsertBatch {
  const url = new URL('/v1/records:batch', server).toString();
  return async (records) => {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ records }),
      });
    } catch (err) {
      throw new CliError(`cannot reach ${url}: ${(err as Error).message}`, 1);
    }
    const body = (await res.json().catch(() => ({}))) as { results?: BatchItem[]; error?: string; message?: string };
    if (!res.ok || !body.results) {
      throw new CliError(`${url} answered ${res.status}: ${body.error ?? ''} ${body.message ?? ''}`.trim(), 1);
    }
    return body.results.map((item) => {
      const { status: _status, ...rest } = item;
      return rest as UpsertResult | UpsertFailure;
    });
  };
}
