import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { odooConnector } from './connector.js';
import {
  failure,
  numberIn,
  objectOf,
  protocols,
  sampleOrder,
  useOdooSimulator,
} from './testing/simulator-harness.js';

/**
 * Invoices, payments and credit notes against the Odoo simulator over real HTTP on 127.0.0.1,
 * through a credential whose allowed hosts name the simulator's host.
 */

const server = useOdooSimulator();
const { credential } = server;
const invoker = createConnectorInvoker([odooConnector]);

const order = sampleOrder('WEB-4001', { ref: 'CUST-0008', name: 'Lone Star Outfitters' }, [
  { sku: 'SKU-1009', quantity: '2', unitPrice: '14.50' },
  { sku: 'SKU-1029', quantity: '4', unitPrice: '5.50' },
]);

describe.each(protocols)('Odoo invoices, payments and credit notes over %s', (protocol) => {
  const run = async (type: string, input: unknown, config: Record<string, unknown> = {}, extra = {}) =>
    (await invoker.invoke(testCall({ type, input, config, credential: credential(protocol), ...extra })))
      .output;

  async function shippedOrder(): Promise<number> {
    const created = await run('odoo.createSaleOrder', order, { confirm: true });
    const deliveries = await run('odoo.getDeliveries', { orderNumber: order.number });
    const list = objectOf(deliveries).deliveries;
    await run('odoo.validateDelivery', {
      pickingId: numberIn(Array.isArray(list) ? list[0] : undefined, 'pickingId'),
    });
    return numberIn(created, 'orderId');
  }

  it('invoices a shipped order, posts it, takes the payment and reports it paid', async () => {
    const orderId = await shippedOrder();
    const draft = await run('odoo.createInvoice', { orderId });
    // 2 × 14.50 + 4 × 5.50 = 51.00, plus 15 % tax.
    expect(draft).toMatchObject({
      orderId,
      created: true,
      state: 'draft',
      amountTotal: '58.65',
      currency: 'USD',
    });
    const invoiceId = numberIn(draft, 'invoiceId');
    const posted = await run('odoo.postInvoice', { invoiceId });
    expect(posted).toMatchObject({
      invoiceId,
      state: 'posted',
      paymentState: 'not_paid',
      alreadyPosted: false,
      name: expect.stringMatching(/^INV\//),
    });
    expect(await run('odoo.postInvoice', { invoiceId })).toMatchObject({ alreadyPosted: true });

    const paid = await run('odoo.registerPayment', { invoiceId, date: '2026-03-05' }, { journal: 'BNK1' });
    expect(paid).toMatchObject({
      invoiceId,
      created: true,
      paymentState: 'paid',
      amountResidual: '0.00',
      paymentId: expect.any(Number),
    });
    expect(await run('odoo.getPaymentState', { invoiceId })).toMatchObject({
      paid: true,
      paymentState: 'paid',
      amountTotal: '58.65',
      amountResidual: '0.00',
    });
  });

  it('does not pay twice when the payment step runs again', async () => {
    const orderId = await shippedOrder();
    const invoiceId = numberIn(await run('odoo.createInvoice', { orderId }, { post: true }), 'invoiceId');
    const partial = await run(
      'odoo.registerPayment',
      { invoiceId, amount: '20.00' },
      {},
      { idempotencyKey: 'ex-9/pay' },
    );
    expect(partial).toMatchObject({ created: true, paymentState: 'partial', amountResidual: '38.65' });
    const again = await run(
      'odoo.registerPayment',
      { invoiceId, amount: '20.00' },
      {},
      { idempotencyKey: 'ex-9/pay' },
    );
    expect(again).toEqual({ ...objectOf(partial), created: false });
    expect(server.sim.records('account.payment')).toHaveLength(1);
  });

  it('returns the existing invoice when the order has nothing left to invoice', async () => {
    const orderId = await shippedOrder();
    const first = await run('odoo.createInvoice', { orderId }, { post: true });
    const again = await run('odoo.createInvoice', { orderNumber: order.number }, { post: true });
    expect(again).toEqual({ ...objectOf(first), created: false });
  });

  it('refuses to invoice an order that is not confirmed', async () => {
    const created = await run('odoo.createSaleOrder', order);
    expect(await failure(run('odoo.createInvoice', { orderId: numberIn(created, 'orderId') }))).toMatchObject(
      { kind: 'user', code: 'ODOO_ORDER_NOT_CONFIRMED' },
    );
  });

  it('credits a posted invoice once per reference, linked to the invoice it reverses', async () => {
    const orderId = await shippedOrder();
    const invoiceId = numberIn(await run('odoo.createInvoice', { orderId }, { post: true }), 'invoiceId');
    const input = { invoiceId, reference: 'RMA-0042', reason: 'Damaged in transit' };
    const note = await run('odoo.createCreditNote', input, { post: true });
    expect(note).toMatchObject({
      created: true,
      state: 'posted',
      reversedInvoiceId: invoiceId,
      amountTotal: '58.65',
    });
    expect(await run('odoo.createCreditNote', input, { post: true })).toEqual({
      ...objectOf(note),
      created: false,
    });
    const refunds = server.sim.records('account.move', [['move_type', '=', 'out_refund']]);
    expect(refunds.map((refund) => refund.reversed_entry_id)).toEqual([[invoiceId, expect.any(String)]]);
  });

  it('credits only the returned quantities when lines are given', async () => {
    const orderId = await shippedOrder();
    const invoiceId = numberIn(await run('odoo.createInvoice', { orderId }, { post: true }), 'invoiceId');
    const note = await run('odoo.createCreditNote', {
      invoiceId,
      reference: 'RMA-0043',
      lines: [{ sku: 'SKU-1029', quantity: '1' }],
    });
    // 1 × 5.50 plus 15 % tax.
    expect(note).toMatchObject({ created: true, state: 'draft', amountTotal: '6.33' });
  });

  it('refuses to credit an invoice that is not posted', async () => {
    const orderId = await shippedOrder();
    const invoiceId = numberIn(await run('odoo.createInvoice', { orderId }), 'invoiceId');
    expect(await failure(run('odoo.createCreditNote', { invoiceId }))).toMatchObject({
      kind: 'user',
      code: 'ODOO_INVOICE_NOT_POSTED',
    });
  });
});
