/** Hash routing (#/queue, #/task/ID, #/customer/ID, #/compare?customers=A,B, #/search?q=, #/quality). */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  screen: string;
  id: string | null;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [screen = 'queue', id] = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { screen: screen || 'queue', id: id ?? null, params: new URLSearchParams(query) };
}

export function href(screen: string, id?: string | null, params?: Record<string, string>): string {
  const q = params ? new URLSearchParams(params).toString() : '';
  return `#/${screen}${id ? `/${encodeURIComponent(id)}` : ''}${q ? `?${q}` : ''}`;
}

export function navigate(to: string): void {
  location.hash = to;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}
