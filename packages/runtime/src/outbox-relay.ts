import type { Store } from '@waybill/store';
import type { QueueDriver } from './queue/queue-driver.js';

export interface OutboxRelayOptions {
  store: Store;
  queue: QueueDriver;
  /** Rows older than this are republished by the sweep (their fast-path publish was lost). Default 5 s. */
  sweepAfterMs?: number;
  /** How often the sweep runs. Default 2 s. */
  sweepEveryMs?: number;
  batchSize?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * Moves committed outbox rows onto the queue. Intake calls `kick()` right after its transaction
 * commits; kicks coalesce, so a burst of deliveries is published in a few batches rather than one
 * round trip each. A periodic sweep republishes rows whose publish was lost (crash between commit
 * and publish, Redis down); the job id is derived from the row, so a row published twice is still
 * one job.
 *
 * @example
 * const relay = createOutboxRelay({ store, queue }); relay.start();
 * await store.intake.accept(...); relay.kick();
 */
export function createOutboxRelay(options: OutboxRelayOptions) {
  const { store, queue } = options;
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 500;
  const sweepAfterMs = options.sweepAfterMs ?? 5000;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  /** Publishes every pending row created before `before`; returns how many. */
  const drain = async (before: number): Promise<number> => {
    let total = 0;
    for (;;) {
      const rows = await store.outbox.pending(new Date(before).toISOString(), batchSize);
      if (rows.length === 0) return total;
      await queue.publish(
        rows.map((row) => ({
          jobId: `${row.executionId}-${row.id}`,
          executionId: row.executionId,
          runAt: row.runAt,
        })),
      );
      await store.outbox.markPublished(rows.map((row) => row.id));
      total += rows.length;
      if (rows.length < batchSize) return total;
    }
  };

  // The newest cut-off asked for while a drain runs; the next round uses it, so a kick that
  // arrives during a sweep is not held back to the sweep's older cut-off.
  let requested: number | undefined;

  const run = (before: number): Promise<void> => {
    requested = Math.max(requested ?? before, before);
    if (running) return running;
    running = (async () => {
      try {
        while (requested !== undefined) {
          const cutOff = requested;
          requested = undefined;
          await drain(cutOff);
        }
      } catch (error) {
        requested = undefined;
        options.onError?.(error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  return {
    /** Publish what was just committed. Resolves when this batch is on the queue (or failed, reported via onError). */
    kick(): Promise<void> {
      // +1 ms: a row committed in this same millisecond must be included.
      return run(now() + 1);
    },
    /** Republish rows left behind for longer than sweepAfterMs. */
    sweep(): Promise<void> {
      return run(now() - sweepAfterMs);
    },
    start(): void {
      if (timer) return;
      timer = setInterval(() => void this.sweep(), options.sweepEveryMs ?? 2000);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
