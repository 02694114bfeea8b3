import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startProcess, startRedis, stopProcess } from './processes.js';

export type Backend = 'sqlite' | 'postgres';
export const POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * `waybill start` in a child process on a fresh backend: a temporary SQLite directory, or a fresh
 * PostgreSQL database plus a throwaway Redis. The benchmark drives it over HTTP like any client.
 */
export async function startWaybill(backend: Backend, options: { worker: boolean; concurrency?: number }) {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'waybill-bench-'));
  const env: Record<string, string> = {
    PORT: String(port),
    WAYBILL_DATA_DIR: dataDir,
    WAYBILL_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
    WAYBILL_MAX_QUEUE_DEPTH: '10000000',
    WAYBILL_WORKER_CONCURRENCY: String(options.concurrency ?? 16),
  };
  let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
  const database = `waybill_bench_${process.pid}`;
  if (backend === 'postgres') {
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    await admin.end();
    redis = await startRedis();
    env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${database}`;
    env.REDIS_URL = redis.url;
  }
  const args = [
    '--no-node-snapshot',
    'packages/cli/dist/main.js',
    'start',
    '--no-seed',
    ...(options.worker ? [] : ['--no-worker']),
  ];
  const child: ChildProcess = await startProcess('node', args, env, /Waybill is running at/);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pid: child.pid,
    async api(method: string, path: string, body?: unknown) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const json = await res.json().catch(() => undefined);
      if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(json)}`);
      return json as Record<string, unknown>;
    },
    async stop() {
      await stopProcess(child);
      await redis?.stop();
      await rm(dataDir, { recursive: true, force: true });
      if (backend === 'postgres') {
        const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
        await admin.connect();
        await admin.query(`drop database if exists ${database}`);
        await admin.end();
      }
    },
  };
}
