/**
 * Bounded memo caches for pure standardisers whose inputs recur across records (localities,
 * postcodes, regions, given and family names). Each cache holds at most `limit` entries and drops
 * the oldest insertion when full (a Map iterates in insertion order), so memory stays bounded on
 * any load. clearMemoCaches empties all of them (benchmarks start each timed round cold).
 */
const registry: Array<Map<string, unknown>> = [];

/** Memoises `fn` on a string key. `fn` must be pure and its result must not be mutated by callers. */
export function memoize<T>(fn: (key: string) => T, limit = 20_000): (key: string) => T {
  const cache = new Map<string, T>();
  registry.push(cache);
  return (key: string): T => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = fn(key);
    if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
    return value;
  };
}

/** Empties every memo cache. */
export function clearMemoCaches(): void {
  for (const cache of registry) cache.clear();
}
