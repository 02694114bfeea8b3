export { type BullmqDriverOptions, createBullmqDriver } from './bullmq-driver.js';
export { createEmbeddedDriver, type EmbeddedDriverOptions } from './embedded-driver.js';
export type {
  Consumer,
  ConsumerOptions,
  JobContext,
  JobHandler,
  JobOutcome,
  QueueDepth,
  QueueDriver,
  QueueJob,
} from './queue-driver.js';
export { checkRedisReady, type RedisReadinessOptions, redactRedisUrl } from './redis-readiness.js';
