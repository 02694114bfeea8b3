import { once } from 'node:events';
import { createServer } from 'node:http';
import type { FlowDefinition } from '@waybill/flow';
import { createPoller, createReaper, startWorker } from '@waybill/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, createTestRuntime, type TestRuntime } from './test-runtime.js';

const delayFlow = (id: string, ms: number): FlowDefinition => ({
  schemaVersion: 1,
  id,
  name: `Delay ${ms} ms`,
  trigger: { type: 'core.manual', config: {}, businessKey: 'po' },
  nodes: [
    { id: 'wait', type: 'core.delay', config: { ms } },
    { id: 'done', type: 'core.transform', config: { expression: '{ "po": po, "done": true }' } },
  ],
  edges: [
    { from: 'trigger', to: 'wait' },
    { from: 'wait', to: 'done' },
  ],
});

/**
 * Queue and worker behaviour: long waits leave the worker, cancellation, backpressure, lost
 * workers and graceful shutdown. Runs on both backends.
 */
export function describeRuntimeSuite(backend: Backend) {
  describe(`runtime on ${backend}`, () => {
    let t: TestRuntime;
    beforeAll(async () => {
      t = await createTestRuntime(backend);
    });
    afterAll(async () => {
      await t?.close();
    });

    const deploy = async (flow: FlowDefinition) => {
      expect(
        (await t.call('POST', '/api/flows', { id: flow.id, name: flow.name, definition: flow })).status,
      ).toBe(201);
      expect((await t.call('POST', `/api/flows/${flow.id}/deployments`, { revision: 1 })).status).toBe(201);
    };
    const run = async (flowId: string, payload: unknown) => {
      const res = await t.call('POST', `/api/flows/${flowId}/runs`, { payload });
      expect(res.status).toBe(202);
      return res.body.executionId as string;
    };

    it('hands a wait longer than the worker may hold back to the queue as a delayed job, and resumes it when due', async () => {
      await deploy(delayFlow('long-wait', 2500));
      const id = await run('long-wait', { po: 'PO-W1' });
      const waiting = await t.waitForExecution(id, ['waiting']);
      expect(waiting.resumeAt).not.toBeNull();
      const done = await t.waitForExecution(id, ['succeeded', 'failed'], 15_000);
      expect(done.status).toBe('succeeded');
      expect(done.runCount).toBe(2);
      const steps = await t.store.executions.steps(id);
      expect(steps.map((s) => s.nodeId)).toEqual(['wait', 'done']);
    });

    it('cancels a running execution', async () => {
      await deploy(delayFlow('cancel-me', 1500));
      const id = await run('cancel-me', { po: 'PO-C1' });
      await t.waitForExecution(id, ['running']);
      const cancel = await t.call('POST', `/api/executions/${id}/cancel`);
      expect(cancel.body.outcome).toBe('requested');
      const done = await t.waitForExecution(id, ['cancelled', 'succeeded'], 10_000);
      expect(done.status).toBe('cancelled');
    });

    it('runs a batch as one child execution per record, so a bad record fails and is replayed alone', async () => {
      const child = (minimum: number): FlowDefinition => ({
        schemaVersion: 1,
        id: 'apply-line',
        name: 'Apply one line',
        trigger: { type: 'core.manual', config: {} },
        nodes: [
          {
            id: 'check',
            type: 'core.validate',
            config: {
              schema: {
                type: 'object',
                properties: { record: { type: 'object', properties: { qty: { type: 'integer', minimum } } } },
              },
            },
          },
        ],
        edges: [{ from: 'trigger', to: 'check' }],
      });
      await deploy(child(1));
      const parent: FlowDefinition = {
        schemaVersion: 1,
        id: 'catalog-sync',
        name: 'Catalog sync',
        trigger: { type: 'core.manual', config: {} },
        nodes: [
          {
            id: 'split',
            type: 'core.fanOut',
            config: { flowId: 'apply-line', items: 'lines', businessKey: 'sku' },
          },
        ],
        edges: [{ from: 'trigger', to: 'split' }],
      };
      await deploy(parent);
      const lines = ['A', 'B', 'C', 'D'].map((sku, i) => ({ sku, qty: i === 2 ? 0 : 5 }));
      const parentId = await run('catalog-sync', { lines });
      const done = await t.waitForExecution(parentId);
      expect(done.status).toBe('succeeded');
      const children = (await t.store.executions.steps(parentId))[0]?.output as { executionIds: string[] };
      expect(children.executionIds).toHaveLength(4);
      const finished = await Promise.all(children.executionIds.map((id) => t.waitForExecution(id)));
      expect(finished.map((e) => [e.businessKey, e.status, e.triggerKind])).toEqual([
        ['A', 'succeeded', 'batch'],
        ['B', 'succeeded', 'batch'],
        ['C', 'failed', 'batch'],
        ['D', 'succeeded', 'batch'],
      ]);
      // Fix the child flow and replay only the record that failed.
      const fixed = await t.call('POST', '/api/flows/apply-line/revisions', { definition: child(0) });
      await t.call('POST', '/api/flows/apply-line/deployments', { revision: fixed.body.revision.version });
      const replay = await t.call('POST', `/api/executions/${finished[2]?.id}/replay`, {
        from: 'trigger',
        revision: 'deployed',
      });
      expect((await t.waitForExecution(replay.body.executionId)).status).toBe('succeeded');
    });

    it('polls an endpoint for changed records, one execution per change, resuming from its stored cursor', async () => {
      const records = [
        { id: 'SH-1', updated_at: '2026-06-01T10:00:00Z', status: 'packed' },
        { id: 'SH-2', updated_at: '2026-06-01T10:05:00Z', status: 'packed' },
      ];
      const asked: Array<string | null> = [];
      const wms = createServer((req, res) => {
        const since = new URL(req.url ?? '/', 'http://x').searchParams.get('updated_since');
        asked.push(since);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: records.filter((r) => !since || r.updated_at >= since) }));
      });
      wms.listen(0, '127.0.0.1');
      await once(wms, 'listening');
      const port = (wms.address() as { port: number }).port;
      try {
        await t.call('POST', '/api/credentials', {
          id: 'wms',
          type: 'http-none',
          name: 'WMS',
          values: {},
          allowedHosts: ['127.0.0.1'],
        });
        await deploy({
          schemaVersion: 1,
          id: 'shipment-updates',
          name: 'Shipment updates',
          trigger: {
            type: 'http.poll',
            credential: 'wms',
            config: {
              url: `http://127.0.0.1:${port}/shipments`,
              itemsField: 'data',
              idField: 'id',
              cursorField: 'updated_at',
              cursorParam: 'updated_since',
              intervalSeconds: 60,
            },
            businessKey: 'id',
          },
          nodes: [{ id: 'echo', type: 'core.transform', config: { expression: 'status' } }],
          edges: [{ from: 'trigger', to: 'echo' }],
        });
        let clock = Date.parse('2026-06-01T11:00:00Z');
        const poller = () =>
          createPoller({ ...t.deps, connectors: t.invoker, secrets: t.secrets, now: () => clock });
        const first = poller();
        expect(await first.tick()).toBe(2);
        expect(await first.tick()).toBe(0); // the interval has not passed
        clock += 61_000;
        expect(await first.tick()).toBe(0); // nothing changed: the repeats are recognised
        records[0] = { ...records[0]!, updated_at: '2026-06-01T10:10:00Z', status: 'shipped' };
        clock += 61_000;
        // A new poller (a restart) starts from the stored cursor.
        expect(await poller().tick()).toBe(1);
        expect(asked).toEqual([null, '2026-06-01T10:05:00Z', '2026-06-01T10:05:00Z']);
        const runs = (await t.store.executions.list({ flowId: 'shipment-updates' })).items;
        expect(runs.map((r) => r.businessKey).sort()).toEqual(['SH-1', 'SH-1', 'SH-2']);
        for (const run of runs) expect((await t.waitForExecution(run.id)).status).toBe('succeeded');
      } finally {
        wms.close();
      }
    });

    it('runs no more executions of a flow at once than its maxConcurrency, without holding back other flows', async () => {
      await deploy({ ...delayFlow('one-at-a-time', 400), settings: { maxConcurrency: 1 } });
      await deploy(delayFlow('unlimited', 0));
      const limited = await Promise.all([1, 2, 3].map((n) => run('one-at-a-time', { po: `PO-M${n}` })));
      const free = await run('unlimited', { po: 'PO-F1' });
      expect((await t.waitForExecution(free)).status).toBe('succeeded');
      const done = await Promise.all(
        limited.map((id) => t.waitForExecution(id, ['succeeded', 'failed'], 20_000)),
      );
      expect(done.map((e) => e.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
      // The 400 ms waits of the three executions, as recorded, never overlap. (A waiting
      // execution's status reads "running" for the moment its worker checks for a free slot, so
      // the recorded runs, not status snapshots, are what shows the limit held.)
      const spans = [];
      for (const id of limited) {
        const wait = (await t.store.executions.steps(id)).find((step) => step.nodeId === 'wait');
        const attempt = wait?.attempts.at(-1);
        if (!attempt) throw new Error(`execution ${id} recorded no wait`);
        const start = Date.parse(attempt.startedAt);
        spans.push({ start, end: start + attempt.durationMs });
      }
      spans.sort((a, b) => a.start - b.start);
      for (let i = 1; i < spans.length; i++)
        expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end - 5);
    });

    it('makes no more calls with a credential at once than its maxConcurrency', async () => {
      let inFlight = 0;
      let peak = 0;
      const slow = createServer((req, res) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        req.resume();
        setTimeout(() => {
          inFlight -= 1;
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        }, 250);
      });
      slow.listen(0, '127.0.0.1');
      await once(slow, 'listening');
      try {
        await t.call('POST', '/api/credentials', {
          id: 'slow-api',
          type: 'http-none',
          name: 'Slow',
          values: {},
          allowedHosts: ['127.0.0.1'],
          maxConcurrency: 1,
        });
        await deploy({
          schemaVersion: 1,
          id: 'slow-calls',
          name: 'Slow calls',
          trigger: { type: 'core.manual', config: {} },
          nodes: [
            {
              id: 'call',
              type: 'http.request',
              credential: 'slow-api',
              config: {
                method: 'POST',
                url: `http://127.0.0.1:${(slow.address() as { port: number }).port}/`,
              },
            },
          ],
          edges: [{ from: 'trigger', to: 'call' }],
        });
        const ids = await Promise.all([1, 2, 3].map((n) => run('slow-calls', { n })));
        const done = await Promise.all(
          ids.map((id) => t.waitForExecution(id, ['succeeded', 'failed'], 20_000)),
        );
        expect(done.map((e) => e.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
        expect(peak).toBe(1);
      } finally {
        slow.close();
      }
    });

    it('streams execution events over SSE', async () => {
      await deploy(delayFlow('sse-flow', 0));
      const controller = new AbortController();
      const res = await t.app.request('/api/events?flowId=sse-flow', {
        signal: controller.signal,
        headers: { authorization: `Bearer ${t.admin.token}` },
      });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      const id = await run('sse-flow', { po: 'PO-S1' });
      let text = '';
      const until = Date.now() + 10_000;
      while (!text.includes('execution.finished') && Date.now() < until) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      controller.abort();
      expect(text).toContain('event: execution.finished');
      expect(text).toContain(id);
    });
  });
}

