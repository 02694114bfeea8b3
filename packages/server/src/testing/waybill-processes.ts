import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, type RunningProcess, startProcess } from '@waybill/runtime/testing';
import pg from 'pg';

/** The repository root, where `packages/cli/dist/main.js` is (run `pnpm build` first). */
export const repoRoot = resolve(import.meta.dirname, '../../../..');
export const POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A database of its own in the local PostgreSQL, for processes that take a DATABASE_URL.
 *
 * @example
 * const db = await freshPostgresDatabase(); ... await db.drop();
 */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `waybill_p_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  return {
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/**
 * The API token the first admin of a test process gets (WAYBILL_BOOTSTRAP_TOKEN): one value for
 * every process, so servers sharing a database all accept it.
 */
export const TEST_ADMIN_TOKEN = `wbt_${'test-admin-token-'.repeat(3).slice(0, 43)}`;

export interface WaybillProcess extends RunningProcess {
  url: string;
  /** An admin's API token for the API (the bootstrap token, unless the env gave another). */
  token: string;
  /** Where it keeps its database, key file and the demo EDI folders. */
  dataDir: string;
}

/**
 * Runs `waybill start` (or `waybill worker`) as a child process, as production does, with the
 * given environment. The built CLI must exist.
 *
 * @example
 * const server = await startWaybillProcess('start', { DATABASE_URL, REDIS_URL }, ['--no-worker', '--no-seed']);
 */
export async function startWaybillProcess(
  command: 'start' | 'worker',
  env: Record<string, string>,
  args: string[] = [],
): Promise<WaybillProcess> {
  const main = join(repoRoot, 'packages/cli/dist/main.js');
  if (!existsSync(main))
    throw new Error(`${main} does not exist; run "pnpm build" before tests that start Waybill processes.`);
  const port = command === 'start' ? await freePort() : 0;
  const dataDir = env.WAYBILL_DATA_DIR ?? (await mkdtemp(join(tmpdir(), 'waybill-process-')));
  const running = await startProcess(
    process.execPath,
    ['--no-node-snapshot', main, command, ...args],
    {
      cwd: repoRoot,
      env: {
        WAYBILL_SECRET_KEY: Buffer.alloc(32, 3).toString('base64'),
        WAYBILL_DATA_DIR: dataDir,
        WAYBILL_BOOTSTRAP_TOKEN: TEST_ADMIN_TOKEN,
        ...env,
        ...(command === 'start' ? { PORT: String(port) } : {}),
      },
    },
    command === 'start' ? /Waybill is running at/ : /Worker .+ is running/,
  );
  return {
    ...running,
    url: `http://127.0.0.1:${port}`,
    token: env.WAYBILL_BOOTSTRAP_TOKEN ?? TEST_ADMIN_TOKEN,
    dataDir,
    async stop() {
      await running.stop();
      if (!env.WAYBILL_DATA_DIR) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A JSON call to a running Waybill, as its admin; a 4xx or 5xx throws with the body.
 *
 * @example
 * await api(server, 'POST', '/api/flows', { id: 'orders', name: 'Orders' });
 */
export async function api(
  server: { url: string; token: string },
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: callers read whatever JSON came back.
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return { status: res.status, body: parsed };
}
