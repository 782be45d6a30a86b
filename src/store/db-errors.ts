/**
 * Which database errors mean "the database is not available right now" rather than "this request
 * is wrong" or "the code is wrong". The API answers them with 503 IH_UNAVAILABLE (retry later), not
 * 500; the next request may succeed, as nothing in the process is broken.
 */

/** SQLSTATE classes and codes: connection exceptions, timeouts, shutdown, resource exhaustion. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
]);

/** Node socket errors and the messages pg and pg-pool raise without a code. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const PG_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /^Client has encountered a connection error/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end/,
];

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
    if (NETWORK_CODES.has(code)) return true;
  }
  if (PG_MESSAGES.some((re) => re.test(err.message))) return true;
  // AggregateError from net.connect when every address refused.
  if (err instanceof AggregateError) return err.errors.some(isDatabaseUnavailable);
  return err.cause !== undefined && err.cause !== err && isDatabaseUnavailable(err.cause);
}
