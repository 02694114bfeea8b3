import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { type BullmqJobData, startBullmqConsumer } from './bullmq-consumer.js';
import { toBullmqJobId } from './bullmq-job-id.js';
import type { Consumer, QueueDriver, QueueJob } from './queue-driver.js';
import { checkRedisReady } from './redis-readiness.js';

export interface BullmqDriverOptions {
  redisUrl: string;
  /** Default 'waybill-executions'. */
  queueName?: string;
  /** Redis key prefix (BullMQ's default 'bull'); lets installations and tests share a Redis. */
  prefix?: string;
  /** How long a worker's claim on a job lasts without renewal; a dead worker's jobs return after it. Default 30 000. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired. Default 30 000. */
  stalledIntervalMs?: number;
  /** Times a job may be recovered from dead workers before BullMQ fails it (a job that kills its worker). Default 3. */
  maxStalledCount?: number;
  /** Runs of a job whose handler throws, before BullMQ fails it. Default 10 (about 17 minutes of retries). */
  attempts?: number;
  /** Delay before the first retry after a throw; doubles each time, jittered down to half. Default 1000. */
  retryBaseMs?: number;
  /** Failed jobs kept in Redis for inspection. Default 1000. */
  keepFailed?: number;
  /** After stop() aborts a handler, how long it has to hand back before the job is handed back for it. Default 2000. */
  handBackWaitMs?: number;
  /** See checkRedisReady: for a managed Redis that hides its eviction policy. */
  skipEvictionPolicyCheck?: boolean;
  /** Redis and worker errors, and thrown handlers. Default: console.error. */
  onError?: (error: unknown) => void;
}

const JOB_NAME = 'execution';

/** Milliseconds until runAt; past, absent or now is 0. */
function delayUntil(job: QueueJob, now: number): number {
  if (job.runAt === undefined) return 0;
  const at = Date.parse(job.runAt);
  if (Number.isNaN(at)) {
    throw new Error(
      `Job ${job.jobId} of execution ${job.executionId} has runAt "${job.runAt}", which is not an ISO time.`,
    );
  }
  return Math.max(0, at - now);
}

/**
 * The scale-out queue: BullMQ on Redis. Publishing the same job id twice adds one job (BullMQ
 * keeps the first while it is waiting, delayed or running; a completed job is removed, after
 * which the id is free again and the store's claim on the execution is the guard).
 *
 * @example
 * const queue = createBullmqDriver({ redisUrl: config.redisUrl });
 * await queue.ready();
 * const consumer = queue.consume(runner.handle, { workerId, concurrency: 8 });
 */
export function createBullmqDriver(options: BullmqDriverOptions): QueueDriver {
  const queueName = options.queueName ?? 'waybill-executions';
  const prefix = options.prefix ?? 'bull';
  const onError = options.onError ?? ((error: unknown) => console.error('BullMQ queue:', error));
  const attempts = options.attempts ?? 10;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const keepFailed = options.keepFailed ?? 1000;

  // A publish that cannot reach Redis should fail within a few reconnect attempts: the outbox
  // keeps the row and republishes it, which beats holding the caller.
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
  const queue = new Queue<BullmqJobData, void, typeof JOB_NAME>(queueName, { connection, prefix });
  queue.on('error', onError);

  const consumers = new Set<Consumer>();
  let closing: Promise<void> | undefined;

  return {
    kind: 'bullmq',

    async publish(batch: QueueJob[]): Promise<void> {
      if (closing)
        throw new Error('The BullMQ queue driver is closed, so no more jobs can be published to it.');
      if (batch.length === 0) return;
      const now = Date.now();
      await queue.addBulk(
        batch.map((job) => ({
          name: JOB_NAME,
          data: { executionId: job.executionId, jobId: job.jobId },
          opts: {
            jobId: toBullmqJobId(job.jobId),
            delay: delayUntil(job, now),
            attempts,
            backoff: { type: 'exponential', delay: retryBaseMs, jitter: 0.5 },
            removeOnComplete: true,
            removeOnFail: { count: keepFailed },
          },
        })),
      );
    },

    consume(handler, consumerOptions): Consumer {
      if (closing) throw new Error('The BullMQ queue driver is closed, so it cannot start a consumer.');
      const consumer = startBullmqConsumer({
        redisUrl: options.redisUrl,
        queueName,
        prefix,
        handler,
        workerId: consumerOptions.workerId,
        concurrency: Math.max(1, consumerOptions.concurrency),
        lockDurationMs: options.lockDurationMs ?? 30_000,
        stalledIntervalMs: options.stalledIntervalMs ?? 30_000,
        maxStalledCount: options.maxStalledCount ?? 3,
        handBackWaitMs: options.handBackWaitMs ?? 2000,
        onError,
      });
      const tracked: Consumer = {
        get active() {
          return consumer.active;
        },
        async stop(graceMs: number) {
          await consumer.stop(graceMs);
          consumers.delete(tracked);
        },
      };
      consumers.add(tracked);
      return tracked;
    },

    async depth() {
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'paused', 'delayed', 'active');
      return {
        // Paused jobs are due too; they wait for the queue to be resumed rather than for a worker.
        ready: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.paused ?? 0),
        delayed: counts.delayed ?? 0,
        active: counts.active ?? 0,
      };
    },

    ready(): Promise<void> {
      return checkRedisReady(connection, options.redisUrl, {
        skipEvictionPolicyCheck: options.skipEvictionPolicyCheck ?? false,
      });
    },

    close(): Promise<void> {
      closing ??= (async () => {
        await Promise.all([...consumers].map((consumer) => consumer.stop(0)));
        await queue.close().catch(onError);
        await connection.quit().catch(() => connection.disconnect());
      })();
      return closing;
    },
  };
}
