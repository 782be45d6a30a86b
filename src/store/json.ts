import { sql, type RawBuilder } from 'kysely';

/**
 * A value for a jsonb column. JSON is sent as text and cast in SQL because the `pg` driver would
 * serialise a JS array as a Postgres array literal (`{1,2}`), not as JSON; this keeps pg and PGlite alike.
 */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`cast(${JSON.stringify(value)} as jsonb)`;
}
