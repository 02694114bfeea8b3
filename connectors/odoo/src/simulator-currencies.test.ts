import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { odooConnector } from './connector.js';
import { failure, numberIn, protocols, sampleOrder, useOdooSimulator } from './testing/simulator-harness.js';

/**
 * Orders in a currency other than the company's (USD) against the Odoo simulator over real HTTP:
 * the connector prices them through the pricelist in their currency, as real Odoo needs, and
 * refuses a currency Odoo has no pricelist for before creating anything.
 */

const server = useOdooSimulator();
const { credential } = server;
const invoker = createConnectorInvoker([odooConnector]);

const customer = { ref: 'CUST-0003', name: 'Contoso Pharmacy GmbH' };
const inCurrency = (number: string, currency: string) => ({
  ...sampleOrder(number, customer, [
    { sku: 'SKU-1001', quantity: '10', unitPrice: '2.20' },
    { sku: 'SKU-1006', quantity: '4', unitPrice: '1.75' },
  ]),
  currency,
});

describe.each(protocols)('odoo.createSaleOrder in another currency over %s', (protocol) => {
  const run = async (type: string, input: unknown, config: Record<string, unknown> = {}) =>
    (await invoker.invoke(testCall({ type, input, config, credential: credential(protocol) }))).output;

  it('books a EUR order on the EUR pricelist at the given unit prices, and invoices it in EUR', async () => {
    const created = await run('odoo.createSaleOrder', inCurrency('EU-5001', 'EUR'), { confirm: true });
    // 10 × 2.20 + 4 × 1.75 = 29.00, plus 15 % tax; no conversion of prices the order gives.
    expect(created).toMatchObject({ created: true, state: 'sale', currency: 'EUR', amountTotal: '33.35' });
    const orderId = numberIn(created, 'orderId');
    const [order] = server.sim.records('sale.order', [['id', '=', orderId]]);
    expect(order).toMatchObject({
      pricelist_id: [expect.any(Number), 'EUR Pricelist (EUR)'],
      currency_id: [expect.any(Number), 'EUR'],
      amount_untaxed: 29,
    });
    const lines = server.sim.records('sale.order.line', [['order_id', '=', orderId]]);
    expect(lines.map((line) => line.price_unit)).toEqual([2.2, 1.75]);

    expect(await run('odoo.createInvoice', { orderId })).toMatchObject({
      created: true,
      currency: 'EUR',
      amountTotal: '33.35',
    });
  });

  it('refuses an order in a currency without a pricelist before creating anything', async () => {
    const error = await failure(run('odoo.createSaleOrder', inCurrency('JP-5002', 'JPY')));
    expect(error).toMatchObject({ kind: 'user', code: 'ODOO_CURRENCY_MISMATCH' });
    expect(error.message).toContain('JPY');
    expect(server.sim.records('sale.order', [['client_order_ref', '=', 'JP-5002']])).toEqual([]);
    expect(server.sim.calls.some((call) => call.method === 'create')).toBe(false);
  });
});
