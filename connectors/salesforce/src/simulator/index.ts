import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import {
  createSalesforceSimulator,
  type SalesforceSimulator,
  type SalesforceSimulatorOptions,
} from './simulator.js';

export { toId18 } from './data/ids.js';
export type { FieldValue, SimRecord } from './data/schema-types.js';
export { SEED_ACCOUNTS, SEED_CONTACTS, SEED_PRODUCTS, SEED_USERS } from './data/seed.js';
export type { ApiErrorItem } from './errors.js';
export type { FailNextOptions } from './failure-injection.js';
export { DEFAULT_CLIENT, type SimClient } from './oauth/sessions.js';
export type { CallLogEntry } from './sim-core.js';
export {
  createSalesforceSimulator,
  type SalesforceSimulator,
  type SalesforceSimulatorOptions,
} from './simulator.js';

/**
 * Where to listen, on top of the simulator options.
 *
 * @example
 * await startSalesforceSimulator({ port: 8443, host: '0.0.0.0' });
 */
export interface StartSalesforceSimulatorOptions extends SalesforceSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/**
 * A simulator listening on a port.
 *
 * @example
 * const running: RunningSalesforceSimulator = await startSalesforceSimulator();
 * await running.close();
 */
export interface RunningSalesforceSimulator {
  /** Base URL: the login URL, the JWT audience and the instance URL at once. */
  url: string;
  sim: SalesforceSimulator;
  close(): Promise<void>;
}

/**
 * Serves a Salesforce simulator over real HTTP, for connector tests that go through the network
 * as production does.
 *
 * @example
 * const { url, sim, close } = await startSalesforceSimulator({ maxQueryBatchSize: 2 });
 * const token = await fetch(`${url}/services/oauth2/token`, {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/x-www-form-urlencoded' },
 *   body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'sim-consumer-key', client_secret: 'sim-consumer-secret' }),
 * });
 * (await token.json()).instance_url === url; // true
 * sim.failNext({ kind: 'session-expired' });
 * await close();
 */
export async function startSalesforceSimulator(
  options: StartSalesforceSimulatorOptions = {},
): Promise<RunningSalesforceSimulator> {
  const { port = 0, host = '127.0.0.1', ...simOptions } = options;
  const sim = createSalesforceSimulator(simOptions);
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
        sim.clearFailures();
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive sockets would otherwise hold the server open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
