/**
 * The queue the runtime publishes executions to and workers consume from. One job per execution
 * run: the job names the execution, the worker loads everything else from the store.
 *
 * Two drivers implement it: BullMQ on Redis (scale-out) and an embedded driver persisted in the
 * store's database (one process, nothing else to run).
 */

export interface QueueJob {
  /** Unique per publish; the same job id published twice is one job. */
  jobId: string;
  executionId: string;
  /** ISO time the job becomes due; absent = now. */
  runAt?: string;
}

export interface JobContext {
  executionId: string;
  jobId: string;
  /** Fires when the worker is shutting down past its grace period; the handler should stop and hand back. */
  signal: AbortSignal;
}

/** What the handler decides about a job it was given. */
export type JobOutcome = 'done' | 'handBack';

export type JobHandler = (job: JobContext) => Promise<JobOutcome>;

export interface ConsumerOptions {
  workerId: string;
  /** Jobs processed at once by this consumer. */
  concurrency: number;
}

export interface Consumer {
  /** Jobs currently being processed. */
  readonly active: number;
  /**
   * Stops taking new jobs, waits up to graceMs for running ones, then aborts the rest (their
   * handlers see the signal) and hands their jobs back so another worker takes them.
   */
  stop(graceMs: number): Promise<void>;
}

export interface QueueDepth {
  /** Due and waiting for a worker. */
  ready: number;
  /** Due later (retries, delays). */
  delayed: number;
  /** Being processed. */
  active: number;
}

export interface QueueDriver {
  readonly kind: 'bullmq' | 'embedded';
  publish(jobs: QueueJob[]): Promise<void>;
  consume(handler: JobHandler, options: ConsumerOptions): Consumer;
  depth(): Promise<QueueDepth>;
  /** Checks the queue can take work (connection, and for Redis `maxmemory-policy noeviction`). */
  ready(): Promise<void>;
  close(): Promise<void>;
}
