import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Engine } from '@waybill/engine';
import type { Store } from '@waybill/store';
import type { ExecutionEvents } from './execution-events.js';
import type { ExecutionObserver } from './execution-observer.js';
import { createExecutionRunner } from './execution-runner.js';
import type { ConcurrencyLimiter } from './limits/concurrency-limiter.js';
import type { OutboxRelay } from './outbox-relay.js';
import type { QueueDriver } from './queue/queue-driver.js';
import { createRevisionCache } from './revision-cache.js';

export interface WorkerOptions {
  store: Store;
  queue: QueueDriver;
  engine: Engine;
  events: ExecutionEvents;
  relay: OutboxRelay;
  /** Executions run at once. */
  concurrency: number;
  /** How often the worker tells the store it is alive and asks for cancellations. Default 5 s. */
  heartbeatMs?: number;
  workerId?: string;
  observer?: ExecutionObserver;
  limiter?: ConcurrencyLimiter;
  onError?: (error: unknown) => void;
}

/** A worker is considered gone after this many missed heartbeats. */
export const MISSED_HEARTBEATS = 4;

/**
 * Starts a worker: consumes execution jobs, runs them, heartbeats every heartbeatMs (one UPDATE for
 * all its executions) and stops the ones whose cancellation was requested.
 *
 * @example
 * const worker = startWorker({ store, queue, engine, events, relay, concurrency: 8 });
 * process.on('SIGTERM', () => worker.stop(30_000));
 */
export function startWorker(options: WorkerOptions) {
  const heartbeatMs = options.heartbeatMs ?? 5000;
  const workerId = options.workerId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const runner = createExecutionRunner({
    store: options.store,
    engine: options.engine,
    revisions: createRevisionCache(options.store),
    events: options.events,
    relay: options.relay,
    workerId,
    staleAfterMs: heartbeatMs * MISSED_HEARTBEATS,
    ...(options.observer ? { observer: options.observer } : {}),
    ...(options.limiter ? { limiter: options.limiter } : {}),
  });
  const consumer = options.queue.consume(runner.handle, { workerId, concurrency: options.concurrency });

  const beat = async () => {
    const ids = runner.runningIds();
    if (ids.length === 0) return;
    try {
      for (const id of await options.store.executions.heartbeat(workerId, ids)) runner.cancel(id);
    } catch (error) {
      options.onError?.(error);
    }
  };
  const timer = setInterval(() => void beat(), heartbeatMs);
  timer.unref();

  return {
    workerId,
    get active(): number {
      return consumer.active;
    },
    /** Finishes or hands back in-flight executions, waiting at most graceMs. */
    async stop(graceMs: number): Promise<void> {
      await consumer.stop(graceMs);
      clearInterval(timer);
    },
  };
}

export type Worker = ReturnType<typeof startWorker>;
