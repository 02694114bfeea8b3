import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { shopifyConnector } from './connector.js';
import { failure, objectOf, useShopifySimulator } from './testing/simulator-harness.js';

/** The REST Admin API (products.json) against the simulator over real HTTP. */

const server = useShopifySimulator();
const invoker = createConnectorInvoker([shopifyConnector]);
const run = (input: unknown, config: Record<string, unknown> = {}) =>
  invoker.invoke(testCall({ type: 'shopify.listProducts', input, config, credential: server.credential() }));
const skusOf = (output: unknown) => {
  const products = objectOf(output).products;
  return Array.isArray(products)
    ? products.flatMap((product) => {
        const variants = objectOf(product).variants;
        return Array.isArray(variants) ? variants.map((variant) => objectOf(variant).sku) : [];
      })
    : [];
};

describe('shopify.listProducts over REST', () => {
  it('follows the Link header page by page until the last page', async () => {
    const result = await run({}, { limit: 3 });
    expect(objectOf(result.output)).toMatchObject({ pages: 3, nextPageInfo: null });
    expect(skusOf(result.output)).toEqual([
      'IPOD2008GREEN',
      'IPOD2008RED',
      'IPOD2008BLACK',
      'SKU-1001',
      'SKU-1002',
      'SKU-1004',
      'SKU-1006',
      'SKU-1009',
      'SKU-1016',
      'SKU-1022',
    ]);
    const paths = server.sim.calls.filter((call) => call.api === 'rest').map((call) => call.status);
    expect(paths).toEqual([200, 200, 200]);
  });

  it('maps variants with prices, inventory items and available units', async () => {
    const result = objectOf((await run({}, { limit: 1, maxPages: 1 })).output);
    expect(result.products).toEqual([
      {
        id: '632910392',
        title: 'IPod Nano - 8GB',
        handle: 'ipod-nano-8gb',
        status: 'active',
        vendor: 'Apple',
        productType: 'Cult Products',
        updatedAt: '2025-01-15T12:00:00+00:00',
        variants: [
          {
            id: '39072856',
            sku: 'IPOD2008GREEN',
            title: 'green',
            price: '199.00',
            inventoryItemId: '39072856',
            inventoryQuantity: 34,
          },
          {
            id: '49148385',
            sku: 'IPOD2008RED',
            title: 'red',
            price: '199.00',
            inventoryItemId: '49148385',
            inventoryQuantity: 1,
          },
          {
            id: '457924702',
            sku: 'IPOD2008BLACK',
            title: 'black',
            price: '199.00',
            inventoryItemId: '457924702',
            inventoryQuantity: 4,
          },
        ],
      },
    ]);
    expect(result.nextPageInfo).toEqual(expect.any(String));
  });

  it('resumes from nextPageInfo with only the cursor, keeping the first call’s filters', async () => {
    server.sim.store.products.get(921728742)!.status = 'draft';
    const first = objectOf((await run({}, { limit: 2, maxPages: 1, status: 'active' })).output);
    const rest = await run({ pageInfo: first.nextPageInfo }, { limit: 2, status: 'active' });
    expect(skusOf(rest.output)).not.toContain('SKU-1022');
    expect(skusOf(rest.output)).toContain('SKU-1016');
    const urls = server.sim.calls.filter((call) => call.api === 'rest');
    expect(urls).toHaveLength(4);
  });

  it('waits out a 429 as Retry-After says and goes on', async () => {
    server.sim.failNext({ kind: 'http-429', matchApi: 'rest', retryAfterSeconds: 0.5 });
    const started = Date.now();
    const result = await run({}, { limit: 250 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(skusOf(result.output)).toHaveLength(10);
    expect(server.sim.calls.filter((call) => call.api === 'rest').map((call) => call.status)).toEqual([
      429, 200,
    ]);
  });

  it('answers 429 with Retry-After when the REST bucket of 40 is full, and hands a long Retry-After to the engine', async () => {
    server.sim.fillRestBucket(40);
    server.sim.failNext({ kind: 'http-429', matchApi: 'rest', retryAfterSeconds: 30 });
    const error = await failure(run({}, {}));
    expect(error).toMatchObject({
      kind: 'connector',
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfterMs: 30_000,
    });
    const full = await fetch(`${server.url}/admin/api/2025-01/products.json`, {
      headers: { 'x-shopify-access-token': server.sim.accessToken },
    });
    expect(full.status).toBe(429);
    expect(full.headers.get('retry-after')).toBe('1.0');
    expect(await full.json()).toEqual({
      errors:
        'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
    });
  });

  it('refuses page_info combined with filters, as Shopify does', async () => {
    const response = await fetch(
      `${server.url}/admin/api/2025-01/products.json?limit=2&status=active&page_info=abc`,
      {
        headers: { 'x-shopify-access-token': server.sim.accessToken },
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: { page_info: 'page_info cannot be combined with other parameters.' },
    });
  });

  it("answers Shopify's 401 body for a wrong token, which the connector turns into a sentence", async () => {
    const response = await fetch(`${server.url}/admin/api/2025-01/products.json`, {
      headers: { 'x-shopify-access-token': 'nope' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
    });
    const error = await failure(
      invoker.invoke(
        testCall({
          type: 'shopify.listProducts',
          input: {},
          credential: server.credential({ accessToken: 'nope' }),
        }),
      ),
    );
    expect(error).toMatchObject({
      kind: 'connector',
      code: 'UNAUTHORIZED',
      retryable: false,
      upstream: { status: 401 },
    });
  });
});
