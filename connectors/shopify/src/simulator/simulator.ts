import { Hono } from 'hono';
import { quantityOf } from './actions/inventory.js';
import { CostBucket, type CostBucketStatus, LeakyBucket } from './buckets.js';
import { controlRoutes, type SimControl } from './control.js';
import { type FailNextOptions, FailureInjector } from './failures.js';
import { graphqlHandler, type SimCall } from './graphql/handler.js';
import type { ShopInfo } from './graphql/root.js';
import { gid } from './model.js';
import { restRoutes } from './rest/routes.js';
import { restOrder } from './rest-payloads.js';
import { seedShop } from './seed.js';
import { type NewOrder, ShopStore } from './store.js';
import {
  SHOPIFY_RETRY_DELAYS_MS,
  type WebhookDelivery,
  WebhookDispatcher,
  type WebhookSubscription,
} from './webhooks.js';

/**
 * Options of the Shopify simulator; everything has a default that matches a small real shop.
 *
 * @example
 * const options: ShopifySimulatorOptions = { graphqlBucket: { restoreRate: 10 }, webhookRetryDelaysMs: [20, 40, 80], webhookTimeoutMs: 500 };
 */
export interface ShopifySimulatorOptions {
  /** The Admin API access token it accepts (default `shpat_sim_admin_token`). */
  accessToken?: string;
  /** The app's client secret webhooks are signed with (default `shpss_sim_webhook_secret`). */
  webhookSecret?: string;
  /** Sent as X-Shopify-Shop-Domain and answered by `shop` (default `waybill-demo.myshopify.com`). */
  shopDomain?: string;
  shopName?: string;
  /** X-Shopify-API-Version of webhook deliveries (default 2025-01). */
  webhookApiVersion?: string;
  /** GraphQL query cost bucket (default 1000 points restoring 50 per second). */
  graphqlBucket?: { maximumAvailable?: number; restoreRate?: number };
  /** REST leaky bucket (default 40 requests leaking 2 per second). */
  restBucket?: { capacity?: number; leakPerSecond?: number };
  /** Waits before each webhook retry (default Shopify's 8 over about 4 hours). */
  webhookRetryDelaysMs?: readonly number[];
  /** Time a receiver gets to answer (default 5000 ms, as Shopify). */
  webhookTimeoutMs?: number;
  /** Seed the catalog, locations and orders (default true). */
  seed?: boolean;
  now?: () => number;
}

/**
 * A running simulator's handle: the Hono app (also usable in-process with `app.request`), its
 * records and the test hooks.
 *
 * @example
 * const sim = createShopifySimulator();
 * sim.subscribe({ topic: 'orders/create', address: 'http://127.0.0.1:3000/hooks/orders' });
 * sim.createOrder({ email: 'jane@example.com', lineItems: [{ sku: 'SKU-1001', quantity: 2 }] });
 */
export interface ShopifySimulator extends SimControl {
  readonly app: Hono;
  readonly store: ShopStore;
  readonly accessToken: string;
  readonly webhookSecret: string;
  readonly shopDomain: string;
  /** Creates an order as a checkout would, sending orders/create. */
  createOrder(input: NewOrder): { id: number; gid: string; name: string; payload: unknown };
  readonly deliveries: readonly WebhookDelivery[];
  /** Resolves when every webhook delivery has succeeded or used up its retries. */
  webhooksIdle(): Promise<void>;
  /** Quantities of a SKU at a location (the first by default). */
  inventory(
    sku: string,
    locationId?: number,
  ): { available: number; committed: number; onHand: number } | undefined;
  /** Stops webhook retries; the HTTP server is closed by `startShopifySimulator`'s close. */
  stop(): void;
}

/**
 * Creates a Shopify simulator: the Admin GraphQL API at `POST /admin/api/<version>/graphql.json`
 * (query cost bucket, THROTTLED, userErrors), the REST endpoints at `/admin/api/<version>/…`
 * (Link paging, leaky bucket, 429), signed webhook deliveries with retries, and `/__sim/*`
 * control routes.
 *
 * @example
 * const sim = createShopifySimulator();
 * const response = await sim.app.request('/admin/api/2025-01/graphql.json', { method: 'POST',
 *   headers: { 'x-shopify-access-token': sim.accessToken, 'content-type': 'application/json' },
 *   body: JSON.stringify({ query: '{ shop { name } }' }) });
 */
