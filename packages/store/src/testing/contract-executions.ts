import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store-types.js';
import { executionRecord, FAR_FUTURE, FAR_PAST, newExecution, sampleSteps, uniqueId } from './fixtures.js';
import type { StoreHarness } from './store-contract.js';

export function describeExecutionContract(name: string, harness: () => StoreHarness): void {
  describe(`${name}: intake and execution records`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await harness().open();
    });
    afterAll(() => store.close());

    const outboxOf = async (executionId: string) =>
      (await store.outbox.pending(FAR_FUTURE, 10_000)).filter((row) => row.executionId === executionId);

    it('accepts a delivery as a queued execution with one outbox row due now', async () => {
      const flowId = uniqueId('flow');
      const before = new Date().toISOString();
      const accepted = await store.intake.accept({
        ...newExecution(flowId, { businessKey: 'SO-1' }),
        dedupeKey: 'd-1',
      });
      expect(accepted.duplicateOf).toBeNull();
      expect(accepted.executionId).toMatch(/^ex_[0-9a-f]{28}$/);
      const execution = await store.executions.get(accepted.executionId);
      expect(execution).toMatchObject({
        flowId,
        status: 'queued',
        triggerKind: 'webhook',
        businessKey: 'SO-1',
        trigger: { order: { id: 1001 } },
        idempotencyBase: accepted.executionId,
        runCount: 0,
        startedAt: null,
        cancelRequested: false,
        deadLetter: null,
      });
      expect(execution!.queuedAt >= before).toBe(true);
      const outbox = await outboxOf(accepted.executionId);
      expect(outbox).toHaveLength(1);
      expect(outbox[0]!.runAt).toBe(execution!.queuedAt);
    });

    it('answers a repeated dedupe key with the original execution and writes nothing else', async () => {
      const flowId = uniqueId('flow');
      const first = await store.intake.accept({ ...newExecution(flowId), dedupeKey: 'order-1001' });
      const again = await store.intake.accept({
        ...newExecution(flowId, { trigger: { changed: true } }),
        dedupeKey: 'order-1001',
      });
      expect(again).toEqual({ executionId: first.executionId, duplicateOf: first.executionId });
      expect(await store.executions.ids({ flowId }, 100)).toEqual([first.executionId]);
      expect(await outboxOf(first.executionId)).toHaveLength(1);
      expect((await store.executions.get(first.executionId))?.trigger).toEqual({ order: { id: 1001 } });
    });

    it('makes exactly one execution from twenty concurrent deliveries with the same key', async () => {
      const flowId = uniqueId('flow');
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          store.intake.accept({ ...newExecution(flowId), dedupeKey: 'burst' }),
        ),
      );
      const ids = await store.executions.ids({ flowId }, 100);
      expect(ids).toHaveLength(1);
      expect(new Set(results.map((r) => r.executionId))).toEqual(new Set(ids));
      expect(results.filter((r) => r.duplicateOf === null)).toHaveLength(1);
      expect(await outboxOf(ids[0]!)).toHaveLength(1);
    });

    it('dedupes per flow, and never without a key', async () => {
      const flowA = uniqueId('flow');
      const flowB = uniqueId('flow');
      const a = await store.intake.accept({ ...newExecution(flowA), dedupeKey: 'same' });
      const b = await store.intake.accept({ ...newExecution(flowB), dedupeKey: 'same' });
      expect(b.executionId).not.toBe(a.executionId);
      await store.intake.accept(newExecution(flowA));
      await store.intake.accept({ ...newExecution(flowA), dedupeKey: null });
      expect(await store.executions.ids({ flowId: flowA }, 100)).toHaveLength(3);
    });

    it('schedules a delivery due later with an outbox row due then', async () => {
      const accepted = await store.intake.accept({
        ...newExecution(uniqueId('flow')),
        runAt: '2030-01-01T10:00:00+01:00',
      });
      expect((await outboxOf(accepted.executionId)).map((row) => row.runAt)).toEqual([
        '2030-01-01T09:00:00.000Z',
      ]);
    });

    it('creates replays with the inherited idempotency base, the carried-over steps and an outbox row', async () => {
      const flowId = uniqueId('flow');
      const original = await store.executions.create(newExecution(flowId, { triggerKind: 'manual' }));
      expect(original).toMatchObject({
        status: 'queued',
        triggerKind: 'manual',
        idempotencyBase: original.id,
        replayOf: null,
      });
      const steps = sampleSteps();
      const replay = await store.executions.create(
        newExecution(flowId, {
          triggerKind: 'replay',
          replayOf: original.id,
          idempotencyBase: original.idempotencyBase,
          steps,
        }),
      );
      expect(replay).toMatchObject({
        replayOf: original.id,
        idempotencyBase: original.id,
        triggerKind: 'replay',
      });
      expect(replay.id > original.id).toBe(true);
      expect(await store.executions.steps(replay.id)).toStrictEqual(steps);
      expect(await outboxOf(replay.id)).toHaveLength(1);
    });

    it('reads checkpointed and finished steps back exactly, in the order they were recorded', async () => {
      const execution = await store.executions.create(newExecution(uniqueId('flow')));
      await store.executions.claim(execution.id, 'w1', FAR_PAST);
      const [map, push, notify] = sampleSteps();
      await store.executions.checkpoint(execution.id, [map!]);
      await store.executions.checkpoint(execution.id, [map!, push!]);
      expect(await store.executions.steps(execution.id)).toStrictEqual([map, push]);
      const changedMap = { ...map!, output: { total: 99 } };
      const finished = await store.executions.finish(
        execution.id,
        executionRecord(execution, {
          steps: [changedMap, push!, notify!],
          response: { status: 201, headers: { 'x-id': '1' }, body: { ok: true } },
        }),
      );
      expect(await store.executions.steps(execution.id)).toStrictEqual([changedMap, push, notify]);
      expect(finished).toMatchObject({
        status: 'succeeded',
        error: null,
        deadLetter: null,
        workerId: null,
        durationMs: 2000,
        finishedAt: '2025-03-01T10:00:02.000Z',
        response: { status: 201, headers: { 'x-id': '1' }, body: { ok: true } },
      });
      expect(await store.executions.get(execution.id)).toEqual(finished);
      expect(await store.executions.steps('ex_unknown')).toEqual([]);
    });

    it('records a failure with its error, failed node and signature, and opens a dead letter', async () => {
      const flowId = uniqueId('flow');
      const execution = await store.executions.create(newExecution(flowId));
      await store.executions.claim(execution.id, 'w1', FAR_PAST);
      const error = {
        kind: 'connector' as const,
        code: 'ODOO_REJECTED',
        message: 'Order #1001 failed',
        retryable: false,
        nodeId: 'push',
        stepKey: 'push',
      };
      const finished = await store.executions.finish(
        execution.id,
        executionRecord(execution, { status: 'failed', error, steps: sampleSteps() }),
      );
      expect(finished).toMatchObject({
        status: 'failed',
        error,
        failedNodeId: 'push',
        errorSignature: `${flowId}|push|ODOO_REJECTED|Order #<n> failed`,
        deadLetter: 'open',
        workerId: null,
      });
    });

    it('parks a waiting execution until resumeAt and schedules its resumption in the outbox', async () => {
      const execution = await store.executions.create(newExecution(uniqueId('flow')));
      const [published] = await outboxOf(execution.id);
      await store.outbox.markPublished([published!.id]);
      await store.executions.claim(execution.id, 'w1', FAR_PAST);
      const resumeAt = '2031-06-01T12:00:00.000Z';
      const waiting = await store.executions.finish(
        execution.id,
        executionRecord(execution, { status: 'waiting', resumeAt, steps: [sampleSteps()[0]!] }),
      );
      expect(waiting).toMatchObject({ status: 'waiting', resumeAt, finishedAt: null, workerId: null });
      expect((await outboxOf(execution.id)).map((row) => row.runAt)).toEqual([resumeAt]);
      const resumed = await store.executions.claim(execution.id, 'w2', FAR_PAST);
      expect(resumed).toMatchObject({
        status: 'running',
        runCount: 2,
        resumeAt: null,
        workerId: 'w2',
        startedAt: waiting.startedAt,
      });
    });

    it('refuses to record the end of an execution that does not exist, and writes none of its steps', async () => {
      const ghost = { ...(await store.executions.create(newExecution(uniqueId('flow')))), id: 'ex_missing' };
      await expect(store.executions.finish('ex_missing', executionRecord(ghost))).rejects.toThrow(
        /does not exist/,
      );
      await expect(
        store.executions.finish(
          'ex_missing',
          executionRecord(ghost, { status: 'waiting', resumeAt: FAR_FUTURE, steps: sampleSteps() }),
        ),
      ).rejects.toThrow(/does not exist/);
      expect(await store.executions.steps('ex_missing')).toEqual([]);
      expect(await outboxOf('ex_missing')).toEqual([]);
    });

    it('keeps recording order over more steps than one statement writes, a repeated key keeping its place', async () => {
      const execution = await store.executions.create(newExecution(uniqueId('flow')));
      await store.executions.claim(execution.id, 'w1', FAR_PAST);
      const [template] = sampleSteps();
      const step = (index: number, output: unknown = index) => ({
        ...template!,
        key: `each[${index}]/map`,
        items: [index],
        output,
      });
      const first = Array.from({ length: 250 }, (_, index) => step(index));
      await store.executions.checkpoint(execution.id, [...first, step(3, 'first try'), step(3, 'again')]);
      const recorded = first.map((s, index) => (index === 3 ? step(3, 'again') : s));
      expect(await store.executions.steps(execution.id)).toStrictEqual(recorded);
      const more = Array.from({ length: 240 }, (_, index) => step(250 + index));
      await store.executions.finish(
        execution.id,
        executionRecord(execution, { steps: [step(0, 'changed'), ...recorded.slice(1), ...more] }),
      );
      expect(await store.executions.steps(execution.id)).toStrictEqual([
        step(0, 'changed'),
        ...recorded.slice(1),
        ...more,
      ]);
    });
  });
}
