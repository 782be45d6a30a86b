/** Loading state and plain error display for API calls. */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.js';

export interface AsyncState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` whenever a dependency changes; a stale answer never overwrites a newer one. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ data: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** An API error as the API said it: status, stable code, message and field details. */
export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError) {
    return (
      <div class="error" role="alert">
        <strong>{error.code}</strong> {error.status ? `(HTTP ${error.status})` : ''}: {error.message}
        {error.status === 401 && ' Check the key: use “Change key” at the top right.'}
        {error.details.length > 0 && (
          <ul>
            {error.details.map((d) => (
              <li key={d.path}>
                {d.path}: {d.reason}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div class="error" role="alert">
      {String((error as Error).message ?? error)}
    </div>
  );
}

export function Loading({ state, children }: { state: AsyncState<unknown>; children: () => ComponentChildren }) {
  if (state.error) return <ErrorBox error={state.error} />;
  if (state.loading && !state.data) return <p class="muted">Loading…</p>;
  return <>{children()}</>;
}
