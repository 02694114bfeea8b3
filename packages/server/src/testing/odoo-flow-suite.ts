import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningOdooSimulator } from '@waybill/connector-odoo/simulator';
import { startOdooSimulator } from '@waybill/connector-odoo/simulator';
import { createPoller } from '@waybill/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { odooSimCredential } from './simulator-credentials.js';
import { type Backend, createTestRuntime, type TestRuntime } from './test-runtime.js';
import { repoRoot } from './waybill-processes.js';

const flowDir = join(repoRoot, 'flows/shopify-order-to-odoo');
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

/**
 * The example flow "Shopify order to Odoo sale order" as a deployed service: a Shopify webhook in,
 * a confirmed sale order in the Odoo simulator (reached over HTTP by the credential's URL), once
 * per order however often it is delivered. Runs on both backends.
 */
export function describeOdooFlowSuite(backend: Backend) {
  describe(`Shopify order to Odoo on ${backend}`, () => {
    let t: TestRuntime;
    let odoo: RunningOdooSimulator;
    beforeAll(async () => {
      t = await createTestRuntime(backend);
      odoo = await startOdooSimulator();
      const credential = odooSimCredential(odoo.url);
      expect((await t.call('POST', '/api/credentials', credential)).status).toBe(201);
      const definition = await readJson(join(flowDir, 'flow.json'));
      expect(
        (await t.call('POST', '/api/flows', { id: definition.id, name: definition.name, definition })).status,
      ).toBe(201);
      expect((await t.call('POST', `/api/flows/${definition.id}/deployments`, { revision: 1 })).status).toBe(
        201,
      );
    });
    afterAll(async () => {
      await odoo?.close();
      await t?.close();
    });

    const deliver = (body: unknown, webhookId: string) =>
      t.call('POST', '/hooks/shopify-order-to-odoo', body, {
        'x-shopify-webhook-id': webhookId,
        'x-shopify-topic': 'orders/create',
      });

    it('creates and confirms one Odoo sale order per Shopify order, however often it is delivered', async () => {
      const { body } = await readJson(join(flowDir, 'tests/new-order/input.json'));
      const first = await deliver(body, 'wh-1');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ order: '#1005', state: 'sale', created: true });
      // Shopify's retry of the same delivery is answered from the first execution.
      const retry = await deliver(body, 'wh-1');
      expect(retry.status).toBe(200);
      // A second delivery of the same order (another webhook id) finds the order Odoo already has.
      const again = await deliver(body, 'wh-2');
      expect(again.body).toMatchObject({ order: '#1005', odooOrder: first.body.odooOrder, created: false });

      const orders = odoo.sim.records('sale.order', [['client_order_ref', '=', '#1005']]);
      expect(orders).toHaveLength(1);
      expect(orders[0]).toMatchObject({ state: 'sale' });
      const pickings = odoo.sim.records('stock.picking', [['origin', '=', first.body.odooOrder]]);
      expect(pickings).toHaveLength(1);

      // The reply goes out before the execution's final write; both end as succeeded.
      const list = await t.call('GET', '/api/executions?flowId=shopify-order-to-odoo&businessKey=%231005');
      const ended = await Promise.all(
        list.body.items.map((e: { id: string }) => t.waitForExecution(e.id, ['succeeded', 'failed'])),
      );
      expect(ended.map((e) => e.status)).toEqual(['succeeded', 'succeeded']);
    });

    it('fails an order with an unknown SKU at the Odoo node with a sentence, creating nothing', async () => {
      const { body } = await readJson(join(flowDir, 'tests/unknown-sku/input.json'));
      // The flow failed before its Respond node, so the caller gets the plain acceptance.
      const res = await deliver(body, 'wh-unknown');
      expect(res.status).toBe(202);
      const detail = await t.waitForExecution(res.body.executionId, ['succeeded', 'failed']);
      expect(detail.error).toMatchObject({ nodeId: 'create_order', code: 'ODOO_UNKNOWN_SKU', kind: 'user' });
      expect(detail.error?.message).toContain('NOT-IN-ODOO');
      expect(odoo.sim.records('sale.order', [['client_order_ref', '=', '#1006']])).toHaveLength(0);
    });

    it('polls Odoo for changed contacts and, after a restart, resumes from the stored cursor', async () => {
      let simClock = Date.parse('2026-06-01T10:00:00Z');
      const polled = await startOdooSimulator({ now: () => new Date(simClock) });
      try {
        const credential = {
          id: 'odoo-polled',
          type: 'odoo-json2',
          name: 'Polled Odoo',
          values: { url: polled.url, apiKey: 'sim-admin-key', database: 'waybill' },
          allowedHosts: ['127.0.0.1'],
        };
        expect((await t.call('POST', '/api/credentials', credential)).status).toBe(201);
        const definition = {
          schemaVersion: 1,
          id: 'odoo-contact-changes',
          name: 'Odoo contact changes',
          trigger: {
            type: 'odoo.modelChanged',
            credential: 'odoo-polled',
            config: { model: 'res.partner', fields: ['name', 'email'], intervalSeconds: 60 },
            businessKey: 'record.name',
          },
          nodes: [{ id: 'seen', type: 'core.transform', config: { expression: 'record.email' } }],
          edges: [{ from: 'trigger', to: 'seen' }],
        };
        expect(
          (await t.call('POST', '/api/flows', { id: definition.id, name: definition.name, definition }))
            .status,
        ).toBe(201);
        expect(
          (await t.call('POST', `/api/flows/${definition.id}/deployments`, { revision: 1 })).status,
        ).toBe(201);

        let clock = Date.parse('2026-06-01T11:00:00Z');
        const poller = () =>
          createPoller({ ...t.deps, connectors: t.invoker, secrets: t.secrets, now: () => clock });
        // The first poll only notes where Odoo is: the 20 seeded contacts are not news.
        expect(await poller().tick()).toBe(0);

        simClock += 5000;
        polled.sim.execute('res.partner', 'create', [
          { name: 'Fabrikam Supply', email: 'orders@fabrikam.example' },
        ]);
        clock += 61_000;
        // A new poller is a restart: it starts from the cursor in the database.
        expect(await poller().tick()).toBe(1);

        simClock += 5000;
        const [id] = polled.sim.execute('res.partner', 'search', [
          [['name', '=', 'Fabrikam Supply']],
        ]) as number[];
        polled.sim.execute('res.partner', 'write', [[id], { email: 'purchasing@fabrikam.example' }]);
        clock += 61_000;
        const again = poller();
        expect(await again.tick()).toBe(1);
        clock += 61_000;
        expect(await again.tick()).toBe(0);

        const runs = (await t.store.executions.list({ flowId: definition.id })).items;
        expect(runs.map((run) => run.businessKey)).toEqual(['Fabrikam Supply', 'Fabrikam Supply']);
        for (const run of runs) expect((await t.waitForExecution(run.id)).status).toBe('succeeded');
      } finally {
        await polled.close();
      }
    });

    it('never writes the Odoo API key into execution history', async () => {
      const list = await t.call('GET', '/api/executions?flowId=shopify-order-to-odoo');
      expect(list.body.items.length).toBeGreaterThan(0);
      for (const item of list.body.items) {
        const detail = await t.call('GET', `/api/executions/${item.id}`);
        expect(JSON.stringify(detail.body)).not.toContain('sim-admin-key');
      }
    });
  });
}
