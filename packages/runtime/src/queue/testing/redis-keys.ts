import { Redis } from 'ioredis';

/**
 * Deletes every key under a BullMQ prefix, so a test leaves the shared Redis as it found it.
 *
 * @example
 * afterEach(() => deleteKeysWithPrefix(redisUrl, prefix));
 */
export async function deleteKeysWithPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
