import type { JobRepository } from '@waybill/store';
import { type EmbeddedConsumer, startEmbeddedConsumer } from './embedded-consumer.js';
import type { Consumer, QueueDriver, QueueJob } from './queue-driver.js';

export interface EmbeddedDriverOptions {
  /** The store's job table. */
  jobs: JobRepository;
  /** How often an idle consumer looks for jobs published by other processes or becoming due. Default 200. */
  pollMs?: number;
  /** How long a claimed job stays with its consumer without a heartbeat (a killed process's jobs return after this). Default 30 000. */
  leaseMs?: number;
  now?: () => number;
  /** First retry delay after a handler throws; doubles per attempt up to retryMaxMs. Default 1000. */
  retryBaseMs?: number;
  /** Default 60 000. */
  retryMaxMs?: number;
  /** After stop() aborts a handler, how long it has to hand back before the job is released for it. Default 2000. */
  handBackWaitMs?: number;
  /** Store errors and thrown handlers; the loop carries on. Default: console.error. */
  onError?: (error: unknown) => void;
}

/** Job ids remembered to drop a republish of the same job; the outbox republishes only recent rows. */
const REMEMBERED_JOB_IDS = 10_000;

/**
 * The queue for a single process: jobs live in the store's database (`JobRepository`), consumers
 * poll it and also wake at once when this process publishes. The table row's id is the job: the
 * published `jobId` is only used to drop a job this process has already published, and
 * `JobContext.jobId` is the row id.
 *
 * @example
 * const queue = createEmbeddedDriver({ jobs: store.jobs });
 * const consumer = queue.consume(runner.handle, { workerId: 'local', concurrency: 4 });
 * await queue.publish([{ jobId: 'ex-1-7', executionId: 'ex-1' }]);
 */
export function createEmbeddedDriver(options: EmbeddedDriverOptions): QueueDriver {
  const { jobs } = options;
  const now = options.now ?? Date.now;
  const onError = options.onError ?? ((error: unknown) => console.error('Embedded queue:', error));
  const consumers = new Set<EmbeddedConsumer>();
  const published = new Set<string>();
  let closing: Promise<void> | undefined;

  const wakeAll = () => {
    for (const consumer of consumers) consumer.wake();
  };

  const remember = (jobId: string) => {
    published.add(jobId);
    if (published.size > REMEMBERED_JOB_IDS) {
      const oldest = published.values().next().value;
      if (oldest !== undefined) published.delete(oldest);
    }
  };

  return {
    kind: 'embedded',

    async publish(batch: QueueJob[]): Promise<void> {
      if (closing) throw new Error('The embedded queue is closed, so no more jobs can be published to it.');
      const fresh = new Map<string, QueueJob>();
      for (const job of batch) if (!published.has(job.jobId)) fresh.set(job.jobId, job);
      if (fresh.size === 0) return;
      const dueNow = new Date(now()).toISOString();
      await jobs.enqueue(
        [...fresh.values()].map((job) => ({ executionId: job.executionId, runAt: job.runAt ?? dueNow })),
      );
      for (const jobId of fresh.keys()) remember(jobId);
      wakeAll();
    },

    consume(handler, consumerOptions): Consumer {
      if (closing) throw new Error('The embedded queue is closed, so it cannot start a consumer.');
      const consumer = startEmbeddedConsumer({
        jobs,
        handler,
        workerId: consumerOptions.workerId,
        concurrency: Math.max(1, consumerOptions.concurrency),
        pollMs: options.pollMs ?? 200,
        leaseMs: options.leaseMs ?? 30_000,
        now,
        retryBaseMs: options.retryBaseMs ?? 1000,
        retryMaxMs: options.retryMaxMs ?? 60_000,
        handBackWaitMs: options.handBackWaitMs ?? 2000,
        onError,
        onRelease: wakeAll,
      });
      consumers.add(consumer);
      return {
        get active() {
          return consumer.active;
        },
        async stop(graceMs: number) {
          await consumer.stop(graceMs);
          consumers.delete(consumer);
        },
      };
    },

    async depth() {
      const counts = await jobs.depth(new Date(now()).toISOString());
      return { ready: counts.ready, delayed: counts.delayed, active: counts.leased };
    },

    async ready() {
      // The store's own readiness check covers the database this queue lives in.
    },

    close(): Promise<void> {
      closing ??= Promise.all([...consumers].map((consumer) => consumer.stop(0))).then(() =>
        consumers.clear(),
      );
      return closing;
    },
  };
}
