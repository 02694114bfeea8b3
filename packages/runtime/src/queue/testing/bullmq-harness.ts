import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import { type BullmqDriverOptions, createBullmqDriver } from '../bullmq-driver.js';
import type { QueueDriver } from '../queue-driver.js';
import { deleteKeysWithPrefix } from './redis-keys.js';

export interface BullmqTestQueues {
  redisUrl: string;
  /** A driver under this test's own key prefix; closed after the test. */
  driver(options?: Partial<BullmqDriverOptions>): QueueDriver;
  /** This test's key prefix (the drivers it made share it). */
  prefix(): string;
}

/**
 * Gives each test of the file its own BullMQ key prefix on the shared Redis (REDIS_URL, default
 * 127.0.0.1:6379), and afterwards closes its drivers and deletes every key under the prefix.
 *
 * @example
 * const queues = useBullmqTestQueues();
 * it('…', async () => { const queue = queues.driver(); … });
 */
export function useBullmqTestQueues(): BullmqTestQueues {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const opened: QueueDriver[] = [];
  let prefix = '';
  const currentPrefix = () => {
    prefix ||= `wbtest-${randomUUID().slice(0, 8)}`;
    return prefix;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((queue) => queue.close()));
    if (prefix) await deleteKeysWithPrefix(redisUrl, prefix);
    prefix = '';
  });
  return {
    redisUrl,
    prefix: currentPrefix,
    driver(options = {}) {
      const queue = createBullmqDriver({ redisUrl, prefix: currentPrefix(), onError: () => {}, ...options });
      opened.push(queue);
      return queue;
    },
  };
}

/**
 * True when nothing is ready, delayed or running.
 *
 * @example
 * await waitFor(() => drained(queue));
 */
export async function drained(queue: QueueDriver): Promise<boolean> {
  const depth = await queue.depth();
  return depth.ready + depth.delayed + depth.active === 0;
}
