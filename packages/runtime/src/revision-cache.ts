import type { Revision } from '@waybill/flow';
import type { Store } from '@waybill/store';

/**
 * Revisions by hash, loaded from the store once. Revisions never change, so entries never go
 * stale; the cache only bounds how many are kept.
 *
 * @example
 * const revisions = createRevisionCache(store);
 * const revision = await revisions.get('shopify-order-intake', 'a1580c66…');
 */
export function createRevisionCache(store: Store, capacity = 500) {
  const cache = new Map<string, Revision>();
  return {
    async get(flowId: string, hash: string): Promise<Revision | undefined> {
      const key = `${flowId}\u0000${hash}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const row = await store.revisions.get(flowId, hash);
      if (!row) return undefined;
      const revision: Revision = Object.freeze({ hash: row.hash, definition: row.definition });
      cache.set(key, revision);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return revision;
    },
  };
}

export type RevisionCache = ReturnType<typeof createRevisionCache>;