export function createShopifySimulator(options: ShopifySimulatorOptions = {}): ShopifySimulator {
  const now = options.now ?? Date.now;
  const accessToken = options.accessToken ?? 'shpat_sim_admin_token';
  const webhookSecret = options.webhookSecret ?? 'shpss_sim_webhook_secret';
  const shopDomain = options.shopDomain ?? 'waybill-demo.myshopify.com';
  const shop: ShopInfo = {
    name: options.shopName ?? 'Waybill Demo Store',
    myshopifyDomain: shopDomain,
    email: 'owner@waybill-demo.example',
    currency: 'USD',
  };
  const webhooks = new WebhookDispatcher({
    secret: webhookSecret,
    shopDomain,
    apiVersion: options.webhookApiVersion ?? '2025-01',
    retryDelaysMs: options.webhookRetryDelaysMs ?? SHOPIFY_RETRY_DELAYS_MS,
    timeoutMs: options.webhookTimeoutMs ?? 5000,
    now,
  });
  const failures = new FailureInjector();
  const calls: SimCall[] = [];
  const record = (call: SimCall) => {
    calls.push(call);
  };
  const newBucket = () =>
    new CostBucket(
      now,
      options.graphqlBucket?.maximumAvailable ?? 1000,
      options.graphqlBucket?.restoreRate ?? 50,
    );
  const newRestBucket = () =>
    new LeakyBucket(now, options.restBucket?.capacity ?? 40, options.restBucket?.leakPerSecond ?? 2);
  const state = { store: newStore(), bucket: newBucket(), restBucket: newRestBucket() };

  function newStore(): ShopStore {
    const store = new ShopStore(now, (topic, payload) => webhooks.emit(topic, payload));
    if (options.seed !== false) seedShop(store);
    return store;
  }

  const app = new Hono();
  // The handlers read `state` on each call, so a reset swaps what they serve without new routes.
  app.post(
    '/admin/api/:version/graphql.json',
    graphqlHandler(() => ({ store: state.store, shop, bucket: state.bucket, failures, accessToken, record })),
  );
  app.route(
    '/',
    restRoutes(() => ({ store: state.store, shop, bucket: state.restBucket, failures, accessToken, record })),
  );

  const sim: ShopifySimulator = {
    app,
    get store() {
      return state.store;
    },
    accessToken,
    webhookSecret,
    shopDomain,
    get calls() {
      return calls;
    },
    get deliveries() {
      return webhooks.deliveries;
    },
    createOrder(input) {
      const order = state.store.createOrder(input);
      return {
        id: order.id,
        gid: gid('Order', order.id),
        name: order.name,
        payload: restOrder(state.store, order),
      };
    },
    subscribe: (input) => webhooks.subscribe(input),
    unsubscribe: (id) => webhooks.unsubscribe(id),
    subscriptions: () => webhooks.list(),
    webhooksIdle: () => webhooks.idle(),
    failNext: (rule: FailNextOptions) => failures.add(rule),
    clearFailures: () => failures.clear(),
    pendingFailures: () => failures.pending(),
    clearCalls: () => {
      calls.length = 0;
    },
    graphqlBucket: () => state.bucket.status(),
    setGraphqlBucket: (update: Partial<CostBucketStatus>) => state.bucket.set(update),
    fillRestBucket: (level) => state.restBucket.fill(level),
    inventory(sku, locationId) {
      const variant = state.store.variantBySku(sku);
      const location = locationId ?? state.store.firstLocation().id;
      const level = variant ? state.store.level(variant.inventoryItemId, location) : undefined;
      if (!level) return undefined;
      return { available: level.available, committed: level.committed, onHand: quantityOf(level, 'on_hand') };
    },
    reset() {
      webhooks.reset();
      failures.clear();
      calls.length = 0;
      state.store = newStore();
      state.bucket = newBucket();
      state.restBucket = newRestBucket();
    },
    stop() {
      webhooks.reset();
      failures.clear();
    },
  };
  app.route('/__sim', controlRoutes(sim));
  return sim;
}

export type { SimCall, WebhookSubscription };
