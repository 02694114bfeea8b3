import { describe, expect, it } from 'vitest';
import { createOdooSimulator, type OdooSimulator } from '../simulator.js';
import { idsOf, jsonRpc, manualClock, objectOf, recordsOf } from '../testing.js';

const productId = (sim: OdooSimulator, sku: string) =>
  Number(sim.records('product.product', [['default_code', '=', sku]])[0]?.id);

function confirmedOrder(sim: OdooSimulator, lines: [string, number][]) {
  const partner = Number(sim.records('res.partner', [['ref', '=', 'CUST-0005']])[0]?.id);
  const orderId = Number(
    sim.execute('sale.order', 'create', [
      {
        partner_id: partner,
        client_order_ref: 'PO-778',
        order_line: lines.map(([sku, qty]) => [
          0,
          0,
          { product_id: productId(sim, sku), product_uom_qty: qty },
        ]),
      },
    ]),
  );
  sim.execute('sale.order', 'action_confirm', [[orderId]]);
  return orderId;
}

const move = (sim: OdooSimulator, id: number) => sim.records('account.move', [['id', '=', id]])[0]!;
const order = (sim: OdooSimulator, id: number) => sim.records('sale.order', [['id', '=', id]])[0]!;

function invoiceOrder(sim: OdooSimulator, orderId: number): number {
  const context = { active_model: 'sale.order', active_ids: [orderId], active_id: orderId };
  const wizardId = sim.execute(
    'sale.advance.payment.inv',
    'create',
    [{ advance_payment_method: 'delivered' }],
    { context },
  );
  const action = objectOf(
    sim.execute('sale.advance.payment.inv', 'create_invoices', [[wizardId]], { context }),
  );
  expect(action).toMatchObject({
    type: 'ir.actions.act_window',
    res_model: 'account.move',
    res_id: expect.any(Number),
  });
  return Number(action.res_id);
}

function pay(sim: OdooSimulator, invoiceId: number, amount?: number): Record<string, unknown> {
  const context = { active_model: 'account.move', active_ids: [invoiceId] };
  const wizardId = sim.execute(
    'account.payment.register',
    'create',
    [amount === undefined ? {} : { amount }],
    { context },
  );
  return objectOf(
    sim.execute('account.payment.register', 'action_create_payments', [[wizardId]], { context }),
  );
}