/** Backpressure and recovery need their own runtimes (a tiny queue limit, no embedded worker). */
export function describeRecoverySuite(backend: Backend) {
  describe(`recovery on ${backend}`, () => {
    it('answers 503 with Retry-After when more work is queued than it may take on', async () => {
      const t = await createTestRuntime(backend, { worker: false, limits: { maxQueueDepth: 2 } });
      try {
        const flow: FlowDefinition = {
          schemaVersion: 1,
          id: 'busy',
          name: 'Busy',
          trigger: { type: 'core.webhook', config: {} },
          nodes: [{ id: 'echo', type: 'core.transform', config: { expression: '$' } }],
          edges: [{ from: 'trigger', to: 'echo' }],
        };
        await t.call('POST', '/api/flows', { id: 'busy', name: 'Busy', definition: flow });
        await t.call('POST', '/api/flows/busy/deployments', { revision: 1 });
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) {
          const res = await t.call('POST', '/hooks/busy', { n: i });
          statuses.push(res.status);
          if (res.status === 503) {
            expect(res.headers.get('retry-after')).toBe('30');
            expect(res.body.error.code).toBe('QUEUE_FULL');
          }
          await t.deps.relay.kick();
          await new Promise((r) => setTimeout(r, 300));
        }
        expect(statuses.slice(0, 2)).toEqual([202, 202]);
        expect(statuses).toContain(503);
      } finally {
        await t.close();
      }
    });

    it('queues an execution whose worker stopped heart-beating again, and ends one that lost three workers', async () => {
      const t = await createTestRuntime(backend, { worker: false });
      try {
        await t.call('POST', '/api/flows', {
          id: 'orphan',
          name: 'Orphan',
          definition: delayFlow('orphan', 0),
        });
        await t.call('POST', '/api/flows/orphan/deployments', { revision: 1 });
        const id = (await t.call('POST', '/api/flows/orphan/runs', { payload: { po: 'PO-R1' } })).body
          .executionId;
        // A worker takes it and dies without a word.
        const long = new Date(Date.now() - 60_000).toISOString();
        expect(await t.store.executions.claim(id, 'dead-worker', long)).toBeDefined();
        const reaper = createReaper({ store: t.store, relay: t.deps.relay, staleAfterMs: 200 });
        await new Promise((r) => setTimeout(r, 300));
        expect(await reaper.sweep()).toEqual({ requeued: 1, abandoned: 0, republished: 0 });
        const worker = startWorker({ ...t.deps, concurrency: 2, heartbeatMs: 200 });
        try {
          expect((await t.waitForExecution(id)).status).toBe('succeeded');
        } finally {
          await worker.stop(1000);
        }

        const doomed = (await t.call('POST', '/api/flows/orphan/runs', { payload: { po: 'PO-R2' } })).body
          .executionId;
        for (let i = 0; i < 3; i++) {
          await new Promise((r) => setTimeout(r, 250));
          expect(
            await t.store.executions.claim(
              doomed,
              `dying-worker-${i}`,
              new Date(Date.now() - 200).toISOString(),
            ),
          ).toBeDefined();
        }
        await new Promise((r) => setTimeout(r, 300));
        expect(await reaper.sweep()).toEqual({ requeued: 0, abandoned: 1, republished: 0 });
        const ended = await t.store.executions.get(doomed);
        expect(ended).toMatchObject({ status: 'failed', deadLetter: 'open', error: { code: 'WORKER_LOST' } });
      } finally {
        await t.close();
      }
    });

    it('queues again, rather than ends, an execution that ran several times after waits and then lost its first worker', async () => {
      const t = await createTestRuntime(backend, { worker: false });
      try {
        await t.call('POST', '/api/flows', {
          id: 'patient',
          name: 'Patient',
          definition: delayFlow('patient', 0),
        });
        await t.call('POST', '/api/flows/patient/deployments', { revision: 1 });
        const id = (await t.call('POST', '/api/flows/patient/runs', { payload: { po: 'PO-P1' } })).body
          .executionId;
        // Three runs that each ended waiting (a delay, or no free concurrency slot)...
        const long = new Date(Date.now() - 60_000).toISOString();
        for (let run = 0; run < 3; run++) {
          const claimed = await t.store.executions.claim(id, `worker-${run}`, long);
          if (!claimed) throw new Error('the execution could not be claimed');
          await t.store.executions.finish(id, {
            executionId: id,
            flowId: 'patient',
            revisionHash: claimed.revisionHash,
            status: 'waiting',
            startedAt: new Date().toISOString(),
            finishedAt: new Date().toISOString(),
            durationMs: 1,
            trigger: claimed.trigger,
            steps: [],
            resumeAt: new Date().toISOString(),
          });
        }
        // ...then the fourth run's worker dies.
        expect(await t.store.executions.claim(id, 'dead-worker', long)).toMatchObject({
          runCount: 4,
          lostCount: 0,
        });
        const reaper = createReaper({ store: t.store, relay: t.deps.relay, staleAfterMs: 200 });
        await new Promise((r) => setTimeout(r, 300));
        expect(await reaper.sweep()).toMatchObject({ requeued: 1, abandoned: 0 });
        expect(await t.store.executions.get(id)).toMatchObject({ status: 'queued', lostCount: 1 });
      } finally {
        await t.close();
      }
    });

    it('publishes again a queued execution whose job the queue lost', async () => {
      const t = await createTestRuntime(backend, { worker: false });
      try {
        await t.call('POST', '/api/flows', { id: 'lost', name: 'Lost', definition: delayFlow('lost', 0) });
        await t.call('POST', '/api/flows/lost/deployments', { revision: 1 });
        const revision = (await t.store.deployments.current('lost'))?.revisionHash ?? '';
        // Committed and marked published, but the job never reached the queue.
        const execution = await t.store.executions.create({
          flowId: 'lost',
          revisionHash: revision,
          triggerKind: 'manual',
          trigger: { po: 'PO-L1' },
        });
        const rows = await t.store.outbox.pending(new Date(Date.now() + 1000).toISOString(), 10);
        await t.store.outbox.markPublished(rows.map((r) => r.id));
        const reaper = createReaper({
          store: t.store,
          relay: t.deps.relay,
          queue: t.deps.queue,
          staleAfterMs: 60_000,
          lostAfterMs: 200,
        });
        expect((await reaper.sweep()).republished).toBe(0);
        await new Promise((r) => setTimeout(r, 300));
        expect((await reaper.sweep()).republished).toBe(1);
        const worker = startWorker({ ...t.deps, concurrency: 2, heartbeatMs: 200 });
        try {
          expect((await t.waitForExecution(execution.id)).status).toBe('succeeded');
        } finally {
          await worker.stop(1000);
        }
      } finally {
        await t.close();
      }
    });

    it('hands running executions back on shutdown so another worker finishes them', async () => {
      const t = await createTestRuntime(backend, { worker: false });
      try {
        await t.call('POST', '/api/flows', { id: 'slow', name: 'Slow', definition: delayFlow('slow', 1500) });
        await t.call('POST', '/api/flows/slow/deployments', { revision: 1 });
        const first = startWorker({ ...t.deps, concurrency: 2, heartbeatMs: 200 });
        const id = (await t.call('POST', '/api/flows/slow/runs', { payload: { po: 'PO-G1' } })).body
          .executionId;
        await t.waitForExecution(id, ['running']);
        await first.stop(100);
        const handedBack = await t.store.executions.get(id);
        expect(handedBack?.status).toBe('queued');
        const second = startWorker({ ...t.deps, concurrency: 2, heartbeatMs: 200 });
        try {
          const done = await t.waitForExecution(id);
          expect(done.status).toBe('succeeded');
          expect(done.runCount).toBe(2);
        } finally {
          await second.stop(1000);
        }
      } finally {
        await t.close();
      }
    });
  });
}
