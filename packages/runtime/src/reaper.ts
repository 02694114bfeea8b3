import type { Store } from '@waybill/store';
import type { OutboxRelay } from './outbox-relay.js';
import type { QueueDriver } from './queue/queue-driver.js';

export interface ReaperOptions {
  store: Store;
  relay: OutboxRelay;
  /** When given, queued executions the queue has lost are published again (see below). */
  queue?: QueueDriver;
  /** A queued execution this old while nothing is waiting in the queue has lost its job. Default 4 × staleAfterMs. */
  lostAfterMs?: number;
  /** A running execution whose heartbeat is older than this has lost its worker. */
  staleAfterMs: number;
  /** Lost workers after which an execution is ended instead of started again. Default 3. */
  maxRuns?: number;
  everyMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * Looks after executions whose worker died: runs outside the workers (in the API process), finds
 * running executions with a stale heartbeat and queues them again, so they resume from their last
 * checkpoint on another worker. One that has lost its worker maxRuns times is ended as
 * failed rather than retried forever (it may be what kills its workers).
 *
 * It also finds executions still queued long after they were published while the queue has nothing
 * waiting: their job was lost (for example taken by a worker whose connection died with a Redis
 * restart, so it sits "active" until the queue notices). Those are published again; should the old
 * job come back too, the store's claim lets only one of them run.
 *
 * @example
 * const reaper = createReaper({ store, relay, staleAfterMs: 20_000 }); reaper.start();
 */
export function createReaper(options: ReaperOptions) {
  const { store, relay } = options;
  const now = options.now ?? Date.now;
  const maxRuns = options.maxRuns ?? 3;
  let timer: NodeJS.Timeout | undefined;

  const lostAfterMs = options.lostAfterMs ?? options.staleAfterMs * 4;

  const republishLost = async (): Promise<number> => {
    if (!options.queue) return 0;
    const depth = await options.queue.depth().catch(() => undefined);
    if (!depth || depth.ready > 0 || depth.delayed > 0) return 0;
    const lost = await store.executions.ids(
      { status: 'queued', to: new Date(now() - lostAfterMs).toISOString() },
      100,
    );
    return lost.length > 0 ? store.executions.republish(lost) : 0;
  };

  const sweep = async (): Promise<{ requeued: number; abandoned: number; republished: number }> => {
    const stale = await store.executions.stale(new Date(now() - options.staleAfterMs).toISOString(), 100);
    let requeued = 0;
    let abandoned = 0;
    for (const execution of stale) {
      // Counted in workers lost, not in runs: an execution that waited for a delay or a slot
      // has run several times without harming any worker.
      const lost = execution.lostCount + 1;
      if (lost >= maxRuns) {
        await store.executions.abandon(execution.id, {
          kind: 'system',
          code: 'WORKER_LOST',
          message: `The worker running this execution stopped responding ${lost} times; it was stopped so it cannot take down more workers. Replay it once the cause is fixed.`,
          retryable: false,
        });
        abandoned += 1;
      } else {
        await store.executions.requeue(execution.id, { lostWorker: true });
        requeued += 1;
      }
    }
    const republished = await republishLost();
    if (requeued > 0 || republished > 0) await relay.kick();
    return { requeued, abandoned, republished };
  };

  return {
    sweep,
    start(): void {
      if (timer) return;
      timer = setInterval(
        () => {
          sweep().catch((error) => options.onError?.(error));
        },
        options.everyMs ?? Math.max(1000, options.staleAfterMs / 2),
      );
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
