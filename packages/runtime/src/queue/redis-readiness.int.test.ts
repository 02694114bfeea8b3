import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRedisServer, type TemporaryRedis } from '../testing/redis-server.js';
import { createBullmqDriver } from './bullmq-driver.js';
import type { QueueDriver } from './queue-driver.js';
import { deleteKeysWithPrefix } from './testing/redis-keys.js';

const opened: QueueDriver[] = [];
const driverAt = (redisUrl: string, options: { skipEvictionPolicyCheck?: boolean } = {}) => {
  const queue = createBullmqDriver({ redisUrl, onError: () => {}, ...options });
  opened.push(queue);
  return queue;
};
afterAll(async () => {
  await Promise.all(opened.map((queue) => queue.close()));
});

describe('BullMQ driver readiness', () => {
  it('is ready on a Redis that never evicts', async () => {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    // The queue writes its meta key on start: keep it under a prefix of its own and remove it.
    const prefix = `wbtest-${randomUUID().slice(0, 8)}`;
    const queue = createBullmqDriver({ redisUrl, prefix, onError: () => {} });
    try {
      await expect(queue.ready()).resolves.toBeUndefined();
    } finally {
      await queue.close();
      await deleteKeysWithPrefix(redisUrl, prefix);
    }
  });

  it('says Redis is unreachable when nothing answers', async () => {
    const port = await freePort();
    await expect(driverAt(`redis://127.0.0.1:${port}`).ready()).rejects.toThrow(
      `Redis at redis://127.0.0.1:${port} did not answer PING`,
    );
  });

  // A throwaway server, so the shared Redis's policy is never touched.
  describe('on a Redis that may evict keys', () => {
    let redis: TemporaryRedis;
    beforeAll(async () => {
      redis = await startRedisServer(['--maxmemory-policy', 'allkeys-lru']);
      // Users like those of managed services: one without CONFIG, one without CONFIG or INFO.
      const admin = new Redis(redis.url);
      await admin.call('ACL', 'SETUSER', 'noconfig', 'on', '>secret-1', '~*', '&*', '+@all', '-config');
      await admin.call('ACL', 'SETUSER', 'blind', 'on', '>secret-2', '~*', '&*', '+@all', '-config', '-info');
      await admin.quit();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it('refuses with a sentence naming the policy and the fix', async () => {
      await expect(driverAt(redis.url).ready()).rejects.toThrow(
        `Redis at ${redis.url} uses maxmemory-policy allkeys-lru; Waybill needs noeviction, because an evicted job is a lost order. Set maxmemory-policy noeviction`,
      );
    });

    it('reads the policy from INFO when CONFIG is not allowed, and says so', async () => {
      const url = redis.url.replace('redis://', 'redis://noconfig:secret-1@');
      const message = await driverAt(url)
        .ready()
        .then(
          () => 'ready',
          (error: unknown) => String(error),
        );
      expect(message).toContain(
        `Redis at redis://noconfig:***@127.0.0.1:${redis.port} uses maxmemory-policy allkeys-lru`,
      );
      expect(message).toContain('because CONFIG GET is not allowed here');
      expect(message).not.toContain('secret-1');
    });

    it('says it cannot check the policy when neither CONFIG nor INFO is allowed', async () => {
      const url = redis.url.replace('redis://', 'redis://blind:secret-2@');
      await expect(driverAt(url).ready()).rejects.toThrow(
        /does not let Waybill read its maxmemory-policy: .*CONFIG is probably not allowed on this managed Redis/,
      );
    });

    it('can be told to trust a policy it cannot read', async () => {
      const url = redis.url.replace('redis://', 'redis://blind:secret-2@');
      await expect(driverAt(url, { skipEvictionPolicyCheck: true }).ready()).resolves.toBeUndefined();
    });
  });
});
