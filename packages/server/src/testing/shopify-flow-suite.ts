import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { RunningOdooSimulator } from '@waybill/connector-odoo/simulator';
import { startOdooSimulator } from '@waybill/connector-odoo/simulator';
import { type RunningShopifySimulator, startShopifySimulator } from '@waybill/connector-shopify/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { odooSimCredential } from './simulator-credentials.js';
import { type Backend, createTestRuntime, type TestRuntime } from './test-runtime.js';
import { repoRoot } from './waybill-processes.js';

const flowDir = join(repoRoot, 'flows/shopify-store-to-odoo');

/**
 * The example flow "Shopify store orders to Odoo" across the two simulators: the Shopify
 * simulator signs and delivers orders/create webhooks over HTTP to Waybill's hook, as a store
 * would, retrying what is not acknowledged; the order becomes one confirmed Odoo sale order.
 */
export function describeShopifyFlowSuite(backend: Backend) {
  describe(`Shopify store to Odoo on ${backend}`, () => {
    let t: TestRuntime;
    let odoo: RunningOdooSimulator;
    let shopify: RunningShopifySimulator;
    let server: ReturnType<typeof serve>;
    let hookUrl: string;
    beforeAll(async () => {
      t = await createTestRuntime(backend);
      odoo = await startOdooSimulator();
      shopify = await startShopifySimulator({ webhookRetryDelaysMs: [50, 100, 200] });
      const credentials = [
        odooSimCredential(odoo.url),
        {
          id: 'shopify-sim',
          type: 'shopify-admin',
          name: 'Shopify simulator',
          values: {
            shop: shopify.url,
            accessToken: shopify.sim.accessToken,
            webhookSecret: shopify.sim.webhookSecret,
          },
          allowedHosts: ['127.0.0.1'],
        },
      ];
      for (const credential of credentials)
        expect((await t.call('POST', '/api/credentials', credential)).status).toBe(201);
      const definition = JSON.parse(await readFile(join(flowDir, 'flow.json'), 'utf8'));
      expect(
        (await t.call('POST', '/api/flows', { id: definition.id, name: definition.name, definition })).status,
      ).toBe(201);
      expect((await t.call('POST', `/api/flows/${definition.id}/deployments`, { revision: 1 })).status).toBe(
        201,
      );
      const address = await new Promise<AddressInfo>((resolve) => {
        server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
      });
      hookUrl = `http://127.0.0.1:${address.port}/hooks/${definition.id}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
      await shopify?.close();
      await odoo?.close();
      await t?.close();
    });

    it('turns an order placed in the Shopify store into one confirmed Odoo sale order, through a signed webhook', async () => {
      shopify.sim.subscribe({ topic: 'orders/create', address: hookUrl });
      const order = shopify.sim.createOrder({
        email: 'buyer@example.com',
        customer: { firstName: 'Jana', lastName: 'Novak', email: 'buyer@example.com' },
        shippingAddress: {
          address1: 'Hauptstraße 5',
          city: 'Berlin',
          zip: '10115',
          countryCode: 'DE',
          firstName: 'Jana',
          lastName: 'Novak',
        },
        lineItems: [
          { sku: 'SKU-1001', quantity: 2 },
          { sku: 'SKU-1002', quantity: 1 },
        ],
      });
      await shopify.sim.webhooksIdle();
      const [delivery] = shopify.sim.deliveries.filter((d) => d.topic === 'orders/create');
      expect(delivery?.state).toBe('delivered');
      expect(delivery?.attempts.at(-1)).toMatchObject({ status: 202 });

      const [execution] = (
        await t.call(
          'GET',
          `/api/executions?flowId=shopify-store-to-odoo&businessKey=${encodeURIComponent(order.name)}`,
        )
      ).body.items;
      const ended = await t.waitForExecution(execution.id, ['succeeded', 'failed']);
      expect(ended.status).toBe('succeeded');
      const orders = odoo.sim.records('sale.order', [['client_order_ref', '=', order.name]]);
      expect(orders).toHaveLength(1);
      expect(orders[0]).toMatchObject({ state: 'sale' });
    });

    it('creates nothing more when Shopify delivers the same webhook again, and refuses a delivery not signed by the store', async () => {
      const [delivery] = shopify.sim.deliveries.filter((d) => d.topic === 'orders/create');
      if (!delivery) throw new Error('no delivery recorded');
      const again = await fetch(hookUrl, { method: 'POST', headers: delivery.headers, body: delivery.body });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ duplicate: true });
      const order = JSON.parse(delivery.body) as { name: string };
      expect(odoo.sim.records('sale.order', [['client_order_ref', '=', order.name]])).toHaveLength(1);

      const tampered = await fetch(hookUrl, {
        method: 'POST',
        headers: { ...delivery.headers, 'x-shopify-webhook-id': 'forged-1' },
        body: delivery.body.replace('buyer@example.com', 'thief@example.com'),
      });
      expect(tampered.status).toBe(401);
      expect(((await tampered.json()) as { error: { code: string; message: string } }).error.message).toMatch(
        /X-Shopify-Hmac-Sha256/i,
      );
      const other = await fetch(hookUrl, {
        method: 'POST',
        headers: { ...delivery.headers, 'x-shopify-topic': 'carts/update' },
        body: delivery.body,
      });
      expect(other.status).toBe(200);
      expect(await other.json()).toEqual({ ignored: true });
    });
  });
}
