import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { shopifyConnector } from './connector.js';
import { failure, objectOf, useShopifySimulator } from './testing/simulator-harness.js';

/**
 * Reading orders from the Shopify simulator over real HTTP on 127.0.0.1, through a credential
 * whose allowed hosts name the simulator's host, as production reaches a shop.
 */

const server = useShopifySimulator();
const invoker = createConnectorInvoker([shopifyConnector]);
const run = (type: string, input: unknown, config: Record<string, unknown> = {}) =>
  invoker.invoke(testCall({ type, input, config, credential: server.credential() }));

describe('the shopify-admin credential', () => {
  it('tests the credential with a sentence naming the shop and the API version', async () => {
    const result = await invoker.testCredential(server.credential(), new AbortController().signal);
    expect(result).toEqual({
      ok: true,
      message:
        'Shopify shop "Waybill Demo Store" (waybill-demo.myshopify.com) accepted the access token on API version 2025-01.',
    });
  });

  it("fails the test with Shopify's reason when the token is wrong, without showing the token", async () => {
    const result = await invoker.testCredential(
      server.credential({ accessToken: 'shpat_wrong_token' }),
      new AbortController().signal,
    );
    expect(result?.ok).toBe(false);
    expect(result?.message).toMatch(
      /^Shopify at 127\.0\.0\.1:\d+ did not accept the access token \(\[API\] Invalid API key or access token \(unrecognized login or wrong password\)\); check the Admin API access token in the credential "shopify-sim"/,
    );
    expect(result?.message).not.toContain('shpat_wrong_token');
  });

  it('refuses an API version that is not a Shopify release before calling anything', async () => {
    const error = await failure(
      invoker.invoke(
        testCall({
          type: 'shopify.getOrder',
          input: { name: '#1001' },
          credential: server.credential({ apiVersion: '2025-02' }),
        }),
      ),
    );
    expect(error).toMatchObject({ kind: 'user', code: 'SHOPIFY_INVALID_API_VERSION' });
    expect(server.sim.calls).toEqual([]);
  });
});

describe('shopify.getOrder', () => {
  it('reads a seeded order by its number with lines, totals and customer', async () => {
    const result = await run('shopify.getOrder', { id: 450789469 });
    expect(result.port).toBe('found');
    expect(result.output).toMatchObject({
      id: 'gid://shopify/Order/450789469',
      legacyId: '450789469',
      name: '#1001',
      financialStatus: 'PAID',
      fulfillmentStatus: 'UNFULFILLED',
      currency: 'USD',
      subtotal: '597.00',
      totalTax: '36.42',
      total: '643.42',
      customer: { id: 'gid://shopify/Customer/207119551', firstName: 'Bob', lastName: 'Norman' },
      shippingAddress: { city: 'Louisville', provinceCode: 'KY', countryCode: 'US' },
      lineItems: [
        {
          id: 'gid://shopify/LineItem/466157049',
          sku: 'IPOD2008GREEN',
          quantity: 1,
          unfulfilledQuantity: 1,
          unitPrice: '199.00',
        },
        { id: 'gid://shopify/LineItem/518995019', sku: 'IPOD2008RED' },
        { id: 'gid://shopify/LineItem/703073504', sku: 'IPOD2008BLACK' },
      ],
      fulfillments: [],
    });
  });

  it('finds an order by its name with or without the #, and by its GraphQL id', async () => {
    const byName = await run('shopify.getOrder', { name: '#1002' });
    const bare = await run('shopify.getOrder', { name: '1002' });
    const id = objectOf(byName.output).id;
    const byGid = await run('shopify.getOrder', { id });
    expect(objectOf(byName.output)).toMatchObject({ name: '#1002', tags: ['wholesale'], total: '40.74' });
    expect(objectOf(bare.output).id).toBe(id);
    expect(objectOf(byGid.output).name).toBe('#1002');
  });

  it('routes an order Shopify does not have to notFound', async () => {
    expect(await run('shopify.getOrder', { id: 1 })).toEqual({ output: { found: false }, port: 'notFound' });
    expect(await run('shopify.getOrder', { name: '#9999' })).toEqual({
      output: { found: false },
      port: 'notFound',
    });
  });

  it('asks for an id or a name when the input has neither', async () => {
    expect(await failure(run('shopify.getOrder', {}))).toMatchObject({
      kind: 'user',
      code: 'SHOPIFY_ORDER_NOT_NAMED',
      message: 'shopify.getOrder needs the order id or its name (e.g. "#1001") in its input.',
    });
  });
});

describe('shopify.listOrdersUpdatedSince', () => {
  it('lists the orders changed since a time, oldest change first, following the cursor page by page', async () => {
    const result = await run(
      'shopify.listOrdersUpdatedSince',
      { since: '2025-03-02T00:00:00Z' },
      { pageSize: 2 },
    );
    const output = objectOf(result.output);
    expect(output).toMatchObject({ pages: 2, hasMore: false, lastUpdatedAt: '2025-03-06T09:00:00Z' });
    const orders = Array.isArray(output.orders) ? output.orders.map(objectOf) : [];
    expect(orders.map((order) => [order.name, order.updatedAt])).toEqual([
      ['#1002', '2025-03-02T10:05:00Z'],
      ['#1003', '2025-03-04T12:00:00Z'],
      ['#1004', '2025-03-05T14:00:00Z'],
      ['#1005', '2025-03-06T09:00:00Z'],
    ]);
    expect(orders[2]).toMatchObject({ financialStatus: 'AUTHORIZED', total: '40.00' });
    expect(orders[3]?.cancelledAt).toBe('2025-03-06T09:00:00Z');
    expect(server.sim.calls.filter((call) => call.api === 'graphql')).toHaveLength(2);
  });

  it('stops at the page limit, says more is left, and resumes from the cursor it handed back', async () => {
    const first = objectOf(
      (
        await run(
          'shopify.listOrdersUpdatedSince',
          { since: '2025-01-01T00:00:00Z' },
          { pageSize: 2, maxPages: 1 },
        )
      ).output,
    );
    expect(first).toMatchObject({ pages: 1, hasMore: true });
    const rest = objectOf(
      (
        await run(
          'shopify.listOrdersUpdatedSince',
          { since: '2025-01-01T00:00:00Z', after: first.endCursor },
          { pageSize: 2 },
        )
      ).output,
    );
    const names = (value: unknown) =>
      Array.isArray(value) ? value.map((order) => objectOf(order).name) : [];
    expect(names(first.orders)).toEqual(['#1001', '#1002']);
    expect(names(rest.orders)).toEqual(['#1003', '#1004', '#1005']);
  });

  it('ANDs the config query with the time', async () => {
    const result = objectOf(
      (
        await run(
          'shopify.listOrdersUpdatedSince',
          { since: '2025-01-01T00:00:00Z' },
          { query: 'financial_status:authorized' },
        )
      ).output,
    );
    expect(Array.isArray(result.orders) ? result.orders.map((order) => objectOf(order).name) : []).toEqual([
      '#1004',
    ]);
  });

  it('sees an order created after the last run', async () => {
    const created = server.sim.createOrder({
      email: 'new@example.com',
      lineItems: [{ sku: 'SKU-1004', quantity: 100 }],
    });
    const result = objectOf(
      (await run('shopify.listOrdersUpdatedSince', { since: new Date(Date.now() - 60_000).toISOString() }))
        .output,
    );
    expect(Array.isArray(result.orders) ? result.orders.map((order) => objectOf(order).name) : []).toEqual([
      created.name,
    ]);
  });
});
