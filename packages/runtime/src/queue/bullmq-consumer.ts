import { type Job, WaitingError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Consumer, JobHandler, JobOutcome } from './queue-driver.js';
import { settlesWithin } from './settles-within.js';

/** What a BullMQ job carries: the execution, and the job id as published (BullMQ's may be escaped). */
export interface BullmqJobData {
  executionId: string;
  jobId: string;
}

export interface BullmqConsumerOptions {
  redisUrl: string;
  queueName: string;
  prefix: string;
  handler: JobHandler;
  workerId: string;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
  handBackWaitMs: number;
  onError: (error: unknown) => void;
}

interface Running {
  controller: AbortController;
  /** Stops waiting for a handler that ignores the abort, so its job can be handed back. */
  giveUp: () => void;
}

const GAVE_UP = Symbol('gave up');

/**
 * A BullMQ Worker running a JobHandler. Locks, their renewal and stalled-job recovery are
 * BullMQ's: a worker that dies keeps its jobs only until their lock expires (lockDurationMs), and
 * the next stalled check of any live worker puts them back in the wait list.
 *
 * A hand-back uses BullMQ's documented manual-retry pattern, `job.moveToWait(token)` then
 * `throw new WaitingError()`: the job goes straight back to the head of the wait list, unlocked,
 * without using up an attempt.
 *
 * @example
 * const consumer = startBullmqConsumer({ redisUrl, queueName: 'waybill-executions', prefix: 'bull', handler, ... });
 * await consumer.stop(30_000);
 */
export function startBullmqConsumer(options: BullmqConsumerOptions): Consumer {
  const { handler, onError } = options;
  const running = new Set<Running>();

  const processor = async (job: Job<BullmqJobData>, token?: string): Promise<void> => {
    const controller = new AbortController();
    let giveUp = () => {};
    const gaveUp = new Promise<typeof GAVE_UP>((resolve) => {
      giveUp = () => resolve(GAVE_UP);
    });
    const entry: Running = { controller, giveUp };
    running.add(entry);
    try {
      const handling = (async () =>
        handler({
          executionId: job.data.executionId,
          jobId: job.data.jobId ?? job.id ?? '',
          signal: controller.signal,
        }))();
      // Once we stop waiting for it, a late rejection must not surface as unhandled.
      handling.catch(() => {});
      let outcome: JobOutcome | typeof GAVE_UP;
      try {
        outcome = await Promise.race([handling, gaveUp]);
      } catch (error) {
        // Thrown while shutting down is a hand-back; otherwise it is trouble (database down) and
        // BullMQ retries the job with backoff.
        if (!controller.signal.aborted) throw error;
        outcome = 'handBack';
      }
      if (outcome === 'done') return;
      await job.moveToWait(token);
      throw new WaitingError();
    } finally {
      running.delete(entry);
    }
  };

  // BullMQ requires maxRetriesPerRequest: null on worker connections: its blocking commands must
  // wait out a reconnect instead of failing.
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker<BullmqJobData, void>(options.queueName, processor, {
    connection,
    prefix: options.prefix,
    name: options.workerId,
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    maxStalledCount: options.maxStalledCount,
  });
  worker.on('error', onError);
  worker.on('failed', (_job, error) => onError(error));

  let stopped: Promise<void> | undefined;
  const stop = async (graceMs: number) => {
    // close() stops fetching at once and resolves when every running processor has returned.
    const closing = worker.close();
    if (!(await settlesWithin(closing, graceMs))) {
      for (const entry of running) entry.controller.abort(new Error('The worker is shutting down.'));
      if (!(await settlesWithin(closing, options.handBackWaitMs))) {
        for (const entry of running) entry.giveUp();
      }
    }
    await closing;
    await connection.quit().catch(() => connection.disconnect());
  };

  return {
    get active() {
      return running.size;
    },
    stop(graceMs: number): Promise<void> {
      stopped ??= stop(graceMs);
      return stopped;
    },
  };
}