describe('invoicing, payments and credit notes', () => {
  it('takes an invoice from the sales order wizard through posting to paid', async () => {
    const clock = manualClock('2026-03-02T09:00:00Z');
    const sim = createOdooSimulator({ now: clock.now });
    const rpc = jsonRpc(sim.app);
    const orderId = confirmedOrder(sim, [
      ['SKU-1001', 10],
      ['SKU-1006', 5],
    ]);
    const invoiceId = invoiceOrder(sim, orderId);
    expect(move(sim, invoiceId)).toMatchObject({
      name: '/',
      display_name: `Draft Invoice (* ${invoiceId})`,
      move_type: 'out_invoice',
      state: 'draft',
      payment_state: 'not_paid',
      invoice_origin: 'S00001',
      ref: 'PO-778',
      amount_untaxed: 33.5,
      amount_tax: 5.03,
      amount_total: 38.53,
      amount_residual: 38.53,
      currency_id: [expect.any(Number), 'USD'],
      partner_id: [expect.any(Number), 'Tulip Logistics B.V., Invoice Address'],
    });
    expect(order(sim, orderId)).toMatchObject({ invoice_status: 'invoiced', invoice_ids: [invoiceId] });
    expect(await rpc.result('account.move', 'action_post', [[invoiceId]])).toBe(false);
    expect(move(sim, invoiceId)).toMatchObject({
      name: 'INV/2026/00001',
      state: 'posted',
      invoice_date: '2026-03-02',
      payment_reference: 'INV/2026/00001',
    });

    const partial = pay(sim, invoiceId, 20);
    expect(partial).toMatchObject({ res_model: 'account.payment', res_id: expect.any(Number) });
    expect(move(sim, invoiceId)).toMatchObject({ payment_state: 'partial', amount_residual: 18.53 });
    pay(sim, invoiceId);
    expect(move(sim, invoiceId)).toMatchObject({ payment_state: 'paid', amount_residual: 0 });
    const payments = sim.records('account.payment');
    expect(payments.map((payment) => [payment.name, payment.amount, payment.state, payment.memo])).toEqual([
      ['PBNK1/2026/00001', 20, 'paid', 'INV/2026/00001'],
      ['PBNK1/2026/00002', 18.53, 'paid', 'INV/2026/00001'],
    ]);
    expect(payments[0]?.reconciled_invoice_ids).toEqual([invoiceId]);
  });

  it('shows in_payment for settled invoices when asked to, as Odoo does before bank matching', () => {
    const sim = createOdooSimulator({ invoicePaidState: 'in_payment', serverVersion: '17.0' });
    const invoiceId = invoiceOrder(sim, confirmedOrder(sim, [['SKU-1001', 1]]));
    sim.execute('account.move', 'action_post', [[invoiceId]]);
    pay(sim, invoiceId);
    expect(move(sim, invoiceId).payment_state).toBe('in_payment');
    expect(sim.records('account.payment')[0]).toMatchObject({ state: 'posted', ref: 'INV/2026/00001' });
  });

  it('invoices only what shipped for products invoiced on delivered quantities', () => {
    const sim = createOdooSimulator();
    const template = sim.records('product.product', [['default_code', '=', 'SKU-1001']])[0]?.product_tmpl_id;
    sim.execute('product.template', 'write', [
      [Array.isArray(template) ? template[0] : 0],
      { invoice_policy: 'delivery' },
    ]);
    const orderId = confirmedOrder(sim, [['SKU-1001', 10]]);
    expect(order(sim, orderId).invoice_status).toBe('no');
    expect(() => invoiceOrder(sim, orderId)).toThrow(
      'Cannot create an invoice. No items are available to invoice.',
    );
    const pickingId = idsOf(order(sim, orderId).picking_ids)[0];
    const [stockMove] = sim.records('stock.move', [['picking_id', '=', pickingId]]);
    sim.execute('stock.move', 'write', [[stockMove?.id], { quantity: 6 }]);
    sim.execute('stock.picking', 'button_validate', [[pickingId]], { context: { skip_backorder: true } });
    const invoiceId = invoiceOrder(sim, orderId);
    expect(
      sim.records('account.move.line', [['move_id', '=', invoiceId]]).map((line) => line.quantity),
    ).toEqual([6]);
    expect(sim.records('sale.order.line', [['order_id', '=', orderId]])[0]).toMatchObject({
      qty_invoiced: 6,
      qty_to_invoice: 0,
    });
  });

  it('creates a credit note from a posted invoice with the reversal wizard', () => {
    const sim = createOdooSimulator({ now: manualClock().now });
    const orderId = confirmedOrder(sim, [['SKU-1001', 10]]);
    const invoiceId = invoiceOrder(sim, orderId);
    sim.execute('account.move', 'action_post', [[invoiceId]]);
    const context = { active_model: 'account.move', active_ids: [invoiceId] };
    const wizardId = sim.execute(
      'account.move.reversal',
      'create',
      [{ reason: 'Damaged in transit', journal_id: 1 }],
      { context },
    );
    const action = objectOf(sim.execute('account.move.reversal', 'refund_moves', [[wizardId]]));
    const refundId = Number(action.res_id);
    expect(move(sim, refundId)).toMatchObject({
      move_type: 'out_refund',
      state: 'draft',
      display_name: `Draft Credit Note (* ${refundId})`,
      reversed_entry_id: [invoiceId, 'INV/2026/00001'],
      ref: 'Reversal of: INV/2026/00001, Damaged in transit',
      amount_total: 27.6,
      amount_total_signed: -27.6,
    });
    sim.execute('account.move', 'action_post', [[refundId]]);
    expect(move(sim, refundId).name).toBe('RINV/2026/00001');
    expect(move(sim, invoiceId)).toMatchObject({ reversal_move_ids: [refundId], payment_state: 'not_paid' });
    expect(sim.records('sale.order.line', [['order_id', '=', orderId]])[0]).toMatchObject({
      qty_invoiced: 0,
      qty_to_invoice: 10,
    });
    expect(order(sim, orderId).invoice_status).toBe('to invoice');
  });

  it('reverses and settles the original with modify_moves, leaving a new draft invoice', () => {
    const sim = createOdooSimulator();
    const invoiceId = invoiceOrder(sim, confirmedOrder(sim, [['SKU-1001', 2]]));
    sim.execute('account.move', 'action_post', [[invoiceId]]);
    const wizardId = sim.execute('account.move.reversal', 'create', [{ move_ids: [[6, 0, [invoiceId]]] }]);
    const action = objectOf(sim.execute('account.move.reversal', 'modify_moves', [[wizardId]]));
    expect(action).toMatchObject({
      res_model: 'account.move',
      domain: [['id', 'in', [expect.any(Number), expect.any(Number)]]],
    });
    expect(move(sim, invoiceId)).toMatchObject({ payment_state: 'reversed', amount_residual: 0 });
    const created = sim.records('account.move', [['id', '!=', invoiceId]]);
    expect(created.map((entry) => [entry.move_type, entry.state])).toEqual([
      ['out_refund', 'posted'],
      ['out_invoice', 'draft'],
    ]);
  });

  it('refuses to pay a draft invoice, to delete a posted one, and unreconciles on reset to draft', () => {
    const sim = createOdooSimulator();
    const invoiceId = invoiceOrder(sim, confirmedOrder(sim, [['SKU-1001', 1]]));
    const context = { active_model: 'account.move', active_ids: [invoiceId] };
    expect(() => sim.execute('account.payment.register', 'create', [{}], { context })).toThrow(
      'You can only register payment for posted journal entries.',
    );
    sim.execute('account.move', 'action_post', [[invoiceId]]);
    expect(() => sim.execute('account.move', 'action_post', [[invoiceId]])).toThrow(
      `The entry INV/2026/00001 (id ${invoiceId}) is already posted.`,
    );
    pay(sim, invoiceId);
    expect(() => sim.execute('account.payment.register', 'create', [{}], { context })).toThrow(
      "You can't register a payment because there is nothing left to pay",
    );
    sim.execute('account.move', 'button_draft', [[invoiceId]]);
    expect(move(sim, invoiceId)).toMatchObject({
      state: 'draft',
      name: 'INV/2026/00001',
      amount_residual: 2.76,
    });
    sim.execute('account.move', 'action_post', [[invoiceId]]);
    expect(move(sim, invoiceId).name).toBe('INV/2026/00001');
    expect(() => sim.execute('account.move', 'unlink', [[invoiceId]])).toThrow(
      'You cannot delete an entry which has been posted once.',
    );
  });

  it('keeps read access for the read-only user but refuses the invoicing wizard action', async () => {
    const sim = createOdooSimulator();
    const orderId = confirmedOrder(sim, [['SKU-1001', 1]]);
    const rpc = jsonRpc(sim.app);
    const readOnly = { uid: 6, password: 'readonly' };
    const context = { active_model: 'sale.order', active_ids: [orderId] };
    const wizard = await rpc.execute('sale.advance.payment.inv', 'create', [{}], { context }, readOnly);
    const run = await rpc.execute(
      'sale.advance.payment.inv',
      'create_invoices',
      [[wizard.body.result]],
      { context },
      readOnly,
    );
    expect(JSON.stringify(run.body)).toContain(
      "You are not allowed to create 'Journal Entry' (account.move) records.",
    );
    expect(
      recordsOf(
        (await rpc.execute('account.move', 'search_read', [[]], { fields: ['name'] }, readOnly)).body.result,
      ),
    ).toEqual([]);
  });
});
