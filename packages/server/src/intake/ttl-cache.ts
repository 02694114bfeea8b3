/**
 * A small cache whose entries expire after ttlMs, for values read on every webhook that change
 * rarely (the deployed revision, a webhook secret). Concurrent misses share one load.
 *
 * @example
 * const deployed = createTtlCache(1000, (flowId: string) => store.deployments.current(flowId));
 * await deployed.get('orders');
 */
export function createTtlCache<K, V>(
  ttlMs: number,
  load: (key: K) => Promise<V>,
  now: () => number = Date.now,
) {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  return {
    get(key: K): Promise<V> {
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = load(key);
      entries.set(key, { at: now(), value });
      // A failed load is not cached: the next request tries again.
      value.catch(() => entries.delete(key));
      return value;
    },
    invalidate(key: K): void {
      entries.delete(key);
    },
  };
}
