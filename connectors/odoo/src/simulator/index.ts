import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createOdooSimulator, type OdooSimulator, type OdooSimulatorOptions } from './simulator.js';

export { OdooError, type OdooExceptionName, type SerializedException } from './errors.js';
export type { FailNextOptions, FailureKind, LatencyOption } from './failure-injection.js';
export type { ReadRecord } from './orm/read.js';
export type { ServerVersion } from './orm/types.js';
export { CUSTOMERS, DATABASE_NAME, PRODUCTS, USERS, WAREHOUSES } from './seed.js';
export type { CallLogEntry } from './sim-core.js';
export {
  createOdooSimulator,
  type ExecuteOptions,
  type OdooSimulator,
  type OdooSimulatorOptions,
  type SimModelName,
} from './simulator.js';

/**
 * Where to listen, on top of the simulator options.
 *
 * @example
 * await startOdooSimulator({ port: 8069, host: '0.0.0.0', serverVersion: '17.0' });
 */
export interface StartOdooSimulatorOptions extends OdooSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/**
 * A simulator listening on a port.
 *
 * @example
 * const running: RunningOdooSimulator = await startOdooSimulator();
 * const credential = { url: running.url, database: 'waybill', login: 'admin', password: 'sim-admin-key' };
 * await running.close();
 */
export interface RunningOdooSimulator {
  /** Base URL to put in a credential, e.g. `http://127.0.0.1:53122`. */
  url: string;
  sim: OdooSimulator;
  close(): Promise<void>;
}

/**
 * Serves a simulator over real HTTP, for connector tests that go through the network like production.
 *
 * @example
 * const { url, sim, close } = await startOdooSimulator({ serverVersion: '17.0' });
 * const res = await fetch(`${url}/jsonrpc`, {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/json' },
 *   body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { service: 'common', method: 'login', args: ['waybill', 'admin', 'admin'] }, id: 1 }),
 * });
 * (await res.json()).result; // 2
 * sim.failNext({ kind: 'http-429', retryAfterSeconds: 2 });
 * await close();
 */
export async function startOdooSimulator(
  options: StartOdooSimulatorOptions = {},
): Promise<RunningOdooSimulator> {
  const { port = 0, host = '127.0.0.1', ...simOptions } = options;
  const sim = createOdooSimulator(simOptions);
  const { server, address } = await new Promise<{ server: ReturnType<typeof serve>; address: AddressInfo }>(
    (resolve, reject) => {
      const instance = serve({ fetch: sim.app.fetch, port, hostname: host }, (info) =>
        resolve({ server: instance, address: info }),
      );
      instance.once('error', reject);
    },
  );
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${address.port}`,
    sim,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging "timeout" requests and idle keep-alive sockets would otherwise hold the server open.
        sim.clearFailures();
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
