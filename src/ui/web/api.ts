/**
 * The page's only door to the server: fetch against /v1 with the steward key kept in
 * sessionStorage (asked once per browser tab, gone when the tab closes). Every failure becomes an
 * ApiError carrying the API's stable code and its message, which the screens show as they are.
 */
const KEY_ITEM = 'identity-hub.steward-key';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Array<{ path: string; reason: string }> = [],
  ) {
    super(message);
  }
}

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY_ITEM);
}

export function storeKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY_ITEM, key);
  else sessionStorage.removeItem(KEY_ITEM);
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const key = storedKey();
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/v1${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  } catch (err) {
    throw new ApiError(0, 'NETWORK', `cannot reach the server: ${(err as Error).message}`);
  }
  const text = await res.text();
  const json = parseJson(text);
  if (!res.ok) {
    const env = json as { error?: string; message?: string; details?: Array<{ path: string; reason: string }> } | null;
    throw new ApiError(
      res.status,
      env?.error ?? `HTTP_${res.status}`,
      env?.message ?? (text || res.statusText),
      env?.details,
    );
  }
  return json as T;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export const enc = encodeURIComponent;
