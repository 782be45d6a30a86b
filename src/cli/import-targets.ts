/**
 * Where `cli import` sends each chunk: the embedded store through mdm's upsertRecords (the same path
 * as the import job), or a running server through POST /v1/records:batch.
 */
import { isAppError } from '../errors.js';
import type { UpsertBatch } from '../jobs/processors/import.js';
import {
  type Actor,
  createSourceSystem,
  type MdmContext,
  type UpsertFailure,
  upsertRecords,
  type UpsertResult,
} from '../mdm/index.js';
import { CliError } from './cli-error.js';

const CLI_ACTOR: Actor = { type: 'admin', id: 'cli-import' };

/**
 * Upserts into the embedded store (cli.ts opened and migrated it). The operator owns it, so the
 * source systems the file names (and --system) are registered when missing, with the default trust
 * rank; a name the registry refuses is left alone and its rows fail with a line-numbered error.
 */
export async function embeddedUpsert(mdm: MdmContext, system: string | undefined): Promise<UpsertBatch> {
  const known = new Set<string>();
  const register = async (name: string): Promise<void> => {
    if (known.has(name)) return;
    known.add(name);
    await createSourceSystem(mdm, CLI_ACTOR, { name }).catch((err: unknown) => {
      if (!isAppError(err)) throw err;
    });
  };
  if (system) await register(system);
  return async (records) => {
    for (const r of records)
      if (typeof r.source_system === 'string' && r.source_system) await register(r.source_system);
    return upsertRecords(mdm, CLI_ACTOR, records);
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
