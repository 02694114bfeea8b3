import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store-types.js';
import { executionRecord, FAR_FUTURE, FAR_PAST, newExecution, uniqueId } from './fixtures.js';
import type { StoreHarness } from './store-contract.js';

export function describeLifecycleContract(name: string, harness: () => StoreHarness): void {
  describe(`${name}: claiming, heartbeats and cancellation`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await harness().open();
    });
    afterAll(() => store.close());

    const queued = () => store.executions.create(newExecution(uniqueId('flow')));

    it('lets one worker claim a queued execution and refuses a second while the heartbeat is fresh', async () => {
      const execution = await queued();
      const claimed = await store.executions.claim(execution.id, 'w1', FAR_PAST);
      expect(claimed).toMatchObject({ status: 'running', runCount: 1, workerId: 'w1', resumeAt: null });
      expect(claimed!.startedAt).toBe(claimed!.heartbeatAt);
      expect(await store.executions.claim(execution.id, 'w2', FAR_PAST)).toBeUndefined();
      expect(await store.executions.claim(execution.id, 'w1', FAR_PAST)).toBeUndefined();
      expect((await store.executions.get(execution.id))?.workerId).toBe('w1');
    });

    it('hands a running execution to another worker once its heartbeat is stale', async () => {
      const execution = await queued();
      const first = await store.executions.claim(execution.id, 'w1', FAR_PAST);
      const taken = await store.executions.claim(execution.id, 'w2', FAR_FUTURE);
      expect(taken).toMatchObject({
        status: 'running',
        runCount: 2,
        workerId: 'w2',
        startedAt: first!.startedAt,
      });
    });

    it('lets exactly one of several concurrent claims win', async () => {
      const execution = await queued();
      const claims = await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].map((worker) => store.executions.claim(execution.id, worker, FAR_PAST)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('never claims a cancelled, finished or unknown execution', async () => {
      const cancelled = await queued();
      await store.executions.requestCancel(cancelled.id);
      expect(await store.executions.claim(cancelled.id, 'w1', FAR_FUTURE)).toBeUndefined();

      const finished = await queued();
      await store.executions.claim(finished.id, 'w1', FAR_PAST);
      await store.executions.finish(finished.id, executionRecord(finished));
      expect(await store.executions.claim(finished.id, 'w2', FAR_FUTURE)).toBeUndefined();

      const requested = await queued();
      await store.executions.claim(requested.id, 'w1', FAR_PAST);
      await store.executions.requestCancel(requested.id);
      expect(await store.executions.claim(requested.id, 'w2', FAR_FUTURE)).toBeUndefined();

      expect(await store.executions.claim('ex_unknown', 'w1', FAR_FUTURE)).toBeUndefined();
    });

    it('refreshes heartbeats of the worker’s own running executions and reports cancellation requests', async () => {
      const mine = await queued();
      const cancelMe = await queued();
      const theirs = await queued();
      const before = (await store.executions.claim(mine.id, 'w1', FAR_PAST))!.heartbeatAt!;
      await store.executions.claim(cancelMe.id, 'w1', FAR_PAST);
      await store.executions.claim(theirs.id, 'w2', FAR_PAST);
      expect(await store.executions.requestCancel(cancelMe.id)).toEqual({ outcome: 'requested' });
      expect(await store.executions.requestCancel(theirs.id)).toEqual({ outcome: 'requested' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const cancels = await store.executions.heartbeat('w1', [mine.id, cancelMe.id, theirs.id]);
      expect(cancels).toEqual([cancelMe.id]);
      expect((await store.executions.get(mine.id))!.heartbeatAt! > before).toBe(true);
      expect(await store.executions.heartbeat('w1', [])).toEqual([]);
    });

    it('cancels queued and waiting executions at once, asks running ones to stop and leaves finished ones', async () => {
      const queuedOne = await queued();
      expect(await store.executions.requestCancel(queuedOne.id)).toEqual({ outcome: 'cancelled' });
      expect(await store.executions.get(queuedOne.id)).toMatchObject({ status: 'cancelled', workerId: null });
      expect((await store.executions.get(queuedOne.id))?.finishedAt).not.toBeNull();

      const waiting = await queued();
      await store.executions.claim(waiting.id, 'w1', FAR_PAST);
      await store.executions.finish(
        waiting.id,
        executionRecord(waiting, { status: 'waiting', resumeAt: FAR_FUTURE }),
      );
      expect(await store.executions.requestCancel(waiting.id)).toEqual({ outcome: 'cancelled' });
      expect(await store.executions.get(waiting.id)).toMatchObject({ status: 'cancelled', resumeAt: null });

      const running = await queued();
      await store.executions.claim(running.id, 'w1', FAR_PAST);
      expect(await store.executions.requestCancel(running.id)).toEqual({ outcome: 'requested' });
      expect(await store.executions.get(running.id)).toMatchObject({
        status: 'running',
        cancelRequested: true,
      });
      const ended = await store.executions.finish(
        running.id,
        executionRecord(running, { status: 'cancelled' }),
      );
      expect(ended).toMatchObject({ status: 'cancelled', workerId: null });

      expect(await store.executions.requestCancel(running.id)).toEqual({ outcome: 'finished' });
      expect(await store.executions.requestCancel('ex_unknown')).toEqual({ outcome: 'missing' });
    });

    it('finds executions whose worker stopped heart-beating and queues them again with an outbox row', async () => {
      const execution = await queued();
      await store.executions.claim(execution.id, 'w1', FAR_PAST);
      expect((await store.executions.stale(FAR_PAST, 1000)).map((e) => e.id)).not.toContain(execution.id);
      expect((await store.executions.stale(FAR_FUTURE, 100_000)).map((e) => e.id)).toContain(execution.id);
      const before = (await store.outbox.pending(FAR_FUTURE, 10_000)).filter(
        (row) => row.executionId === execution.id,
      ).length;
      await store.executions.requeue(execution.id);
      expect(await store.executions.get(execution.id)).toMatchObject({
        status: 'queued',
        workerId: null,
        runCount: 1,
      });
      const after = (await store.outbox.pending(FAR_FUTURE, 10_000)).filter(
        (row) => row.executionId === execution.id,
      ).length;
      expect(after).toBe(before + 1);
      expect(await store.executions.claim(execution.id, 'w2', FAR_PAST)).toMatchObject({
        runCount: 2,
        workerId: 'w2',
      });
    });

    it('counts workers lost apart from runs: a stale takeover and a reaper requeue count, a resumption does not', async () => {
      const execution = await queued();
      await store.executions.claim(execution.id, 'w1', FAR_PAST);
      await store.executions.finish(
        execution.id,
        executionRecord(execution, { status: 'waiting', resumeAt: FAR_PAST }),
      );
      expect(await store.executions.claim(execution.id, 'w2', FAR_PAST)).toMatchObject({
        runCount: 2,
        lostCount: 0,
      });
      // w2 dies; w3 takes the stale execution over.
      expect(await store.executions.claim(execution.id, 'w3', FAR_FUTURE)).toMatchObject({
        runCount: 3,
        lostCount: 1,
      });
      await store.executions.requeue(execution.id, { lostWorker: true });
      expect(await store.executions.get(execution.id)).toMatchObject({ status: 'queued', lostCount: 2 });
    });

    it('takes a claim back when the worker could not run the execution, publishing it again later', async () => {
      const execution = await queued();
      await store.executions.claim(execution.id, 'w1', FAR_PAST);
      const later = '2031-01-01T00:00:00.000Z';
      await store.executions.requeue(execution.id, { runAt: later, undoClaim: true });
      expect(await store.executions.get(execution.id)).toMatchObject({
        status: 'queued',
        workerId: null,
        runCount: 0,
        startedAt: null,
      });
      const rows = (await store.outbox.pending(FAR_FUTURE, 10_000)).filter(
        (row) => row.executionId === execution.id,
      );
      expect(rows.at(-1)?.runAt).toBe(later);
      expect(await store.executions.claim(execution.id, 'w2', FAR_PAST)).toMatchObject({ runCount: 1 });
    });

    it('ends a lost execution whose cancellation was requested instead of queueing it again', async () => {
      const execution = await queued();
      await store.executions.claim(execution.id, 'w1', FAR_PAST);
      await store.executions.requestCancel(execution.id);
      await store.executions.requeue(execution.id);
      expect(await store.executions.get(execution.id)).toMatchObject({ status: 'cancelled', workerId: null });
    });

    it('abandons a stuck execution as failed in the dead-letter inbox, and leaves finished ones alone', async () => {
      const execution = await queued();
      await store.executions.claim(execution.id, 'w1', FAR_PAST);
      const error = {
        kind: 'system' as const,
        code: 'WORKER_LOST',
        message: 'The worker stopped responding 3 times.',
        retryable: false,
      };
      await store.executions.abandon(execution.id, error);
      const abandoned = await store.executions.get(execution.id);
      expect(abandoned).toMatchObject({
        status: 'failed',
        error,
        failedNodeId: null,
        deadLetter: 'open',
        workerId: null,
        errorSignature: `${execution.flowId}||WORKER_LOST|The worker stopped responding <n> times.`,
      });
      expect(abandoned?.durationMs).toBeGreaterThanOrEqual(0);

      const done = await queued();
      await store.executions.claim(done.id, 'w1', FAR_PAST);
      await store.executions.finish(done.id, executionRecord(done));
      await store.executions.abandon(done.id, error);
      expect((await store.executions.get(done.id))?.status).toBe('succeeded');
    });
  });
}
