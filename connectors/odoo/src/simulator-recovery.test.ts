import { createConnectorInvoker, type ResolvedCredential } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { odooConnector } from './connector.js';
import { failure, protocols, sampleOrder, useOdooSimulator } from './testing/simulator-harness.js';

/**
 * What happens when things go wrong between Waybill and Odoo: an answer lost after Odoo committed,
 * and credentials Odoo refuses. Over real HTTP against the simulator.
 */

const server = useOdooSimulator();
const { credential } = server;
const invoker = createConnectorInvoker([odooConnector]);

describe.each(protocols)('Odoo recovery over %s', (protocol) => {
  it('leaves exactly one sale order when Odoo committed it but the answer was lost and the node retried', async () => {
    const order = sampleOrder('WEB-LOST-1', { ref: 'CUST-0003', name: 'Contoso Wholesale' }, [
      { sku: 'SKU-1002', quantity: '3', unitPrice: '4.10' },
    ]);
    const call = () =>
      invoker.invoke(
        testCall({
          type: 'odoo.createSaleOrder',
          input: order,
          config: { confirm: true },
          credential: credential(protocol),
        }),
      );
    // A proxy in front of Odoo gives up (504) while Odoo finishes creating the order.
    server.sim.failNext({
      kind: 'timeout-after-commit',
      matchModel: 'sale.order',
      matchMethod: 'create',
      hangMs: 50,
    });
    const lost = await failure(call());
    expect(lost).toMatchObject({ retryable: true });
    expect(server.sim.records('sale.order', [['client_order_ref', '=', 'WEB-LOST-1']])).toHaveLength(1);

    // The engine's retry of the node: the lookup finds the order, confirms it, creates nothing.
    const retried = await call();
    expect(retried.output).toMatchObject({ created: false, state: 'sale' });
    const orders = server.sim.records('sale.order', [['client_order_ref', '=', 'WEB-LOST-1']]);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ state: 'sale' });
  });

  it('tests a credential with a wrong key or password and says so in a sentence', async () => {
    const good = credential(protocol);
    const wrong: ResolvedCredential =
      protocol === 'jsonrpc'
        ? { ...good, id: 'odoo-wrong-password', values: { ...good.values, password: 'not-the-password' } }
        : { ...good, id: 'odoo-wrong-key', values: { ...good.values, apiKey: 'not-a-key' } };
    const result = await invoker.testCredential(wrong, new AbortController().signal);
    expect(result?.ok).toBe(false);
    expect(result?.message).toMatch(/^[A-Z].+\.$/);
    expect(result?.message).toMatch(/refused the login|did not accept the API key/);
    expect(result?.message).toMatch(/check the/);
    expect(result?.message).not.toContain('not-the-password');
    expect(result?.message).not.toContain('not-a-key');
  });
});
