import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { shopifyConnector } from './connector.js';
import { failure, objectOf, useShopifySimulator } from './testing/simulator-harness.js';

/** Cancellations and refunds against the Shopify simulator over real HTTP. */

const server = useShopifySimulator();
const invoker = createConnectorInvoker([shopifyConnector]);
const MAIN = 487838322;
const run = (type: string, input: unknown, config: Record<string, unknown> = {}, idempotencyKey?: string) =>
  invoker.invoke(
    testCall({
      type,
      input,
      config,
      credential: server.credential(),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    }),
  );
const orderNamed = (name: string) => {
  const order = [...server.sim.store.orders.values()].find((candidate) => candidate.name === name);
  if (!order) throw new Error(`no seeded order ${name}`);
  return order;
};

describe('shopify.cancelOrder', () => {
  it('cancels an order, refunds the payment, restocks the units and reports the job', async () => {
    const order = orderNamed('#1002');
    const result = await run(
      'shopify.cancelOrder',
      { orderId: order.id, staffNote: 'Customer called' },
      { reason: 'CUSTOMER', refund: true, restock: true },
    );
    expect(result.output).toMatchObject({
      orderId: `gid://shopify/Order/${order.id}`,
      name: '#1002',
      alreadyCancelled: false,
      jobId: expect.stringMatching(/^gid:\/\/shopify\/Job\//),
      jobDone: false,
    });
    const after = objectOf((await run('shopify.getOrder', { id: order.id })).output);
    expect(after).toMatchObject({
      cancelReason: 'CUSTOMER',
      financialStatus: 'REFUNDED',
      totalRefunded: '40.74',
    });
    expect(after.cancelledAt).toEqual(expect.any(String));
    expect(server.sim.inventory('SKU-1001', MAIN)).toEqual({ available: 500, committed: 0, onHand: 500 });
  });

  it('reports an order already cancelled instead of cancelling it again', async () => {
    const result = await run('shopify.cancelOrder', { orderId: orderNamed('#1005').id });
    expect(result.output).toEqual({
      orderId: `gid://shopify/Order/${orderNamed('#1005').id}`,
      name: '#1005',
      alreadyCancelled: true,
      jobId: null,
      jobDone: true,
    });
    expect(server.sim.calls.some((call) => call.operations.includes('orderCancel'))).toBe(false);
  });

  it("maps Shopify's orderCancelUserErrors for a fulfilled order to a user error", async () => {
    await run('shopify.createFulfillment', { orderId: 450789469, trackingNumbers: ['1Z1'] });
    const error = await failure(run('shopify.cancelOrder', { orderId: 450789469 }));
    expect(error).toMatchObject({
      kind: 'user',
      code: 'SHOPIFY_USER_ERROR',
      message:
        'Shopify refused orderCancel: orderId: Cannot cancel an order with fulfillments; cancel the fulfillments first.',
      upstream: { code: 'INVALID' },
    });
  });
});

describe('shopify.createRefund', () => {
  it('refunds a returned unit through the original payment, as Shopify suggests, and restocks it', async () => {
    await run('shopify.createFulfillment', { orderId: 450789469, trackingNumbers: ['1Z2'] });
    const result = await run(
      'shopify.createRefund',
      { orderId: 450789469, lineItems: [{ sku: 'IPOD2008GREEN', quantity: 1 }], note: 'Damaged in transit' },
      { restockType: 'RETURN', locationId: MAIN, notify: true },
      'ex-77/refund',
    );
    expect(result.output).toEqual({
      created: true,
      refundId: expect.stringMatching(/^gid:\/\/shopify\/Refund\/\d+$/),
      orderId: 'gid://shopify/Order/450789469',
      amount: '210.94',
      currency: 'USD',
      note: 'Damaged in transit [waybill ex-77/refund]',
    });
    expect(server.sim.inventory('IPOD2008GREEN', MAIN)).toEqual({ available: 25, committed: 0, onHand: 25 });
    const order = objectOf((await run('shopify.getOrder', { id: 450789469 })).output);
    expect(order).toMatchObject({ financialStatus: 'PARTIALLY_REFUNDED', totalRefunded: '210.94' });
  });

  it('returns the refund already made when the step runs again with the same idempotency key', async () => {
    const input = { orderId: 450789469, lineItems: [{ lineItemId: 518995019, quantity: 1 }] };
    const first = objectOf((await run('shopify.createRefund', input, {}, 'ex-78/refund')).output);
    const again = objectOf((await run('shopify.createRefund', input, {}, 'ex-78/refund')).output);
    expect(again).toEqual({ ...first, created: false });
    expect(server.sim.store.refunds.size).toBe(1);
  });

  it('records returned items without money when refundMoney is off, and refunds shipping alone', async () => {
    const items = objectOf(
      (
        await run(
          'shopify.createRefund',
          { orderId: 450789469, lineItems: [{ sku: 'IPOD2008BLACK', quantity: 1 }] },
          { refundMoney: false },
          'a',
        )
      ).output,
    );
    const shipping = objectOf(
      (await run('shopify.createRefund', { orderId: 450789469, shipping: { full: true } }, {}, 'b')).output,
    );
    expect(items.amount).toBe('0.00');
    expect(shipping.amount).toBe('10.00');
  });

  it('says how many units can still be refunded', async () => {
    const error = await failure(
      run('shopify.createRefund', { orderId: 450789469, lineItems: [{ sku: 'IPOD2008RED', quantity: 2 }] }),
    );
    expect(error).toMatchObject({
      kind: 'user',
      code: 'SHOPIFY_NOT_REFUNDABLE',
      message: 'Only 1 of the 2 units of IPOD2008RED can still be refunded on this order.',
    });
  });

  it('refuses a refund of nothing before calling Shopify to create one', async () => {
    expect(await failure(run('shopify.createRefund', { orderId: 450789469 }))).toMatchObject({
      code: 'SHOPIFY_NOTHING_TO_REFUND',
    });
    expect(server.sim.calls.some((call) => call.operations.includes('refundCreate'))).toBe(false);
  });
});
