import { describe, expect, it } from 'vitest';
import { createOdooSimulator, type OdooSimulator } from '../simulator.js';
import { idsOf, jsonRpc, objectOf, recordsOf } from '../testing.js';

const productId = (sim: OdooSimulator, sku: string) =>
  Number(sim.records('product.product', [['default_code', '=', sku]])[0]?.id);
const partnerId = (sim: OdooSimulator, ref: string) =>
  Number(sim.records('res.partner', [['ref', '=', ref]])[0]?.id);
const quantIn = (sim: OdooSimulator, sku: string, location: string) =>
  sim.records('stock.quant', [
    ['product_id.default_code', '=', sku],
    ['location_id.complete_name', '=', location],
  ])[0];

function confirmedOrder(sim: OdooSimulator, lines: [string, number][], extra: Record<string, unknown> = {}) {
  const orderId = Number(
    sim.execute('sale.order', 'create', [
      {
        partner_id: partnerId(sim, 'CUST-0001'),
        client_order_ref: '#1001',
        ...extra,
        order_line: lines.map(([sku, qty]) => [
          0,
          0,
          { product_id: productId(sim, sku), product_uom_qty: qty },
        ]),
      },
    ]),
  );
  sim.execute('sale.order', 'action_confirm', [[orderId]]);
  const order = sim.records('sale.order', [['id', '=', orderId]])[0]!;
  const pickingId = Number(idsOf(order.picking_ids)[0]);
  return { orderId, pickingId, order };
}

const picking = (sim: OdooSimulator, id: number) => sim.records('stock.picking', [['id', '=', id]])[0]!;
const moves = (sim: OdooSimulator, pickingId: number) =>
  sim.records('stock.move', [['picking_id', '=', pickingId]]);

