import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createShopifySimulator, type ShopifySimulator, type ShopifySimulatorOptions } from './simulator.js';

export type { CostBucketStatus } from './buckets.js';
export type { FailNextOptions } from './failures.js';
export type { SimCall } from './graphql/handler.js';
export type { ShopInfo } from './graphql/root.js';
export type * from './model.js';
export { SEED_LOCATIONS, SEED_ORDERS, SEED_PRODUCTS } from './seed.js';
export { createShopifySimulator, type ShopifySimulator, type ShopifySimulatorOptions } from './simulator.js';
export type { NewOrder, NewOrderLine } from './store.js';
export {
  type DeliveryAttempt,
  SHOPIFY_RETRY_DELAYS_MS,
  type WebhookDelivery,
  type WebhookSubscription,
} from './webhooks.js';

/**
 * Where to listen, on top of the simulator options.
 *
 * @example
 * await startShopifySimulator({ port: 8081, host: '0.0.0.0' });
 */
export interface StartShopifySimulatorOptions extends ShopifySimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/**
 * A simulator listening on a port.
 *
 * @example
 * const running: RunningShopifySimulator = await startShopifySimulator();
 * const credential = { shop: running.url, accessToken: running.sim.accessToken, webhookSecret: running.sim.webhookSecret };
 * await running.close();
 */
export interface RunningShopifySimulator {
  /** Base URL to put in a credential's shop, e.g. `http://127.0.0.1:53122`. */
  url: string;
  sim: ShopifySimulator;
  close(): Promise<void>;
}

/**
 * Serves a Shopify simulator over real HTTP, for connector tests that go through the network
 * like production, and for the demo.
 *
 * @example
 * const { url, sim, close } = await startShopifySimulator({ webhookRetryDelaysMs: [50, 100] });
 * const res = await fetch(`${url}/admin/api/2025-01/graphql.json`, {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/json', 'x-shopify-access-token': sim.accessToken },
 *   body: JSON.stringify({ query: '{ shop { name } }' }),
 * });
 * (await res.json()).data.shop.name; // 'Waybill Demo Store'
 * sim.failNext({ kind: 'throttle' });
 * await close();
 */
export async function startShopifySimulator(
  options: StartShopifySimulatorOptions = {},
): Promise<RunningShopifySimulator> {
  const { port = 0, host = '127.0.0.1', ...simOptions } = options;
  const sim = createShopifySimulator(simOptions);
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
        // Hanging "timeout" answers, webhook retries and idle keep-alive sockets would hold it open.
        sim.stop();
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
