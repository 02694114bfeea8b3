import type { Engine, StepRecord } from '@waybill/engine';
import type { Store } from '@waybill/store';
import type { ExecutionEvents } from './execution-events.js';
import type { ExecutionObserver } from './execution-observer.js';
import type { ConcurrencyLimiter } from './limits/concurrency-limiter.js';
import type { OutboxRelay } from './outbox-relay.js';
import type { JobContext, JobOutcome } from './queue/queue-driver.js';
import type { RevisionCache } from './revision-cache.js';

export interface ExecutionRunnerOptions {
  store: Store;
  engine: Engine;
  revisions: RevisionCache;
  events: ExecutionEvents;
  workerId: string;
  /** Publishes the outbox rows a run leaves (a resumption due later, a hand-back). */
  relay: OutboxRelay;
  observer?: ExecutionObserver;
  /** Enforces flows' maxConcurrency; without it the setting is not enforced. */
  limiter?: ConcurrencyLimiter;
  /** A running execution whose heartbeat is older than this may be taken over. */
  staleAfterMs: number;
  now?: () => number;
}

/** Why an execution's run was stopped from outside. */
const CANCELLED = 'cancelled';
const SHUTDOWN = 'shutdown';

/**
 * The job handler of a worker: takes the execution (the store's claim is what guarantees one
 * worker at a time), runs its revision with the steps recorded so far, and records the outcome.
 * A cancellation ends it as cancelled; a shutdown saves its progress and queues it again, so another
 * worker resumes it from its checkpoints.
 *
 * @example
 * const runner = createExecutionRunner({ store, engine, revisions, events, workerId, staleAfterMs: 30_000 });
 * queue.consume(runner.handle, { workerId, concurrency: 8 });
 */
export function createExecutionRunner(options: ExecutionRunnerOptions) {
  const { store, engine, revisions, events, workerId } = options;
  const now = options.now ?? Date.now;
  const running = new Map<string, AbortController>();

  const handle = async (job: JobContext): Promise<JobOutcome> => {
    const staleBefore = new Date(now() - options.staleAfterMs).toISOString();
    const execution = await store.executions.claim(job.executionId, workerId, staleBefore);
    if (!execution) return 'done';
    const revision = await revisions.get(execution.flowId, execution.revisionHash);
    if (!revision) {
      await store.executions.abandon(execution.id, {
        kind: 'system',
        code: 'REVISION_MISSING',
        message: `Revision ${execution.revisionHash.slice(0, 12)} of flow "${execution.flowId}" no longer exists, so the execution cannot run.`,
        retryable: false,
      });
      return 'done';
    }

    // A flow with a concurrency limit runs only while one of its slots is free. Otherwise the claim
    // is taken back and the execution queued again a little later, leaving the worker to other
    // flows; the longer it has waited, the less often it asks (up to every 15 s). The flow is known
    // only once the execution is claimed, so for that moment its status reads "running".
    const limit = revision.definition.settings?.maxConcurrency;
    const slot =
      limit && options.limiter
        ? await options.limiter.tryAcquire(`flow:${execution.flowId}`, limit)
        : undefined;
    if (limit && options.limiter && !slot) {
      const waited = Math.max(0, now() - Date.parse(execution.queuedAt));
      const delayMs = Math.min(15_000, Math.max(500, waited / 4)) * (0.75 + Math.random() / 2);
      await store.executions.requeue(execution.id, {
        runAt: new Date(now() + delayMs).toISOString(),
        undoClaim: true,
      });
      await options.relay.kick();
      return 'done';
    }

    // Queue wait is only meaningful for the first run; a resumption waited on purpose.
    if (execution.runCount === 1)
      options.observer?.started(execution, Math.max(0, now() - Date.parse(execution.queuedAt)));
    events.publish({
      type: 'execution.started',
      executionId: execution.id,
      flowId: execution.flowId,
      status: 'running',
      at: new Date(now()).toISOString(),
      businessKey: execution.businessKey,
    });

    const controller = new AbortController();
    const onShutdown = () => controller.abort(SHUTDOWN);
    job.signal.addEventListener('abort', onShutdown, { once: true });
    running.set(execution.id, controller);
    // Steps already committed by a checkpoint; the engine never changes a step once recorded, so
    // the final write leaves these out rather than serialising and comparing them again.
    const checkpointed = new WeakSet<StepRecord>();
    try {
      // Only a resumed run or a replay has steps to take over; a first run skips the read.
      const resumeSteps =
        execution.runCount > 1 || execution.replayOf ? await store.executions.steps(execution.id) : [];
      const record = await engine.run({
        executionId: execution.id,
        revision,
        trigger: execution.trigger,
        recorder: {
          checkpoint: async (steps) => {
            await store.executions.checkpoint(execution.id, steps);
            for (const step of steps) checkpointed.add(step);
          },
        },
        resume: { steps: resumeSteps },
        signal: controller.signal,
        idempotencyBase: execution.idempotencyBase,
        onResponse: (response) =>
          events.publish({
            type: 'execution.responded',
            executionId: execution.id,
            flowId: execution.flowId,
            status: 'running',
            at: new Date(now()).toISOString(),
            response,
          }),
      });

      if (controller.signal.reason === SHUTDOWN) {
        // Save the progress and queue the execution afresh (requeue writes an outbox row), so
        // another worker resumes it from its checkpoints; this job itself is done.
        await store.executions.checkpoint(execution.id, record.steps);
        await store.executions.requeue(execution.id);
        await options.relay.kick();
        return 'done';
      }
      const finished = await store.executions.finish(execution.id, {
        ...record,
        steps: record.steps.filter((step) => !checkpointed.has(step)),
      });
      options.observer?.finished(record);
      if (finished.status === 'waiting') await options.relay.kick();
      events.publish({
        type: 'execution.finished',
        executionId: finished.id,
        flowId: finished.flowId,
        status: finished.status,
        at: finished.finishedAt ?? new Date(now()).toISOString(),
        businessKey: finished.businessKey,
        ...(finished.error ? { errorCode: finished.error.code } : {}),
        failedNodeId: finished.failedNodeId,
        durationMs: finished.durationMs,
        ...(finished.response ? { response: finished.response } : {}),
      });
      return 'done';
    } finally {
      job.signal.removeEventListener('abort', onShutdown);
      running.delete(execution.id);
      await slot?.release();
    }
  };

  return {
    handle,
    /** Executions this worker is running now, for its heartbeat. */
    runningIds: (): string[] => [...running.keys()],
    /** Stops a running execution whose cancellation was requested. */
    cancel(executionId: string): void {
      running.get(executionId)?.abort(CANCELLED);
    },
  };
}

export type ExecutionRunner = ReturnType<typeof createExecutionRunner>;