describe('sales orders and deliveries', () => {
  it('confirms an order into a ready delivery that reserves stock in the order warehouse', async () => {
    const sim = createOdooSimulator();
    const rpc = jsonRpc(sim.app);
    const orderId = await rpc.result('sale.order', 'create', [
      {
        partner_id: partnerId(sim, 'CUST-0001'),
        order_line: [
          [0, 0, { product_id: productId(sim, 'SKU-1001'), product_uom_qty: 10 }],
          [0, 0, { product_id: productId(sim, 'IPOD2008RED'), product_uom_qty: 5 }],
        ],
      },
    ]);
    expect(await rpc.result('sale.order', 'action_confirm', [[orderId]])).toBe(true);
    const [order] = recordsOf(
      await rpc.result('sale.order', 'read', [
        [orderId],
        ['name', 'state', 'picking_ids', 'delivery_status', 'partner_shipping_id'],
      ]),
    );
    expect(order).toMatchObject({
      name: 'S00001',
      state: 'sale',
      delivery_status: 'pending',
      partner_shipping_id: [expect.any(Number), 'Acme Retail Inc., Delivery Address'],
    });
    const delivery = picking(sim, Number(idsOf(order?.picking_ids)[0]));
    expect(delivery).toMatchObject({
      name: 'WH/OUT/00001',
      origin: 'S00001',
      state: 'assigned',
      picking_type_code: 'outgoing',
      location_id: [expect.any(Number), 'WH/Stock'],
    });
    expect(moves(sim, delivery.id).map((move) => [move.product_uom_qty, move.quantity, move.state])).toEqual([
      [10, 10, 'assigned'],
      [5, 2, 'partially_available'],
    ]);
    expect(quantIn(sim, 'SKU-1001', 'WH/Stock')).toMatchObject({
      quantity: 500,
      reserved_quantity: 10,
      available_quantity: 490,
    });
    const [box] = recordsOf(
      await rpc.result(
        'product.product',
        'read',
        [[productId(sim, 'SKU-1001')], ['qty_available', 'free_qty', 'virtual_available']],
        { context: { warehouse: 'Main Warehouse' } },
      ),
    );
    expect(box).toMatchObject({ qty_available: 500, free_qty: 490, virtual_available: 490 });
    const [east] = recordsOf(
      await rpc.result('product.product', 'read', [[productId(sim, 'SKU-1001')], ['free_qty']], {
        context: { warehouse: 2 },
      }),
    );
    expect(east?.free_qty).toBe(250);
  });

  it('reserves from the East warehouse when the order says so', () => {
    const sim = createOdooSimulator();
    const east = Number(sim.records('stock.warehouse', [['code', '=', 'WH2']])[0]?.id);
    const { pickingId } = confirmedOrder(sim, [['SKU-1004', 3]], { warehouse_id: east });
    expect(picking(sim, pickingId)).toMatchObject({
      name: 'WH2/OUT/00001',
      location_id: [expect.any(Number), 'WH2/Stock'],
    });
    expect(quantIn(sim, 'SKU-1004', 'WH2/Stock')?.reserved_quantity).toBe(3);
  });

  it('refuses to confirm a cancelled order and answers the cancel wizard without disable_cancel_warning', () => {
    const sim = createOdooSimulator();
    const { orderId, pickingId } = confirmedOrder(sim, [['SKU-1001', 1]]);
    const wizard = objectOf(sim.execute('sale.order', 'action_cancel', [[orderId]]));
    expect(wizard).toMatchObject({
      type: 'ir.actions.act_window',
      res_model: 'sale.order.cancel',
      context: { default_order_id: orderId },
    });
    expect(sim.records('sale.order', [['id', '=', orderId]])[0]?.state).toBe('sale');
    expect(
      sim.execute('sale.order', 'action_cancel', [[orderId]], { context: { disable_cancel_warning: true } }),
    ).toBe(true);
    expect(picking(sim, pickingId).state).toBe('cancel');
    expect(quantIn(sim, 'SKU-1001', 'WH/Stock')?.reserved_quantity).toBe(0);
    expect(() => sim.execute('sale.order', 'action_confirm', [[orderId]])).toThrow(
      'The following orders are not in a state requiring confirmation: S00001',
    );
  });

  it('validates a fully reserved delivery: stock leaves, the line is delivered', () => {
    const sim = createOdooSimulator();
    const { orderId, pickingId } = confirmedOrder(sim, [['SKU-1001', 10]]);
    expect(sim.execute('stock.picking', 'button_validate', [[pickingId]])).toBe(true);
    expect(picking(sim, pickingId)).toMatchObject({ state: 'done', date_done: expect.any(String) });
    expect(quantIn(sim, 'SKU-1001', 'WH/Stock')).toMatchObject({ quantity: 490, reserved_quantity: 0 });
    expect(sim.records('sale.order.line', [['order_id', '=', orderId]])[0]).toMatchObject({
      qty_delivered: 10,
    });
    expect(sim.records('sale.order', [['id', '=', orderId]])[0]?.delivery_status).toBe('full');
    expect(sim.execute('stock.picking', 'button_validate', [[pickingId]])).toBe(true);
  });

  it('answers the backorder wizard for a short delivery without skip_backorder and moves nothing', () => {
    const sim = createOdooSimulator();
    const { pickingId } = confirmedOrder(sim, [['SKU-1001', 10]]);
    const [move] = moves(sim, pickingId);
    sim.execute('stock.move', 'write', [[move?.id], { quantity: 4 }]);
    const action = objectOf(sim.execute('stock.picking', 'button_validate', [[pickingId]]));
    expect(action).toMatchObject({
      type: 'ir.actions.act_window',
      res_model: 'stock.backorder.confirmation',
      target: 'new',
      context: { default_pick_ids: [[4, pickingId]], button_validate_picking_ids: [pickingId] },
    });
    expect(picking(sim, pickingId).state).toBe('assigned');
    expect(quantIn(sim, 'SKU-1001', 'WH/Stock')?.quantity).toBe(500);
    // The wizard itself: "No Backorder" closes the rest.
    const wizardId = sim.execute('stock.backorder.confirmation', 'create', [{}], {
      context: objectOf(action.context),
    });
    expect(sim.execute('stock.backorder.confirmation', 'process_cancel_backorder', [[wizardId]])).toBe(true);
    expect(picking(sim, pickingId)).toMatchObject({ state: 'done', backorder_ids: [] });
    expect(moves(sim, pickingId).map((m) => [m.product_uom_qty, m.state])).toEqual([
      [4, 'done'],
      [6, 'cancel'],
    ]);
  });

  it('creates a backorder for the rest on a short validation with skip_backorder, moving only what shipped', async () => {
    const sim = createOdooSimulator();
    const rpc = jsonRpc(sim.app);
    const { orderId, pickingId } = confirmedOrder(sim, [
      ['SKU-1001', 10],
      ['SKU-1006', 2],
    ]);
    const [boxes] = moves(sim, pickingId);
    await rpc.result('stock.move', 'write', [[boxes?.id], { quantity: 4 }]);
    expect(
      await rpc.result('stock.picking', 'button_validate', [[pickingId]], {
        context: { skip_backorder: true },
      }),
    ).toBe(true);
    const done = picking(sim, pickingId);
    expect(done).toMatchObject({ state: 'done', backorder_ids: [expect.any(Number)] });
    const backorder = picking(sim, Number(idsOf(done.backorder_ids)[0]));
    expect(backorder).toMatchObject({
      name: 'WH/OUT/00002',
      origin: 'S00001',
      state: 'assigned',
      backorder_id: [pickingId, 'WH/OUT/00001'],
    });
    expect(moves(sim, backorder.id).map((m) => [m.product_id, m.product_uom_qty, m.quantity])).toEqual([
      [[productId(sim, 'SKU-1001'), '[SKU-1001] Corrugated Box 12x12x12'], 6, 6],
    ]);
    expect(quantIn(sim, 'SKU-1001', 'WH/Stock')).toMatchObject({ quantity: 496, reserved_quantity: 6 });
    expect(quantIn(sim, 'SKU-1006', 'WH/Stock')?.quantity).toBe(638);
    const lines = sim.records('sale.order.line', [['order_id', '=', orderId]]);
    expect(lines.map((line) => line.qty_delivered)).toEqual([4, 2]);
    expect(sim.records('sale.order', [['id', '=', orderId]])[0]).toMatchObject({
      delivery_status: 'partial',
      picking_ids: [pickingId, backorder.id],
    });
  });

  it('closes the rest without a backorder for pickings listed in picking_ids_not_to_backorder', () => {
    const sim = createOdooSimulator();
    const { pickingId } = confirmedOrder(sim, [['SKU-1001', 10]]);
    sim.execute('stock.move', 'write', [[moves(sim, pickingId)[0]?.id], { quantity: 7 }]);
    sim.execute('stock.picking', 'button_validate', [[pickingId]], {
      context: { skip_backorder: true, picking_ids_not_to_backorder: [pickingId] },
    });
    expect(picking(sim, pickingId)).toMatchObject({ state: 'done', backorder_ids: [] });
    expect(quantIn(sim, 'SKU-1001', 'WH/Stock')).toMatchObject({ quantity: 493, reserved_quantity: 0 });
  });

  it('returns delivered goods through stock.return.picking into an incoming picking back to stock', () => {
    const sim = createOdooSimulator();
    const { orderId, pickingId } = confirmedOrder(sim, [['SKU-1001', 10]]);
    sim.execute('stock.picking', 'button_validate', [[pickingId]]);
    const context = { active_id: pickingId, active_ids: [pickingId], active_model: 'stock.picking' };
    const wizardId = Number(sim.execute('stock.return.picking', 'create', [{}], { context }));
    const [line] = sim.records('stock.return.picking.line', [['wizard_id', '=', wizardId]]);
    expect(line).toMatchObject({ quantity: 10, to_refund: true });
    sim.execute('stock.return.picking.line', 'write', [[line?.id], { quantity: 3 }]);
    const action = objectOf(
      sim.execute('stock.return.picking', 'action_create_returns', [[wizardId]], { context }),
    );
    expect(action).toMatchObject({
      type: 'ir.actions.act_window',
      res_model: 'stock.picking',
      res_id: expect.any(Number),
    });
    const back = picking(sim, Number(action.res_id));
    expect(back).toMatchObject({
      name: 'WH/IN/00001',
      origin: 'Return of WH/OUT/00001',
      picking_type_code: 'incoming',
      state: 'assigned',
      return_id: [pickingId, 'WH/OUT/00001'],
      location_id: [expect.any(Number), 'Partners/Customers'],
      location_dest_id: [expect.any(Number), 'WH/Stock'],
    });
    sim.execute('stock.picking', 'button_validate', [[back.id]]);
    expect(quantIn(sim, 'SKU-1001', 'WH/Stock')?.quantity).toBe(493);
    expect(sim.records('sale.order.line', [['order_id', '=', orderId]])[0]?.qty_delivered).toBe(7);
  });

  it('names the return method create_returns on Odoo 17', () => {
    const sim = createOdooSimulator({ serverVersion: '17.0' });
    const { pickingId } = confirmedOrder(sim, [['SKU-1001', 2]]);
    sim.execute('stock.picking', 'button_validate', [[pickingId]]);
    const wizardId = sim.execute('stock.return.picking', 'create', [{}], {
      context: { active_id: pickingId, active_model: 'stock.picking' },
    });
    expect(() => sim.execute('stock.return.picking', 'action_create_returns', [[wizardId]])).toThrow(
      "The method 'stock.return.picking.action_create_returns' does not exist",
    );
    expect(objectOf(sim.execute('stock.return.picking', 'create_returns', [[wizardId]])).res_model).toBe(
      'stock.picking',
    );
  });

  it('adjusts stock through counted quantities and refuses direct quantity writes', () => {
    const sim = createOdooSimulator();
    const location = Number(sim.records('stock.location', [['complete_name', '=', 'WH/Stock']])[0]?.id);
    const product = productId(sim, 'SKU-1003');
    const quantId = sim.execute(
      'stock.quant',
      'create',
      [{ product_id: product, location_id: location, inventory_quantity: 12 }],
      { context: { inventory_mode: true } },
    );
    sim.execute('stock.quant', 'action_apply_inventory', [[quantId]]);
    expect(sim.records('stock.quant', [['id', '=', quantId]])[0]).toMatchObject({
      quantity: 12,
      inventory_quantity_set: false,
    });
    expect(sim.records('product.product', [['id', '=', product]])[0]?.qty_available).toBe(12);
    expect(() => sim.execute('stock.quant', 'write', [[quantId], { quantity: 99 }])).toThrow(
      "Quant's editing is restricted, you can't do this operation.",
    );
  });

  it('launches more delivery when a confirmed line quantity grows', () => {
    const sim = createOdooSimulator();
    const { orderId, pickingId } = confirmedOrder(sim, [['SKU-1001', 2]]);
    const [line] = sim.records('sale.order.line', [['order_id', '=', orderId]]);
    sim.execute('sale.order.line', 'write', [[line?.id], { product_uom_qty: 5 }]);
    expect(
      moves(sim, pickingId)
        .map((m) => m.product_uom_qty)
        .reduce((a, b) => Number(a) + Number(b), 0),
    ).toBe(5);
    expect(quantIn(sim, 'SKU-1001', 'WH/Stock')?.reserved_quantity).toBe(5);
  });
});
