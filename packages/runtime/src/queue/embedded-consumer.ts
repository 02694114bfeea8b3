import type { JobRepository, JobRow } from '@waybill/store';
import type { Consumer, JobHandler, JobOutcome } from './queue-driver.js';
import { retryDelayMs } from './retry-delay.js';
import { settlesWithin } from './settles-within.js';

export interface EmbeddedConsumerOptions {
  jobs: JobRepository;
  handler: JobHandler;
  workerId: string;
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  now: () => number;
  retryBaseMs: number;
  retryMaxMs: number;
  handBackWaitMs: number;
  onError: (error: unknown) => void;
  /** Called after this consumer gave a job back, so the process's other consumers look for it at once. */
  onRelease: () => void;
}

export interface EmbeddedConsumer extends Consumer {
  /** Look for due jobs now rather than at the next poll (a publish or a hand-back in this process). */
  wake(): void;
}

interface Running {
  row: JobRow;
  controller: AbortController;
  settled: Promise<void>;
  /** Set when stop() released the job itself because the handler ignored the abort. */
  abandoned: boolean;
  /** Set once the handler is done: heartbeats leave the job alone from then on. */
  finishing: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One polling consumer of the embedded queue: claims due jobs (a lease, so a killed process's
 * jobs become claimable again when the lease runs out), runs up to `concurrency` handlers at once,
 * and extends the leases of running jobs every leaseMs / 3 — that extension is its heartbeat.
 *
 * @example
 * const consumer = startEmbeddedConsumer({ jobs: store.jobs, handler, workerId: 'w1', concurrency: 4, ... });
 * await consumer.stop(10_000);
 */
export function startEmbeddedConsumer(options: EmbeddedConsumerOptions): EmbeddedConsumer {
  const { jobs, handler, now, onError } = options;
  const active = new Map<number, Running>();
  let stopping = false;
  let wakeRequested = false;
  let interruptSleep: (() => void) | undefined;
  let stopped: Promise<void> | undefined;

  const minimumClaim = Math.max(1, Math.floor(options.concurrency / 8));
  // Set when jobs were published in this process: those are claimed even into a single free slot.
  let published = false;
  const wake = () => {
    wakeRequested = true;
    interruptSleep?.();
  };

  // A wake that arrives while a claim is in flight is remembered, so a job published during the
  // claim's round trip is not left for the next poll.
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (wakeRequested || stopping) return resolve();
      const finish = () => {
        clearTimeout(timer);
        interruptSleep = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      interruptSleep = finish;
    });

  let extending: Promise<void> | undefined;
  const extendLeases = async (ids: number[]) => {
    try {
      await jobs.extend(ids, iso(now() + options.leaseMs));
    } catch (error) {
      onError(error);
    } finally {
      extending = undefined;
    }
  };
  const heartbeat = setInterval(
    () => {
      const ids = [...active.values()].filter((entry) => !entry.finishing).map((entry) => entry.row.id);
      if (extending || ids.length === 0) return;
      extending = extendLeases(ids);
    },
    Math.max(1, Math.floor(options.leaseMs / 3)),
  );
  // The poll loop keeps the process alive while consuming; the heartbeat alone must not.
  heartbeat.unref();

  const settle = async (
    row: JobRow,
    outcome: JobOutcome | undefined,
    failure: { error: unknown } | undefined,
  ) => {
    if (failure) {
      const retryAt =
        now() + retryDelayMs(row.attempts, { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs });
      onError(failure.error);
      await jobs.release(row.id, iso(retryAt));
    } else if (outcome === 'handBack') {
      await jobs.release(row.id, iso(now()));
      options.onRelease();
    } else {
      await jobs.complete([row.id]);
    }
  };

  const run = (row: JobRow) => {
    const controller = new AbortController();
    const entry: Running = {
      row,
      controller,
      settled: Promise.resolve(),
      abandoned: false,
      finishing: false,
    };
    active.set(row.id, entry);
    entry.settled = (async () => {
      let outcome: JobOutcome | undefined;
      let failure: { error: unknown } | undefined;
      try {
        outcome = await handler({
          executionId: row.executionId,
          jobId: String(row.id),
          signal: controller.signal,
        });
      } catch (error) {
        // A handler that throws because it was aborted for shutdown is handing back, not failing.
        if (controller.signal.aborted) outcome = 'handBack';
        else failure = { error };
      }
      if (entry.abandoned) return;
      entry.finishing = true;
      try {
        // An extension already on its way could land after the release and lease the job to
        // nobody until it runs out; let it land first.
        await extending;
        await settle(row, outcome, failure);
      } catch (error) {
        // The store is unreachable: the lease runs out and the job is claimed again, so it is not lost.
        onError(error);
      } finally {
        active.delete(row.id);
        wake();
      }
    })();
  };

  let claimFailures = 0;
  const loop = async () => {
    while (!stopping) {
      wakeRequested = false;
      const free = options.concurrency - active.size;
      // While busy, claim once a few slots are free rather than one query per finished job: each
      // claim is a write, and under load one per execution costs more than the wait for company.
      if (free <= 0 || (free < minimumClaim && active.size > 0 && !published)) {
        await sleep(options.pollMs);
        continue;
      }
      published = false;
      let rows: JobRow[];
      try {
        const at = now();
        rows = await jobs.claim(options.workerId, free, iso(at), iso(at + options.leaseMs));
        claimFailures = 0;
      } catch (error) {
        onError(error);
        claimFailures += 1;
        await sleep(retryDelayMs(claimFailures, { baseMs: options.pollMs, maxMs: 10_000 }));
        continue;
      }
      if (stopping) {
        // Claimed in the same moment stop() was called: give them straight back.
        await Promise.all(rows.map((row) => jobs.release(row.id, iso(now())).catch(onError)));
        if (rows.length > 0) options.onRelease();
        break;
      }
      for (const row of rows) run(row);
      // A full batch means more may be due; anything less means the queue is drained for now.
      if (rows.length < free) await sleep(options.pollMs);
    }
  };

  const looping = loop().catch(onError);

  const inFlight = () => Promise.all([...active.values()].map((entry) => entry.settled));

  const stop = async (graceMs: number) => {
    const deadline = Date.now() + Math.max(0, graceMs);
    stopping = true;
    wake();
    await looping;
    if (!(await settlesWithin(inFlight(), deadline - Date.now()))) {
      for (const entry of active.values()) entry.controller.abort(new Error('The worker is shutting down.'));
      if (!(await settlesWithin(inFlight(), options.handBackWaitMs))) {
        // These handlers ignore the signal: give their jobs back now rather than wait for the
        // lease to run out; whatever they do later is not recorded against the job.
        const stuck = [...active.values()];
        for (const entry of stuck) {
          entry.abandoned = true;
          entry.finishing = true;
          active.delete(entry.row.id);
        }
        await extending;
        await Promise.all(stuck.map((entry) => jobs.release(entry.row.id, iso(now())).catch(onError)));
        options.onRelease();
      }
    }
    clearInterval(heartbeat);
  };

  return {
    get active() {
      return active.size;
    },
    wake() {
      published = true;
      wake();
    },
    stop(graceMs: number): Promise<void> {
      stopped ??= stop(graceMs);
      return stopped;
    },
  };
}
