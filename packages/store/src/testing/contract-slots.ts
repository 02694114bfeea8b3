import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store-types.js';
import { uniqueId } from './fixtures.js';
import type { StoreHarness } from './store-contract.js';

const NOW = Date.parse('2025-03-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

export function describeSlotContract(name: string, harness: () => StoreHarness): void {
  describe(`${name}: concurrency slots`, () => {
    let clock = NOW;
    let store: Store;
    beforeAll(async () => {
      store = await harness().open({ now: () => clock });
    });
    afterAll(() => store.close());

    it('grants at most the limit of slots of a key, and one again once one is released', async () => {
      const key = uniqueId('flow');
      const until = iso(NOW + 60_000);
      expect(await store.slots.acquire(key, 'a', 2, until)).toBe(true);
      expect(await store.slots.acquire(key, 'b', 2, until)).toBe(true);
      expect(await store.slots.acquire(key, 'c', 2, until)).toBe(false);
      expect(await store.slots.acquire(`${key}-other`, 'c', 2, until)).toBe(true);
      await store.slots.release(key, 'a');
      expect(await store.slots.acquire(key, 'c', 2, until)).toBe(true);
      expect(await store.slots.acquire(key, 'd', 2, until)).toBe(false);
    });

    it('grants no more than the limit to many acquirers at once', async () => {
      const key = uniqueId('credential');
      const others = await Promise.all([
        harness().open({ now: () => clock }),
        harness().open({ now: () => clock }),
      ]);
      try {
        const stores = [store, ...others];
        const results = await Promise.all(
          Array.from({ length: 24 }, (_, index) =>
            stores[index % stores.length]!.slots.acquire(key, `t${index}`, 3, iso(NOW + 60_000)),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(3);
      } finally {
        await Promise.all(others.map((other) => other.close()));
      }
    });

    it('frees the slot of a holder that stopped renewing its lease, and keeps a renewed one', async () => {
      const key = uniqueId('flow');
      expect(await store.slots.acquire(key, 'dead', 1, iso(NOW + 1000))).toBe(true);
      expect(await store.slots.acquire(key, 'alive', 1, iso(NOW + 1000))).toBe(false);
      clock = NOW + 1500;
      expect(await store.slots.acquire(key, 'alive', 1, iso(clock + 1000))).toBe(true);
      await store.slots.extend(key, 'alive', iso(clock + 5000));
      clock += 2000;
      expect(await store.slots.acquire(key, 'late', 1, iso(clock + 1000))).toBe(false);
      clock = NOW;
    });
  });
}
