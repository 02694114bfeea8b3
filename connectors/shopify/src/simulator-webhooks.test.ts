import { createConnectorInvoker, type ResolvedCredential, WebhookRejection } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { shopifyConnector } from './connector.js';
import {
  headersOf,
  objectOf,
  type Respond,
  startReceiver,
  useShopifySimulator,
} from './testing/simulator-harness.js';
import { shopifyWebhookTrigger } from './triggers/webhook.js';

/**
 * Signed webhook deliveries from the simulator to a receiver on 127.0.0.1 that checks them with
 * the shopify.webhook trigger, as webhook intake does, with Shopify's retries on failure.
 */

const server = useShopifySimulator({ webhookRetryDelaysMs: [20, 40, 80], webhookTimeoutMs: 200 });
const invoker = createConnectorInvoker([shopifyConnector]);
const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

/** A receiver that answers as the trigger decides: 200 for accept or ignore, the rejection's status otherwise. */
function verifying(credential: () => ResolvedCredential, config: Record<string, unknown> = {}): Respond {
  return async (_index, request) => {
    try {
      await invoker.verifyWebhook({
        type: 'shopify.webhook',
        config,
        credential: credential(),
        delivery: {
          rawBody: request.body,
          headers: headersOf(request.headers),
          method: 'POST',
          query: new URLSearchParams(),
        },
        now: Date.now(),
      });
      return 200;
    } catch (error) {
      return error instanceof WebhookRejection ? error.status : 500;
    }
  };
}

async function receiver(respond: readonly number[] | Respond, hangMs?: number) {
  const started = await startReceiver(respond, hangMs);
  receivers.push(started);
  return started;
}

