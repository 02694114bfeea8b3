import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@waybill/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep } from '../queue/testing/wait-for.js';
import type { ConcurrencyLimiter, LeasedLimiterOptions } from './concurrency-limiter.js';
import { createRedisLimiter } from './redis-limiter.js';
import { createStoreLimiter } from './store-limiter.js';

const REDIS_URL = 'redis://127.0.0.1:6379';

function describeLimiter(name: string, make: (options?: LeasedLimiterOptions) => ConcurrencyLimiter) {
  describe(name, () => {
    const opened: ConcurrencyLimiter[] = [];
    const limiter = (options?: LeasedLimiterOptions) => {
      const created = make(options);
      opened.push(created);
      return created;
    };
    afterAll(async () => {
      await Promise.all(opened.map((l) => l.close()));
    });

    it('hands out at most the limit of slots per key, and one again once released', async () => {
      const l = limiter();
      const key = `flow:${randomBytes(4).toString('hex')}`;
      const first = await l.tryAcquire(key, 2);
      const second = await l.tryAcquire(key, 2);
      expect(first).toBeDefined();
      expect(second).toBeDefined();
      expect(await l.tryAcquire(key, 2)).toBeUndefined();
      expect(await l.tryAcquire(`${key}-other`, 2)).toBeDefined();
      await first?.release();
      await first?.release();
      expect(await l.tryAcquire(key, 2)).toBeDefined();
      expect(await l.tryAcquire(key, 2)).toBeUndefined();
    });

    it('never hands out more than the limit to concurrent callers of several processes', async () => {
      const a = limiter();
      const b = limiter();
      const key = `credential:${randomBytes(4).toString('hex')}`;
      const slots = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).tryAcquire(key, 3)),
      );
      expect(slots.filter(Boolean)).toHaveLength(3);
    });

    it('keeps a slot held past its lease while the holder lives, and frees it once the holder is gone', async () => {
      // Renewed every second, a 2.4 s lease has room for a busy machine's late timers.
      const holder = limiter({ leaseMs: 2400 });
      const other = limiter({ leaseMs: 2400 });
      const key = `flow:${randomBytes(4).toString('hex')}`;
      expect(await holder.tryAcquire(key, 1)).toBeDefined();
      await sleep(3000);
      expect(await other.tryAcquire(key, 1)).toBeUndefined();
      await holder.close();
      await sleep(2700);
      expect(await other.tryAcquire(key, 1)).toBeDefined();
    });
  });
}

const redisPrefix = `waybill-test-${randomBytes(4).toString('hex')}:`;
describeLimiter('Redis limiter', (options) =>
  createRedisLimiter({ redisUrl: REDIS_URL, prefix: redisPrefix, ...options }),
);

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'waybill-limits-'));
  store = await openStore({ sqlitePath: join(dir, 'waybill.db'), secretKey: randomBytes(32) });
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describeLimiter('database limiter (SQLite)', (options) => createStoreLimiter(store, options));
