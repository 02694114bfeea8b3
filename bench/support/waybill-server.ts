import { readFile } from 'node:fs/promises';
import { startRedisServer } from '@waybill/runtime/testing';
import { api, freshPostgresDatabase, startWaybillProcess } from '@waybill/server/testing';

export type Backend = 'sqlite' | 'postgres';

/**
 * `waybill start` in a child process on a fresh backend: a temporary SQLite directory, or a fresh
 * PostgreSQL database plus a throwaway Redis. The benchmarks drive it over HTTP like any client.
 */
export async function startWaybill(backend: Backend, options: { worker: boolean; concurrency?: number }) {
  const env: Record<string, string> = {
    WAYBILL_MAX_QUEUE_DEPTH: '10000000',
    WAYBILL_WORKER_CONCURRENCY: String(options.concurrency ?? 16),
  };
  const database = backend === 'postgres' ? await freshPostgresDatabase() : undefined;
  const redis =
    backend === 'postgres' ? await startRedisServer(['--maxmemory-policy', 'noeviction']) : undefined;
  if (database && redis) {
    env.DATABASE_URL = database.url;
    env.REDIS_URL = redis.url;
  }
  const server = await startWaybillProcess('start', env, [
    '--no-seed',
    ...(options.worker ? [] : ['--no-worker']),
  ]);
  return {
    url: server.url,
    databaseUrl: database?.url,
    api: async (method: string, path: string, body?: unknown) => (await api(server, method, path, body)).body,
    /** The Prometheus metrics text, read as the admin. */
    async metrics(): Promise<string> {
      const res = await fetch(`${server.url}/metrics`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      return res.text();
    },
    /** CPU time the server process has used so far (user + system), in milliseconds. */
    async cpuMs(): Promise<number> {
      const stat = await readFile(`/proc/${server.child.pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime are fields 14 and 15 of the whole line, in clock ticks of 10 ms.
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    /** The server process's peak resident memory (VmHWM), in MiB. */
    async peakMemoryMiB(): Promise<number> {
      const status = await readFile(`/proc/${server.child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      await server.stop();
      await redis?.stop();
      await database?.drop();
    },
  };
}
