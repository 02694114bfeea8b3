import type { Store } from '@waybill/store';
import type { OutboxRelay } from './outbox-relay.js';

export interface ReaperOptions {
  store: Store;
  relay: OutboxRelay;
  /** A running execution whose heartbeat is older than this has lost its worker. */
  staleAfterMs: number;
  /** Runs after which a lost execution is ended instead of started again. Default 3. */
  maxRuns?: number;
  everyMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * Looks after executions whose worker died: runs outside the workers (in the API process), finds
 * running executions with a stale heartbeat and queues them again, so they resume from their last
 * checkpoint on another worker. One that has already lost its worker maxRuns times is ended as
 * failed rather than retried forever (it may be what kills its workers).
 *
 * @example
 * const reaper = createReaper({ store, relay, staleAfterMs: 20_000 }); reaper.start();
 */
export function createReaper(options: ReaperOptions) {
  const { store, relay } = options;
  const now = options.now ?? Date.now;
  const maxRuns = options.maxRuns ?? 3;
  let timer: NodeJS.Timeout | undefined;

  const sweep = async (): Promise<{ requeued: number; abandoned: number }> => {
    const stale = await store.executions.stale(new Date(now() - options.staleAfterMs).toISOString(), 100);
    let requeued = 0;
    let abandoned = 0;
    for (const execution of stale) {
      if (execution.runCount >= maxRuns) {
        await store.executions.abandon(execution.id, {
          kind: 'system',
          code: 'WORKER_LOST',
          message: `The worker running this execution stopped responding ${execution.runCount} times; it was stopped so it cannot take down more workers. Replay it once the cause is fixed.`,
          retryable: false,
        });
        abandoned += 1;
      } else {
        await store.executions.requeue(execution.id);
        requeued += 1;
      }
    }
    if (requeued > 0) await relay.kick();
    return { requeued, abandoned };
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
