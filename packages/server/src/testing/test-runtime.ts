import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '@waybill/engine';
import {
  createBullmqDriver,
  createEmbeddedDriver,
  createExecutionDispatcher,
  createExecutionEvents,
  createOutboxRelay,
  createRedisLimiter,
  createRevisionCache,
  createStoreLimiter,
  type QueueDriver,
  startWorker,
  storeRecords,
} from '@waybill/runtime';
import type { UserRole } from '@waybill/store';
import { openStore } from '@waybill/store';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createApp } from '../app.js';
import { issueToken } from '../auth/account-admin.js';
import { memoryCounters, redisCounters } from '../auth/rate-counters.js';
import { createSecretsPort, loadConnectors } from '../bootstrap/catalog.js';
import { createMetrics } from '../metrics/prometheus-metrics.js';
import {
  type AuthSettings,
  defaultAuth,
  defaultLimits,
  type ServerDeps,
  type ServerLimits,
} from '../server-deps.js';

export type Backend = 'sqlite' | 'postgres';

export interface TestResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back.
  body: any;
  headers: { get(name: string): string | null };
}

export const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * A whole Waybill in one test process: the store on a temporary SQLite file (with the embedded
 * queue) or in a fresh PostgreSQL schema (with BullMQ on a fresh Redis prefix), an in-process
 * worker, and the Hono app to call with `app.request()`. Everything real, nothing mocked.
 */
export async function createTestRuntime(
  backend: Backend,
  options: { limits?: Partial<ServerLimits>; worker?: boolean; auth?: Partial<AuthSettings> } = {},
) {
  const suffix = randomBytes(4).toString('hex');
  const dir = await mkdtemp(join(tmpdir(), 'waybill-server-'));
  const pgSchema = `waybill_test_${suffix}`;
  const secretKey = randomBytes(32);
  const store = await openStore(
    backend === 'postgres'
      ? { databaseUrl: POSTGRES_URL, pgSchema, secretKey }
      : { sqlitePath: join(dir, 'waybill.db'), secretKey },
  );
  const queue: QueueDriver =
    backend === 'postgres'
      ? createBullmqDriver({ redisUrl: REDIS_URL, prefix: `waybill-test-${suffix}` })
      : createEmbeddedDriver({ jobs: store.jobs, pollMs: 50 });
  const { catalog, invoker } = loadConnectors();
  const events = createExecutionEvents();
  const relay = createOutboxRelay({ store, queue, sweepAfterMs: 500, sweepEveryMs: 250 });
  relay.start();
  const secrets = createSecretsPort(store, invoker);
  const limiter =
    backend === 'postgres'
      ? createRedisLimiter({ redisUrl: REDIS_URL, prefix: `waybill-test-${suffix}:limit:` })
      : createStoreLimiter(store);
  // PostgreSQL runs come with Redis: the rate counters live there too, as in a scaled-out install.
  const counterRedis = backend === 'postgres' ? new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }) : undefined;
  const engine = createEngine({
    catalog,
    invoker,
    secrets,
    limiter,
    ...storeRecords(store),
    dispatcher: createExecutionDispatcher({ store, relay }),
    maxInlineWaitMs: 2000,
  });
  const deps: ServerDeps = {
    store,
    invoker,
    limiter,
    queue,
    engine,
    catalog,
    events,
    relay,
    revisions: createRevisionCache(store),
    limits: { ...defaultLimits, respondTimeoutMs: 5000, ...options.limits },
    // Tests make many calls with one token; the rate-limit test turns the limit on.
    auth: { ...defaultAuth, apiRequestsPerMinute: 0, ...options.auth },
    rateCounters: counterRedis
      ? redisCounters(counterRedis, `waybill-test-${suffix}:rate:`)
      : memoryCounters(),
    metrics: createMetrics(),
    version: 'test',
    now: Date.now,
  };
  const worker =
    options.worker === false
      ? undefined
      : startWorker({ ...deps, concurrency: 4, heartbeatMs: 500, observer: deps.metrics.observer });
  const { app, routes } = createApp(deps);

  /** A user with a role (and partner) and an API token acting as them. */
  const tokenFor = async (role: UserRole, partnerId: string | null = null) => {
    // No password: tests act through tokens, and hashing one (scrypt) would cost each runtime ~0.1 s.
    const user = await store.accounts.createUser({
      email: `${role}-${randomBytes(4).toString('hex')}@example.com`,
      name: role,
      role,
      partnerId,
    });
    const { secret } = await issueToken(store, { userId: user.id, name: 'tests' }, Date.now());
    return { user, token: secret };
  };
  const admin = await tokenFor('admin');

  const request = async (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<TestResponse> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await app.request(path, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON; keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };

  return {
    backend,
    deps,
    invoker,
    secrets,
    app,
    routes,
    store,
    pgSchema,
    /** The admin the runtime made, and their API token. */
    admin,
    tokenFor,
    /**
     * JSON request helper: returns status, parsed body and headers. Calls are made as the admin
     * unless the headers carry their own authorization or cookie.
     */
    call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const own = 'authorization' in headers || 'cookie' in headers;
      return request(
        method,
        path,
        body,
        own ? headers : { ...headers, authorization: `Bearer ${admin.token}` },
      );
    },
    /** The same, as the holder of `token`, or as nobody when it is null. */
    callAs(
      token: string | null,
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) {
      return request(method, path, body, token ? { ...headers, authorization: `Bearer ${token}` } : headers);
    },
    /** Polls until the execution reaches a final status (or the timeout). */
    async waitForExecution(id: string, statuses = ['succeeded', 'failed', 'cancelled'], timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const row = await store.executions.get(id);
        if (row && statuses.includes(row.status)) return row;
        if (Date.now() > until)
          throw new Error(`Execution ${id} is ${row?.status ?? 'missing'} after ${timeoutMs} ms.`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await worker?.stop(2000);
      await relay.stop();
      await queue.close();
      await limiter.close();
      await engine.close();
      await store.close();
      await counterRedis?.quit();
      if (backend === 'postgres') {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        await client.query(`drop schema if exists "${pgSchema}" cascade`);
        await client.end();
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type TestRuntime = Awaited<ReturnType<typeof createTestRuntime>>;