describe('webhook delivery', () => {
  it('delivers a signed orders/create that the shopify.webhook trigger accepts and maps to a canonical order', async () => {
    const hook = await receiver(verifying(() => server.credential(), { topics: ['orders/create'] }));
    server.sim.subscribe({ topic: 'orders/create', address: hook.url });
    const created = server.sim.createOrder({
      email: 'jane.cooper@acme-retail.example',
      customer: { firstName: 'Jane', lastName: 'Cooper', email: 'jane.cooper@acme-retail.example' },
      shippingAddress: {
        firstName: 'Jane',
        lastName: 'Cooper',
        address1: '55 Water Street',
        city: 'Brooklyn',
        provinceCode: 'NY',
        zip: '11201',
        countryCode: 'US',
      },
      lineItems: [
        { sku: 'SKU-1001', quantity: 12 },
        { sku: 'SKU-1006', quantity: 2, discount: '0.38' },
      ],
      shipping: { title: 'Ground', price: '9.90' },
      taxRate: 0.08,
    });
    await server.sim.webhooksIdle();

    const [delivery] = server.sim.deliveries;
    expect(delivery).toMatchObject({
      topic: 'orders/create',
      state: 'delivered',
      attempts: [{ status: 200 }],
    });
    const got = hook.received[0];
    expect(got?.headers).toMatchObject({
      'x-shopify-topic': 'orders/create',
      'x-shopify-shop-domain': 'waybill-demo.myshopify.com',
      'x-shopify-api-version': '2025-01',
      'x-shopify-webhook-id': delivery?.webhookId,
      'x-shopify-hmac-sha256': expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
      'x-shopify-triggered-at': expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    });
    expect(
      shopifyWebhookTrigger.dedupeKey?.({
        rawBody: got?.body ?? new Uint8Array(),
        headers: headersOf(got?.headers ?? {}),
        method: 'POST',
        query: new URLSearchParams(),
      }),
    ).toBe(delivery?.webhookId);

    const body: unknown = JSON.parse(new TextDecoder().decode(got?.body));
    const canonical = await invoker.invoke(testCall({ type: 'shopify.toCanonicalOrder', input: body }));
    expect(canonical.output).toMatchObject({
      number: created.name,
      source: { system: 'shopify', id: String(created.id) },
      currency: 'USD',
      customer: { name: 'Jane Cooper', email: 'jane.cooper@acme-retail.example' },
      shipTo: {
        street1: '55 Water Street',
        city: 'Brooklyn',
        region: 'NY',
        postalCode: '11201',
        countryCode: 'US',
      },
      lines: [
        {
          sku: 'SKU-1001',
          quantity: '12',
          unitPrice: '2.40',
          taxes: [{ name: 'Tax', rate: '0.08', amount: '2.30' }],
        },
        { sku: 'SKU-1006', quantity: '2', unitPrice: '1.90', discount: '0.38' },
      ],
      shipping: { method: 'Ground', amount: '9.90' },
      totals: { subtotal: '32.22', shipping: '9.90', tax: '3.36', total: '45.48' },
    });
  });

  it('retries a delivery answered 503 with the same webhook id, body and signature until it is taken', async () => {
    const hook = await receiver([503, 500, 200]);
    server.sim.subscribe({ topic: 'orders/create', address: hook.url });
    server.sim.createOrder({ lineItems: [{ sku: 'SKU-1004', quantity: 10 }] });
    await server.sim.webhooksIdle();

    const [delivery] = server.sim.deliveries;
    expect(delivery?.state).toBe('delivered');
    expect(delivery?.attempts.map((attempt) => attempt.status)).toEqual([503, 500, 200]);
    const gaps = (delivery?.attempts ?? [])
      .slice(1)
      .map((attempt, index) => attempt.at - (delivery?.attempts[index]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(20);
    expect(gaps[1]).toBeGreaterThanOrEqual(40);
    const ids = new Set(hook.received.map((request) => request.headers['x-shopify-webhook-id']));
    const signatures = new Set(hook.received.map((request) => request.headers['x-shopify-hmac-sha256']));
    const triggered = new Set(hook.received.map((request) => request.headers['x-shopify-triggered-at']));
    expect([ids.size, signatures.size, triggered.size]).toEqual([1, 1, 1]);
  });

  it('retries after a receiver that does not answer within the time limit', async () => {
    const hook = await receiver([0, 200], 1000);
    server.sim.subscribe({ topic: 'orders/create', address: hook.url });
    server.sim.createOrder({ lineItems: [{ sku: 'SKU-1004', quantity: 1 }] });
    await server.sim.webhooksIdle();
    const [delivery] = server.sim.deliveries;
    expect(delivery?.attempts).toEqual([
      expect.objectContaining({ error: 'no answer within 200 ms' }),
      expect.objectContaining({ status: 200 }),
    ]);
  });

  it('gives up after the last retry and records the delivery as failed', async () => {
    const hook = await receiver([500]);
    server.sim.subscribe({ topic: 'orders/create', address: hook.url });
    server.sim.createOrder({ lineItems: [{ sku: 'SKU-1004', quantity: 1 }] });
    await server.sim.webhooksIdle();
    expect(server.sim.deliveries[0]?.state).toBe('failed');
    expect(server.sim.deliveries[0]?.attempts).toHaveLength(4);
  });

  it('is refused with 401 by the trigger when the credential holds another secret, and Shopify keeps retrying', async () => {
    const hook = await receiver(
      verifying(() => server.credential({ webhookSecret: 'not-the-client-secret' })),
    );
    server.sim.subscribe({ topic: 'orders/create', address: hook.url });
    server.sim.createOrder({ lineItems: [{ sku: 'SKU-1004', quantity: 1 }] });
    await server.sim.webhooksIdle();
    expect(hook.received.map((request) => request.status)).toEqual([401, 401, 401, 401]);
    expect(server.sim.deliveries[0]?.state).toBe('failed');
  });

  it('reports fulfillments, refunds, cancellations and inventory changes that operations make', async () => {
    const hook = await receiver([200]);
    for (const topic of [
      'fulfillments/create',
      'orders/updated',
      'refunds/create',
      'inventory_levels/update',
      'orders/cancelled',
    ]) {
      server.sim.subscribe({ topic, address: hook.url });
    }
    const run = (type: string, input: unknown, config: Record<string, unknown> = {}) =>
      invoker.invoke(testCall({ type, input, config, credential: server.credential() }));
    await run('shopify.createFulfillment', {
      orderId: 450789469,
      trackingNumbers: ['1Z999'],
      trackingCompany: 'UPS',
    });
    await run(
      'shopify.createRefund',
      { orderId: 450789469, lineItems: [{ sku: 'IPOD2008GREEN', quantity: 1 }] },
      { restockType: 'RETURN' },
    );
    await run(
      'shopify.setInventory',
      { items: [{ sku: 'SKU-1009', quantity: 7 }] },
      { locationId: 487838322 },
    );
    const split = [...server.sim.store.orders.values()].find((order) => order.name === '#1004');
    await run('shopify.cancelOrder', { orderId: split?.id });
    await server.sim.webhooksIdle();

    const byTopic = (topic: string) =>
      hook.received
        .filter((request) => request.headers['x-shopify-topic'] === topic)
        .map((request): unknown => JSON.parse(new TextDecoder().decode(request.body)));
    expect(byTopic('fulfillments/create')).toEqual([
      expect.objectContaining({
        order_id: 450789469,
        tracking_numbers: ['1Z999'],
        tracking_company: 'UPS',
        status: 'success',
      }),
    ]);
    expect(byTopic('refunds/create')).toEqual([
      expect.objectContaining({
        order_id: 450789469,
        refund_line_items: [
          expect.objectContaining({ line_item_id: 466157049, quantity: 1, restock_type: 'return' }),
        ],
      }),
    ]);
    expect(byTopic('inventory_levels/update')).toContainEqual(
      expect.objectContaining({ inventory_item_id: 808950814, location_id: 487838322, available: 7 }),
    );
    expect(byTopic('orders/cancelled')).toEqual([
      expect.objectContaining({ name: '#1004', cancel_reason: 'other' }),
    ]);
    expect(byTopic('orders/updated').map((order) => objectOf(order).name)).toEqual([
      '#1001',
      '#1001',
      '#1004',
    ]);
  });

  it('takes subscriptions and orders through the /__sim control routes', async () => {
    const hook = await receiver([200]);
    const subscribe = await fetch(`${server.url}/__sim/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ topic: 'orders/create', address: hook.url }),
    });
    expect(subscribe.status).toBe(201);
    const order = await fetch(`${server.url}/__sim/orders`, {
      method: 'POST',
      body: JSON.stringify({ email: 'ops@example.com', lineItems: [{ sku: 'SKU-1002', quantity: 3 }] }),
    });
    expect(order.status).toBe(201);
    await server.sim.webhooksIdle();
    const deliveries = objectOf(await (await fetch(`${server.url}/__sim/deliveries`)).json()).deliveries;
    expect(deliveries).toEqual([expect.objectContaining({ topic: 'orders/create', state: 'delivered' })]);
    const refused = await fetch(`${server.url}/__sim/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ topic: 'orders', address: 'x' }),
    });
    expect(refused.status).toBe(400);
  });
});
