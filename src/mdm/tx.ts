/**
 * Transactions for use cases. Each use case owns one transaction; optimistic-version conflicts and
 * the transient errors PostgreSQL raises under contention (deadlock, serialization failure, a
 * concurrent insert of the same unique key) roll it back and run it again from the start.
 */
import type { Transaction } from 'kysely';
import { AppError } from '../errors.js';
import type { DB } from '../store/schema.js';
import type { MdmContext } from './context.js';

/** Thrown inside a transaction when a row's version moved under us; the whole attempt is retried. */
export class VersionConflict extends Error {
  constructor(readonly what: string) {
    super(`version conflict on ${what}`);
    this.name = 'VersionConflict';
  }
}

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 6;

export function isRetryable(err: unknown): boolean {
  if (err instanceof VersionConflict) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}

export async function inTransaction<T>(ctx: MdmContext, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.database.db.transaction().execute(fn);
    } catch (err) {
      if (!isRetryable(err)) throw err;
      if (attempt >= MAX_ATTEMPTS) {
        throw new AppError('IH_VERSION_CONFLICT', err instanceof Error ? err.message : 'retries exhausted', {
          cause: err,
        });
      }
      ctx.logger.debug({ attempt, err }, 'transaction retried');
      // Jittered back-off so two contenders do not collide again in lockstep.
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }
}
