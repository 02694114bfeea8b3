import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FlowDefinition } from '@waybill/flow';
import { freePort, startProcess } from '@waybill/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  freshPostgresDatabase,
  startWaybillProcess,
  type WaybillProcess,
} from './testing/waybill-processes.js';

/**
 * Faults with real processes: Waybill's API server and workers run as `waybill start` and
 * `waybill worker` child processes on PostgreSQL and a Redis of their own, and the test breaks
 * them as production would break (kill -9, a Redis restart).
 */

/** A loopback HTTP service counting the calls each path received: the external system. */
async function startStub(): Promise<{ url: string; calls: Map<string, number>; close(): Promise<void> }> {
  const calls = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    calls.set(req.url ?? '', (calls.get(req.url ?? '') ?? 0) + 1);
    req.resume();
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ok: true, path: req.url }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((r) => server.close(() => r())) };
}

async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every execution of a flow matching the query, following the cursor through all pages. */
async function allExecutions(
  server: { url: string; token: string },
  query: string,
): Promise<Array<{ id: string; status: string }>> {
  const items: Array<{ id: string; status: string }> = [];
  let cursor: string | null = null;
  do {
    const { body } = await api(
      server,
      'GET',
      `/api/executions?${query}&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
    );
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

async function startRedisWithAof(port: number, dir: string) {
  return startProcess(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--dir',
      dir,
      '--maxmemory-policy',
      'noeviction',
    ],
    {},
    /Ready to accept connections/,
  );
}

describe('faults with real processes (PostgreSQL + BullMQ)', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let redisDir: string;
  let redisPort: number;
  let redis: Awaited<ReturnType<typeof startRedisWithAof>>;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await freshPostgresDatabase();
    redisDir = await mkdtemp(join(tmpdir(), 'waybill-redis-'));
    redisPort = await freePort();
    redis = await startRedisWithAof(redisPort, redisDir);
    env = {
      DATABASE_URL: database.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      WAYBILL_HEARTBEAT_MS: '300',
    };
  });
  afterAll(async () => {
    await redis?.stop();
    await database?.drop();
    await rm(redisDir, { recursive: true, force: true });
  });

  it('finishes an execution once on another worker after its worker is killed, never repeating a completed side effect', async () => {
    const stub = await startStub();
    const server = await startWaybillProcess('start', env, ['--no-worker', '--no-seed']);
    const workers: WaybillProcess[] = [
      await startWaybillProcess('worker', env),
      await startWaybillProcess('worker', env),
    ];
    try {
      await api(server, 'POST', '/api/credentials', {
        id: 'stub',
        type: 'http-none',
        name: 'Stub',
        values: {},
        allowedHosts: ['127.0.0.1'],
      });
      const flow: FlowDefinition = {
        schemaVersion: 1,
        id: 'reserve-and-confirm',
        name: 'Reserve and confirm',
        trigger: { type: 'core.webhook', config: {}, businessKey: 'body.po' },
        nodes: [
          {
            id: 'reserve',
            type: 'http.request',
            credential: 'stub',
            config: { method: 'POST', url: `${stub.url}/reserve` },
          },
          { id: 'settle', type: 'core.delay', config: { ms: 3000 } },
          {
            id: 'confirm',
            type: 'http.request',
            credential: 'stub',
            config: { method: 'POST', url: `${stub.url}/confirm` },
          },
        ],
        edges: [
          { from: 'trigger', to: 'reserve' },
          { from: 'reserve', to: 'settle' },
          { from: 'settle', to: 'confirm' },
        ],
      };
      await api(server, 'POST', '/api/flows', { id: flow.id, name: flow.name, definition: flow });
      await api(server, 'POST', `/api/flows/${flow.id}/deployments`, { revision: 1 });
      const { body } = await api(server, 'POST', `/hooks/${flow.id}`, { po: 'PO-KILL-1' });
      const executionId = body.executionId as string;

      // Wait until the reservation was made (and checkpointed), then kill the worker holding it.
      const running = await waitUntil('the reservation', async () => {
        const { body: execution } = await api(server, 'GET', `/api/executions/${executionId}`);
        const reserved = execution.steps.some(
          (s: { nodeId: string; status: string }) => s.nodeId === 'reserve' && s.status === 'succeeded',
        );
        return reserved && execution.status === 'running' ? execution : undefined;
      });
      const victim = workers.find((w) => running.workerId.includes(`-${w.child.pid}-`));
      expect(victim).toBeDefined();
      await victim?.kill();

      const finished = await waitUntil('the execution to finish elsewhere', async () => {
        const { body: execution } = await api(server, 'GET', `/api/executions/${executionId}`);
        return ['succeeded', 'failed'].includes(execution.status) ? execution : undefined;
      });
      expect(finished.status).toBe('succeeded');
      expect(finished.runCount).toBe(2);
      expect(finished.workerId).toBeNull();
      expect(stub.calls.get('/reserve')).toBe(1);
      expect(stub.calls.get('/confirm')).toBe(1);
      expect(finished.steps.find((s: { nodeId: string }) => s.nodeId === 'reserve').reused).toBe(true);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await server.stop();
      await stub.close();
    }
  }, 90_000);

  it('executes every acknowledged delivery when Redis restarts during intake', async () => {
    const server = await startWaybillProcess('start', env, ['--no-seed']);
    try {
      const flow: FlowDefinition = {
        schemaVersion: 1,
        id: 'restart-intake',
        name: 'Restart intake',
        trigger: {
          type: 'core.webhook',
          config: {},
          dedupe: "headers.'x-delivery-id'",
          businessKey: 'body.n',
        },
        nodes: [{ id: 'map', type: 'core.transform', config: { expression: '{ "n": body.n }' } }],
        edges: [{ from: 'trigger', to: 'map' }],
      };
      await api(server, 'POST', '/api/flows', { id: flow.id, name: flow.name, definition: flow });
      await api(server, 'POST', `/api/flows/${flow.id}/deployments`, { revision: 1 });

      const acknowledged: string[] = [];
      let sent = 0;
      const send = async () => {
        const n = sent++;
        const res = await fetch(`${server.url}/hooks/${flow.id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-delivery-id': `delivery-${n}` },
          body: JSON.stringify({ n: String(n) }),
        });
        if (res.status === 202)
          acknowledged.push(((await res.json()) as { executionId: string }).executionId);
      };
      const sender = (async () => {
        const until = Date.now() + 4000;
        while (Date.now() < until) await Promise.all([send(), send(), send(), send()]);
      })();
      await new Promise((r) => setTimeout(r, 1200));
      await redis.stop();
      await new Promise((r) => setTimeout(r, 800));
      redis = await startRedisWithAof(redisPort, redisDir);
      await sender;

      expect(acknowledged.length).toBeGreaterThan(50);
      await waitUntil(
        'every acknowledged delivery to run',
        async () => {
          const done = new Set(
            (await allExecutions(server, `flowId=${flow.id}&status=succeeded`)).map((e) => e.id),
          );
          return acknowledged.every((id) => done.has(id)) ? true : undefined;
        },
        60_000,
      );
      expect((await allExecutions(server, `flowId=${flow.id}`)).length).toBe(acknowledged.length);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
