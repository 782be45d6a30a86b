/**
 * Text PostgreSQL cannot store. A NUL character is refused by `text` and `jsonb`, and a lone UTF-16
 * surrogate cannot be encoded as UTF-8 at all: sent to the database either one fails the statement
 * (it once came back as a 500 or a batch item `IH_INTERNAL`). Checked at the edges, before anything
 * is written, so the caller gets a 400 naming the field. Pure.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this detects
const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` cannot be stored, or undefined when it can. */
export function unstorableTextReason(text: string): string | undefined {
  if (NUL.test(text)) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate (invalid Unicode)';
  return undefined;
}

export interface UnstorableText {
  /** JSON pointer below the value given (`/extra/colour`; `` for the value itself). */
  pointer: string;
  reason: string;
}

/**
 * The first string (value or object key) anywhere in `value` that cannot be stored. Walks plain
 * JSON (objects, arrays, strings); depth-limited so a hostile document cannot blow the stack.
 */
export function findUnstorableText(value: unknown, pointer = '', depth = 0): UnstorableText | undefined {
  if (typeof value === 'string') {
    const reason = unstorableTextReason(value);
    return reason ? { pointer, reason } : undefined;
  }
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, unknown>);
  for (const [key, child] of entries) {
    const at = `${pointer}/${escapePointer(key)}`;
    const keyReason = Array.isArray(value) ? undefined : unstorableTextReason(key);
    if (keyReason) return { pointer: at, reason: `(the property name) ${keyReason}` };
    const found = findUnstorableText(child, at, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** RFC 6901; the NUL and surrogates themselves are shown escaped so logs and JSON stay valid. */
function escapePointer(key: string): string {
  return (
    key
      .replace(/~/g, '~0')
      .replace(/\//g, '~1')
      // eslint-disable-next-line no-control-regex -- NUL is one of the characters escaped here
      .replace(/[\u0000\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  );
}
