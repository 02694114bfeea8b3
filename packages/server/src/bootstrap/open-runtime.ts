import { createEngine, type SecretsPort } from '@waybill/engine';
import {
  createBullmqDriver,
  createEmbeddedDriver,
  createExecutionDispatcher,
  createExecutionEvents,
  createOutboxRelay,
  createRedisLimiter,
  createRevisionCache,
  createStoreLimiter,
  type QueueDriver,
  storeRecords,
} from '@waybill/runtime';
import { loadSecretKeys, openStore } from '@waybill/store';
import { Redis } from 'ioredis';
import { memoryCounters, redisCounters } from '../auth/rate-counters.js';
import { createMetrics } from '../metrics/prometheus-metrics.js';
import { defaultLimits, type ServerDeps } from '../server-deps.js';
import { createSecretsPort, loadConnectors } from './catalog.js';
import { keyFileOf, storeLocation, type WaybillConfig } from './config.js';

export const VERSION = '0.1.0';

/**
 * Opens what both the API server and a worker process need: the store (SQLite or PostgreSQL), the
 * queue (embedded or BullMQ), the engine and the outbox relay.
 *
 * @example
 * const runtime = await openRuntime(parseConfig(process.env));
 * ... await runtime.close();
 */
export async function openRuntime(
  config: WaybillConfig,
): Promise<ServerDeps & { secrets: SecretsPort; close(): Promise<void> }> {
  const keySource = { env: config.secretKey, keyFile: keyFileOf(config) };
  const store = await openStore({
    ...storeLocation(config),
    secretKey: await loadSecretKeys(keySource),
    // After `waybill keys rotate` in another process, a credential wrapped with the new key makes
    // this one read the keys again instead of failing until a restart.
    reloadKeys: () => loadSecretKeys(keySource),
  });
  let queue: QueueDriver;
  try {
    queue = config.redisUrl
      ? createBullmqDriver({ redisUrl: config.redisUrl })
      : createEmbeddedDriver({ jobs: store.jobs });
    await queue.ready();
  } catch (error) {
    await store.close();
    throw error;
  }
  // Sign-in and API rate counts are shared by every API server through Redis, when there is one.
  const counterRedis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  const { catalog, invoker } = loadConnectors();
  const events = createExecutionEvents();
  const relay = createOutboxRelay({
    store,
    queue,
    onError: (error) =>
      console.error(
        JSON.stringify({ level: 'error', component: 'outbox-relay', message: (error as Error).message }),
      ),
  });
  const secrets = createSecretsPort(store, invoker);
  const limiter = config.redisUrl
    ? createRedisLimiter({ redisUrl: config.redisUrl })
    : createStoreLimiter(store);
  const engine = createEngine({
    catalog,
    invoker,
    secrets,
    limiter,
    ...storeRecords(store),
    dispatcher: createExecutionDispatcher({ store, relay }),
  });
  return {
    store,
    queue,
    engine,
    invoker,
    secrets,
    catalog,
    events,
    relay,
    limiter,
    revisions: createRevisionCache(store),
    limits: { ...defaultLimits, maxBodyBytes: config.maxBodyBytes, maxQueueDepth: config.maxQueueDepth },
    metrics: createMetrics(),
    version: VERSION,
    corsOrigins: config.corsOrigins,
    auth: config.auth,
    rateCounters: counterRedis ? redisCounters(counterRedis, 'waybill:rate:') : memoryCounters(),
    now: Date.now,
    async close() {
      await relay.stop();
      await queue.close();
      await limiter.close();
      await engine.close();
      await store.close();
      await counterRedis?.quit();
    },
  };
}
