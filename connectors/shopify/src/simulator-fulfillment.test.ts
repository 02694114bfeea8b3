import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { shopifyConnector } from './connector.js';
import { failure, objectOf, useShopifySimulator } from './testing/simulator-harness.js';

/** Fulfilments against the Shopify simulator over real HTTP. */

const server = useShopifySimulator();
const invoker = createConnectorInvoker([shopifyConnector]);
const run = (input: unknown, config: Record<string, unknown> = {}, credential = server.credential()) =>
  invoker.invoke(testCall({ type: 'shopify.createFulfillment', input, config, credential }));

describe('shopify.createFulfillment', () => {
  it('ships everything still open on an order with tracking, and the order shows as fulfilled', async () => {
    const result = await run({
      orderId: 450789469,
      trackingNumbers: ['1Z999AA10123456784'],
      trackingCompany: 'UPS',
    });
    expect(result.output).toMatchObject({
      created: true,
      orderId: 'gid://shopify/Order/450789469',
      fulfillment: {
        name: '#1001-F1',
        status: 'SUCCESS',
        trackingNumbers: ['1Z999AA10123456784'],
        trackingCompany: 'UPS',
        trackingUrls: [expect.stringContaining('ups.com')],
      },
    });
    const order = objectOf(
      (
        await invoker.invoke(
          testCall({ type: 'shopify.getOrder', input: { id: 450789469 }, credential: server.credential() }),
        )
      ).output,
    );
    expect(order.fulfillmentStatus).toBe('FULFILLED');
    expect(server.sim.inventory('IPOD2008GREEN')).toEqual({ available: 24, committed: 0, onHand: 24 });
  });

  it('answers the earlier fulfillment instead of shipping twice when the tracking number was already used', async () => {
    const input = {
      orderId: 450789469,
      trackingNumbers: ['1Z999AA10123456784'],
      lineItems: [{ sku: 'IPOD2008GREEN', quantity: 1 }],
    };
    const first = objectOf((await run(input)).output);
    const again = objectOf((await run(input)).output);
    expect(first.created).toBe(true);
    expect(again).toEqual({ ...first, created: false });
    expect(server.sim.store.fulfillments.size).toBe(1);
    const mutations = server.sim.calls.filter((call) => call.operations.includes('fulfillmentCreate'));
    expect(mutations).toHaveLength(1);
  });

  it('ships only the lines given by SKU and leaves the rest open', async () => {
    const result = objectOf(
      (
        await run({
          orderId: 450789469,
          trackingNumbers: ['JD0002'],
          lineItems: [{ sku: 'IPOD2008RED', quantity: 1 }],
        })
      ).output,
    );
    expect(result.created).toBe(true);
    const order = objectOf(
      (
        await invoker.invoke(
          testCall({ type: 'shopify.getOrder', input: { id: 450789469 }, credential: server.credential() }),
        )
      ).output,
    );
    expect(order.fulfillmentStatus).toBe('PARTIALLY_FULFILLED');
    const lines = Array.isArray(order.lineItems) ? order.lineItems.map(objectOf) : [];
    expect(lines.map((line) => [line.sku, line.unfulfilledQuantity])).toEqual([
      ['IPOD2008GREEN', 1],
      ['IPOD2008RED', 0],
      ['IPOD2008BLACK', 1],
    ]);
  });

  it('refuses lines of two locations in one fulfillment with a sentence saying what to do', async () => {
    const split = [...server.sim.store.orders.values()].find((order) => order.name === '#1003');
    const error = await failure(run({ orderId: split?.id, trackingNumbers: ['X1'] }));
    expect(error).toMatchObject({
      kind: 'user',
      code: 'SHOPIFY_FULFILLMENT_SPANS_LOCATIONS',
      message:
        'The items to fulfill are assigned to Main Warehouse and East Warehouse; one fulfillment ships from one location, so name the fulfillmentOrderId or the lines of one location.',
    });
  });

  it('ships one fulfillment order by its id (fulfillmentCreateV2 on API versions before 2024-10)', async () => {
    const order = [...server.sim.store.orders.values()].find((candidate) => candidate.name === '#1003');
    const eastId = order?.fulfillmentOrderIds[1];
    const result = await run(
      {
        fulfillmentOrderId: `gid://shopify/FulfillmentOrder/${eastId}`,
        trackingNumbers: ['DHL123'],
        trackingCompany: 'DHL Express',
      },
      {},
      server.credential({ apiVersion: '2024-07' }),
    );
    expect(result.output).toMatchObject({
      created: true,
      fulfillment: { name: '#1003-F1', trackingCompany: 'DHL Express' },
    });
    expect(server.sim.calls.some((call) => call.operations.includes('fulfillmentCreateV2'))).toBe(true);
    expect(server.sim.inventory('SKU-1016', 655441491)).toEqual({ available: 87, committed: 0, onHand: 87 });
  });

  it('says how many units are still open when asked to ship more', async () => {
    const error = await failure(
      run({ orderId: 450789469, lineItems: [{ sku: 'IPOD2008GREEN', quantity: 3 }] }),
    );
    expect(error).toMatchObject({
      kind: 'user',
      code: 'SHOPIFY_NOTHING_TO_FULFILL',
      message:
        'Only 1 of the 3 units of SKU IPOD2008GREEN are still open to fulfill on this order; check the quantities or the SKU.',
    });
  });

  it("maps Shopify's userErrors to a user error naming the field path", async () => {
    const cancelled = [...server.sim.store.orders.values()].find((order) => order.name === '#1005');
    const fo = cancelled?.fulfillmentOrderIds[0];
    // Reopen the cancelled order's fulfillment order so the connector sends it and Shopify refuses.
    const record = fo ? server.sim.store.fulfillmentOrders.get(fo) : undefined;
    if (record) {
      record.status = 'OPEN';
      for (const line of record.lineItems) line.remainingQuantity = line.totalQuantity;
    }
    const error = await failure(run({ fulfillmentOrderId: fo }));
    expect(error).toMatchObject({
      kind: 'user',
      code: 'SHOPIFY_USER_ERROR',
      message:
        'Shopify refused fulfillmentCreate: fulfillment.lineItemsByFulfillmentOrder: The order has been cancelled.',
      details: {
        userErrors: [
          { field: ['fulfillment', 'lineItemsByFulfillmentOrder'], message: 'The order has been cancelled.' },
        ],
      },
    });
  });

  it('fails as a user error when the order does not exist', async () => {
    expect(await failure(run({ orderId: 123 }))).toMatchObject({ kind: 'user', code: 'SHOPIFY_NOT_FOUND' });
  });
});
