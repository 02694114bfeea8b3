import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { odooConnector } from './connector.js';
import {
  numberIn,
  objectOf,
  sampleOrder,
  useOdooSimulator,
  withoutDatabase,
} from './testing/simulator-harness.js';

/**
 * The whole order-to-credit cycle against the simulator impersonating Odoo 17, 18 and 19 over
 * JSON-RPC: the field and method names that changed between versions (stock.return.picking's
 * create_returns, account.payment's ref/memo, sale.order.line's unit field) are found at run time.
 */

const invoker = createConnectorInvoker([odooConnector]);
const versions = ['17.0', '18.0', '19.0'] as const;
// Odoo 19 renamed sale.order.line's unit field.
const UOM_FIELD = { '17.0': 'product_uom', '18.0': 'product_uom', '19.0': 'product_uom_id' } as const;

describe.each(versions)('the order-to-credit cycle on Odoo %s', (serverVersion) => {
  // A fresh simulator per version, and a single test on it: nothing to reset.
  const server = useOdooSimulator({ serverVersion, resetEachTest: false });
  const rpc = () => server.credential('jsonrpc', 'admin', `odoo-${serverVersion}`);
  const run = async (type: string, input: unknown, config: Record<string, unknown> = {}) =>
    (await invoker.invoke(testCall({ type, input, config, credential: rpc() }))).output;

  it('sells in another unit, ships, returns, invoices, takes payment and credits', async () => {
    const order = sampleOrder(
      `EDI-${serverVersion}`,
      { ref: 'CUST-0010', name: 'Windy City Wholesale' },
      [
        { sku: 'SKU-1022', quantity: '2', uom: 'Dozens', unitPrice: '9.60' },
        { sku: 'SKU-1033', quantity: '3', unitPrice: '3.90' },
      ],
      'edi',
    );
    const created = await run('odoo.createSaleOrder', order, { confirm: true });
    expect(created).toMatchObject({ created: true, state: 'sale' });
    const orderId = numberIn(created, 'orderId');
    const [line] = server.sim.records('sale.order.line', [['order_id', '=', orderId]]);
    expect(line?.[UOM_FIELD[serverVersion]]).toEqual([expect.any(Number), 'Dozens']);

    const deliveries = objectOf(await run('odoo.getDeliveries', { orderId })).deliveries;
    const pickingId = numberIn(Array.isArray(deliveries) ? deliveries[0] : undefined, 'pickingId');
    expect(await run('odoo.validateDelivery', { pickingId })).toMatchObject({ state: 'done' });
    expect(
      await run('odoo.createReturn', { pickingId, lines: [{ sku: 'SKU-1033', quantity: '1' }] }),
    ).toMatchObject({
      created: true,
      moves: [{ sku: 'SKU-1033', demand: '1' }],
    });

    const invoice = await run('odoo.createInvoice', { orderId }, { post: true });
    expect(invoice).toMatchObject({ created: true, state: 'posted' });
    const invoiceId = numberIn(invoice, 'invoiceId');
    const paid = await run('odoo.registerPayment', { invoiceId, amount: '10.00' });
    expect(paid).toMatchObject({ created: true, paymentState: 'partial', paymentId: expect.any(Number) });
    expect(await run('odoo.registerPayment', { invoiceId, amount: '10.00' })).toMatchObject({
      created: false,
    });
    expect(
      await run('odoo.createCreditNote', { invoiceId, reference: 'RMA-1' }, { post: true }),
    ).toMatchObject({
      created: true,
      state: 'posted',
    });
  });
});

describe.each(['17.0', '18.0'] as const)('a JSON-2 credential on Odoo %s', (serverVersion) => {
  const server = useOdooSimulator({ serverVersion, resetEachTest: false });

  it('tells a JSON-2 credential that this server has no JSON-2 API', async () => {
    const json2 = withoutDatabase(server.credential('json2', 'admin', `odoo-json2-${serverVersion}`));
    const result = await invoker.testCredential(json2, new AbortController().signal);
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(
        /has no JSON-2 API \(it needs Odoo 19 or later\); use an "Odoo \(JSON-RPC\)" credential/,
      ),
    });
  });
});
