import type { ExecutionError } from '@waybill/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionRow, NewExecution, Store } from '../store-types.js';
import { executionRecord, FAR_PAST, newExecution, uniqueId } from './fixtures.js';
import type { StoreHarness } from './store-contract.js';

export function describeSearchContract(name: string, harness: () => StoreHarness): void {
  describe(`${name}: searching history and the dead-letter inbox`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await harness().open();
    });
    afterAll(() => store.close());

    const finishAs = async (
      input: NewExecution,
      status: 'succeeded' | 'failed',
      error?: ExecutionError,
    ): Promise<ExecutionRow> => {
      const execution = await store.executions.create(input);
      await store.executions.claim(execution.id, 'w1', FAR_PAST);
      return store.executions.finish(
        execution.id,
        executionRecord(execution, { status, ...(error ? { error } : {}) }),
      );
    };
    const rejected = (message: string, nodeId = 'push', code = 'ODOO_REJECTED'): ExecutionError => ({
      kind: 'connector',
      code,
      message,
      retryable: false,
      nodeId,
    });

    it('filters by every field of the execution filter, all of them together', async () => {
      const flowId = uniqueId('flow');
      const ok = await finishAs(
        newExecution(flowId, {
          businessKey: 'SO-1001',
          revisionHash: 'rev-a',
          trigger: { customer: 'Acme Corp' },
        }),
        'succeeded',
      );
      const failed = await finishAs(
        newExecution(flowId, {
          businessKey: 'SO-1002',
          revisionHash: 'rev-b',
          trigger: { customer: 'Globex' },
        }),
        'failed',
        rejected('Order #1002 failed: 50%_off is not a price'),
      );
      const pending = await store.executions.create(
        newExecution(flowId, { businessKey: 'PO-77', revisionHash: 'rev-b', trigger: { note: 'x' } }),
      );
      const search = async (filter: Parameters<Store['executions']['list']>[0]) =>
        (await store.executions.list({ flowId, ...filter })).items.map((e) => e.id).sort();
      const sorted = (...rows: ExecutionRow[]) => rows.map((e) => e.id).sort();

      expect(await search({})).toEqual(sorted(ok, failed, pending));
      expect(await search({ status: 'failed' })).toEqual(sorted(failed));
      expect(await search({ status: ['queued', 'succeeded'] })).toEqual(sorted(ok, pending));
      expect(await search({ revisionHash: 'rev-b' })).toEqual(sorted(failed, pending));
      expect(await search({ businessKey: 'SO-1001' })).toEqual(sorted(ok));
      expect(await search({ businessKey: 'SO-*' })).toEqual(sorted(ok, failed));
      expect(await search({ businessKey: 'so-*' })).toEqual([]);
      expect(await search({ businessKey: 'SO-' })).toEqual([]);
      expect(await search({ text: 'acme' })).toEqual(sorted(ok));
      expect(await search({ text: 'ORDER #1002' })).toEqual(sorted(failed));
      expect(await search({ text: '50%_off' })).toEqual(sorted(failed));
      expect(await search({ text: '5%off' })).toEqual([]);
      expect(await search({ text: 'po-77' })).toEqual(sorted(pending));
      expect(await search({ text: pending.id.slice(-10).toUpperCase() })).toEqual(sorted(pending));
      expect(await search({ deadLetter: 'open' })).toEqual(sorted(failed));
      expect(await search({ failedNodeId: 'push' })).toEqual(sorted(failed));
      expect(await search({ errorSignature: failed.errorSignature! })).toEqual(sorted(failed));
      expect(await search({ status: 'failed', revisionHash: 'rev-a' })).toEqual([]);
      expect(await store.executions.ids({ flowId, status: 'succeeded' }, 10)).toEqual([ok.id]);
    });

    it('filters by queue time, from inclusive and to exclusive', async () => {
      let now = Date.parse('2024-05-01T10:00:00.000Z');
      const clocked = await harness().open({ now: () => now });
      try {
        const flowId = uniqueId('flow');
        const ids: string[] = [];
        for (let index = 0; index < 3; index += 1) {
          ids.push((await clocked.executions.create(newExecution(flowId))).id);
          now += 60_000;
        }
        const search = async (from?: string, to?: string) =>
          (
            await clocked.executions.list({ flowId, ...(from ? { from } : {}), ...(to ? { to } : {}) })
          ).items.map((e) => e.id);
        expect(await search('2024-05-01T10:01:00.000Z')).toEqual([ids[2], ids[1]]);
        expect(await search(undefined, '2024-05-01T10:01:00.000Z')).toEqual([ids[0]]);
        expect(await search('2024-05-01T12:00:30+02:00', '2024-05-01T10:02:00Z')).toEqual([ids[1]]);
      } finally {
        await clocked.close();
      }
    });

    it('pages through 120 executions newest first, each exactly once', async () => {
      const flowId = uniqueId('flow');
      const created: string[] = [];
      for (let index = 0; index < 120; index += 1)
        created.push((await store.intake.accept(newExecution(flowId))).executionId);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<Store['executions']['list']>> = await store.executions.list(
          { flowId },
          { cursor, limit: 25 },
        );
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(5);
      expect(seen).toEqual([...created].reverse());
      const firstPage = await store.executions.list({ flowId });
      expect(firstPage.items).toHaveLength(50);
      expect(firstPage.nextCursor).not.toBeNull();
      expect((await store.executions.list({ flowId }, { limit: 10_000 })).items).toHaveLength(120);
    });

    it('refuses a cursor it did not hand out with a sentence that names the cursor', async () => {
      await expect(store.executions.list({}, { cursor: 'not-a-cursor' })).rejects.toThrow(/cursor/);
      await expect(store.audit.list({}, { cursor: 'bm9wZQ' })).rejects.toThrow(/cursor/);
    });

    it('groups dead letters by flow, node and normalised message, newest message as the sample', async () => {
      const flowId = uniqueId('flow');
      const first = await finishAs(newExecution(flowId), 'failed', rejected('Order #1001 failed'));
      const second = await finishAs(newExecution(flowId), 'failed', rejected('Order #1002 failed'));
      await finishAs(newExecution(flowId), 'failed', rejected('Order #1003 failed', 'ship', 'CARRIER_DOWN'));
      const resolved = await finishAs(newExecution(flowId), 'failed', rejected('Order #1004 failed'));
      await finishAs(newExecution(flowId), 'succeeded');
      expect(await store.executions.setDeadLetter([resolved.id], 'resolved')).toBe(1);

      const groups = await store.executions.deadLetterGroups({ flowId });
      expect(groups).toHaveLength(2);
      const push = groups.find((g) => g.failedNodeId === 'push');
      expect(push).toEqual({
        flowId,
        failedNodeId: 'push',
        errorSignature: `${flowId}|push|ODOO_REJECTED|Order #<n> failed`,
        errorCode: 'ODOO_REJECTED',
        sampleMessage: 'Order #1002 failed',
        count: 2,
        firstAt: first.queuedAt,
        lastAt: second.queuedAt,
      });
      expect(groups.find((g) => g.failedNodeId === 'ship')).toMatchObject({
        count: 1,
        errorCode: 'CARRIER_DOWN',
      });
      expect((await store.executions.deadLetterGroups({})).filter((g) => g.flowId === flowId)).toHaveLength(
        2,
      );
    });

    it("keeps a partner's view to executions and dead letters of its own flows", async () => {
      const partner = uniqueId('partner');
      const own = uniqueId('flow');
      const other = uniqueId('flow');
      await store.flows.create({ id: own, name: 'EDI 850 in', partnerId: partner });
      await store.flows.create({ id: other, name: 'Someone else', partnerId: uniqueId('partner') });
      const mine = await finishAs(newExecution(own), 'failed', rejected('Order #1 failed'));
      await finishAs(newExecution(other), 'failed', rejected('Order #2 failed'));
      const seen = await store.executions.list({ partnerId: partner });
      expect(seen.items.map((e) => e.id)).toEqual([mine.id]);
      expect(await store.executions.ids({ partnerId: partner, status: 'failed' }, 10)).toEqual([mine.id]);
      const groups = await store.executions.deadLetterGroups({ partnerId: partner });
      expect(groups.map((g) => g.flowId)).toEqual([own]);
      expect((await store.flows.list({ partnerId: partner })).map((f) => f.id)).toEqual([own]);
      expect((await store.flows.get(own))?.partnerId).toBe(partner);
      await store.flows.delete(own);
      expect((await store.executions.list({ partnerId: partner })).items).toEqual([]);
    });

    it('counts executions per status and hour and names the slowest nodes, for one partner alone', async () => {
      const partner = uniqueId('partner');
      const flowId = uniqueId('flow');
      await store.flows.create({ id: flowId, name: 'Timed', partnerId: partner });
      const step = (nodeId: string, ...durations: number[]) => ({
        key: nodeId,
        nodeId,
        type: nodeId === 'push' ? 'odoo.createSaleOrder' : 'core.transform',
        status: 'succeeded' as const,
        input: {},
        attempts: durations.map((durationMs, i) => ({ attempt: i + 1, startedAt: FAR_PAST, durationMs })),
        effect: 'pure' as const,
        definitionHash: 'd',
      });
      for (const [map, push] of [
        [2, 40],
        [4, 60],
      ] as const) {
        const execution = await store.executions.create(newExecution(flowId));
        await store.executions.claim(execution.id, 'w1', FAR_PAST);
        await store.executions.finish(
          execution.id,
          executionRecord(execution, { steps: [step('map', map), step('push', push, 100)] }),
        );
      }
      await finishAs(newExecution(flowId), 'failed', rejected('Order #9 failed'));
      const since = new Date(Date.now() - 3_600_000).toISOString();
      const overview = await store.stats.overview({ since, partnerId: partner });
      const total = overview.buckets.reduce(
        (sum, b) => sum + (b.counts.succeeded ?? 0) + (b.counts.failed ?? 0),
        0,
      );
      expect(total).toBe(3);
      expect(overview.buckets.every((b) => /^\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/.test(b.start))).toBe(true);
      expect(overview.slowestNodes.map((n) => [n.nodeId, n.count, n.avgMs])).toEqual([
        ['push', 2, 150],
        ['map', 2, 3],
      ]);
      expect((await store.stats.overview({ since, partnerId: uniqueId('nobody') })).buckets).toEqual([]);
    });

    it('changes dead-letter states only where one exists and counts the changes', async () => {
      const flowId = uniqueId('flow');
      const a = await finishAs(newExecution(flowId), 'failed', rejected('A failed'));
      const b = await finishAs(newExecution(flowId), 'failed', rejected('B failed'));
      const fine = await finishAs(newExecution(flowId), 'succeeded');
      expect(await store.executions.setDeadLetter([a.id, b.id, fine.id, 'ex_unknown'], 'ignored')).toBe(2);
      expect(await store.executions.setDeadLetter([a.id, b.id], 'ignored')).toBe(0);
      expect((await store.executions.get(fine.id))?.deadLetter).toBeNull();
      expect(await store.executions.ids({ flowId, deadLetter: 'ignored' }, 10)).toHaveLength(2);
    });

    it('counts executions by status, every status present', async () => {
      const before = await store.executions.countByStatus();
      expect(Object.keys(before).sort()).toEqual([
        'cancelled',
        'failed',
        'queued',
        'running',
        'succeeded',
        'waiting',
      ]);
      const execution = await store.executions.create(newExecution(uniqueId('flow')));
      await store.executions.create(newExecution(uniqueId('flow')));
      await store.executions.claim(execution.id, 'w1', FAR_PAST);
      const after = await store.executions.countByStatus();
      expect(after.queued - before.queued).toBe(1);
      expect(after.running - before.running).toBe(1);
    });
  });
}
