import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { bucketKeyOf } from './client/graphql-client.js';
import { sharedThrottle } from './client/throttle.js';
import { shopifyConnector } from './connector.js';
import { failure, useShopifySimulator } from './testing/simulator-harness.js';

/**
 * Shopify's query cost bucket and HTTP failures, against the simulator over real HTTP: short
 * waits happen in the call, long ones go back to the engine as retryable errors with a delay.
 */

const server = useShopifySimulator();
const invoker = createConnectorInvoker([shopifyConnector]);
const getOrder = () => {
  const call = testCall({
    type: 'shopify.getOrder',
    input: { id: 450789469 },
    credential: server.credential(),
  });
  return { call, result: invoker.invoke(call) };
};

/** The requested cost of shopify.getOrder, learnt from one call. */
async function orderQueryCost(): Promise<number> {
  await getOrder().result;
  const requested = server.sim.calls.at(-1)?.cost?.requested;
  if (requested === undefined) throw new Error('the simulator recorded no cost');
  server.sim.clearCalls();
  return requested;
}

describe('GraphQL throttling', () => {
  it('a throttled call waits for the bucket to refill its requested cost and succeeds', async () => {
    const cost = await orderQueryCost();
    // 20 points short at 50 points/s: Shopify throttles the call, 400 ms refill it.
    server.sim.setGraphqlBucket({ currentlyAvailable: cost - 20 });
    sharedThrottle.clear();
    const started = Date.now();
    const { call, result } = getOrder();
    expect((await result).port).toBe('found');
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(server.sim.calls.map((entry) => entry.throttled)).toEqual([true, false]);
    expect(call.logs).toEqual([
      {
        level: 'info',
        message: expect.stringMatching(/^Shopify throttled a call to 127\.0\.0\.1:\d+; waiting \d+ ms\.$/),
      },
    ]);
  });

  it('waits before sending when the shared bucket estimate says the query would be throttled', async () => {
    const cost = await orderQueryCost();
    server.sim.setGraphqlBucket({ currentlyAvailable: cost - 15 });
    // One cheap call teaches the estimate the bucket's state; the order query then waits its turn.
    await invoker.testCredential(server.credential(), new AbortController().signal);
    const { call, result } = getOrder();
    expect((await result).port).toBe('found');
    expect(server.sim.calls.some((entry) => entry.throttled)).toBe(false);
    expect(call.logs[0]?.message).toMatch(
      /^Shopify's query cost bucket for 127\.0\.0\.1:\d+ is nearly empty; waiting \d+ ms\.$/,
    );
    const estimate = sharedThrottle.status(
      bucketKeyOf({ baseUrl: server.url, accessToken: server.sim.accessToken }),
    );
    expect(estimate?.maximumAvailable).toBe(1000);
  });

  it('hands a wait of more than 5 s to the engine as a retryable RATE_LIMITED error with its delay', async () => {
    const cost = await orderQueryCost();
    server.sim.setGraphqlBucket({ currentlyAvailable: 0, restoreRate: 10 });
    sharedThrottle.clear();
    const started = Date.now();
    const error = await failure(getOrder().result);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({
      kind: 'connector',
      code: 'RATE_LIMITED',
      retryable: true,
      upstream: { code: 'THROTTLED' },
    });
    expect(error.retryAfterMs).toBeGreaterThanOrEqual((cost / 10) * 1000);
    expect(error.message).toMatch(
      /^Shopify at 127\.0\.0\.1:\d+ is throttling this app's GraphQL calls \(query cost bucket empty\); the call can be retried in about \d+ s\.$/,
    );
    expect(server.sim.calls).toHaveLength(1);
  });

  it('waits out an injected THROTTLED answer, whatever the bucket holds', async () => {
    server.sim.failNext({ kind: 'throttle', matchOperation: 'order' });
    const { result } = getOrder();
    expect((await result).port).toBe('found');
    expect(server.sim.calls.map((entry) => entry.throttled)).toEqual([true, false]);
  });

  it('asks for a smaller page when a query costs more than a bucket holds', async () => {
    server.sim.setGraphqlBucket({ maximumAvailable: 300, currentlyAvailable: 300 });
    const error = await failure(
      invoker.invoke(
        testCall({
          type: 'shopify.listOrdersUpdatedSince',
          input: { since: '2025-01-01T00:00:00Z' },
          config: { pageSize: 250 },
          credential: server.credential(),
        }),
      ),
    );
    expect(error).toMatchObject({
      kind: 'user',
      code: 'SHOPIFY_QUERY_TOO_COSTLY',
      upstream: { code: 'MAX_COST_EXCEEDED' },
    });
    expect(error.message).toMatch(
      /Query cost is \d+, which exceeds the single query max cost limit \(300\)\.\); lower the node's page size\.$/,
    );
  });
});

describe('HTTP and GraphQL failures', () => {
  it('retries a read in place after a 503', async () => {
    server.sim.failNext({ kind: 'http-503', matchApi: 'graphql' });
    expect((await getOrder().result).port).toBe('found');
    expect(server.sim.calls.map((entry) => entry.status)).toEqual([503, 200]);
  });

  it('does not repeat a write after a 500, and says it can be retried', async () => {
    server.sim.failNext({ kind: 'http-500', matchOperation: 'fulfillmentCreate' });
    const error = await failure(
      invoker.invoke(
        testCall({
          type: 'shopify.createFulfillment',
          input: { orderId: 450789469, trackingNumbers: ['1Z5'] },
          credential: server.credential(),
        }),
      ),
    );
    expect(error).toMatchObject({ kind: 'connector', code: 'HTTP_500', retryable: true });
    expect(server.sim.calls.filter((entry) => entry.operations.includes('fulfillmentCreate'))).toHaveLength(
      1,
    );
  });

  it('waits out a 429 with Retry-After on a GraphQL write, since Shopify did not run it', async () => {
    server.sim.failNext({ kind: 'http-429', retryAfterSeconds: 0.3, matchOperation: 'fulfillmentCreate' });
    const result = await invoker.invoke(
      testCall({
        type: 'shopify.createFulfillment',
        input: { orderId: 450789469, trackingNumbers: ['1Z6'] },
        credential: server.credential(),
      }),
    );
    expect(result.output).toMatchObject({ created: true });
  });

  it('treats INTERNAL_SERVER_ERROR as retryable and ACCESS_DENIED as a scope to grant', async () => {
    server.sim.failNext({ kind: 'internal-error', count: 3 });
    expect(await failure(getOrder().result)).toMatchObject({
      kind: 'connector',
      code: 'SHOPIFY_INTERNAL_ERROR',
      retryable: true,
    });
    server.sim.clearFailures();
    server.sim.failNext({ kind: 'access-denied' });
    const denied = await failure(getOrder().result);
    expect(denied).toMatchObject({ kind: 'connector', code: 'SHOPIFY_ACCESS_DENIED', retryable: false });
    expect(denied.message).toMatch(/grant the app the access scope it names/);
  });
});
