import { create, type Rec, record, search } from '../orm/records.js';
import type { Env } from '../orm/types.js';
import { convertUom } from './product.js';
import { lineUomField } from './sale-lines.js';
import { confirmMoves, reserveMoves, unreserveMoves } from './stock-logic.js';

const EPSILON = 1e-6;

/** Quantity already procured for a line (its unit): outgoing moves not cancelled, minus refunded returns. */
function procured(env: Env, line: Rec, uom: number | false): number {
  let total = 0;
  for (const move of line.list('move_ids')) {
    if (move.str('state') === 'cancel') continue;
    const quantity = convertUom(env, move.num('product_uom_qty'), move.m2o('product_uom'), uom);
    if (move.rel('location_dest_id')?.str('usage') === 'customer') total += quantity;
    else if (move.rel('location_id')?.str('usage') === 'customer' && move.bool('to_refund'))
      total -= quantity;
  }
  return total;
}

function openDelivery(env: Env, order: Rec, outTypeId: number): Rec {
  const existing = search(
    env,
    'stock.picking',
    [
      ['sale_id', '=', order.id],
      ['picking_type_id', '=', outTypeId],
      ['state', 'not in', ['done', 'cancel']],
    ],
    { order: 'id', limit: 1 },
  )[0];
  if (existing) return existing;
  const warehouse = order.rel('warehouse_id')!;
  const customers = search(env, 'stock.location', [['usage', '=', 'customer']], { limit: 1 })[0];
  return create(env, 'stock.picking', {
    picking_type_id: outTypeId,
    partner_id: order.m2o('partner_shipping_id') || order.m2o('partner_id'),
    origin: order.str('name'),
    sale_id: order.id,
    location_id: warehouse.m2o('lot_stock_id'),
    location_dest_id: customers?.id ?? false,
    move_type: order.str('picking_policy') || 'direct',
    company_id: order.m2o('company_id'),
  });
}

/**
 * `_action_launch_stock_rule`: brings each confirmed line's outgoing moves to its ordered quantity, adding to
 * the open delivery (or a new one, confirmed and reserved) or shrinking moves not yet done.
 */
export function launchProcurement(env: Env, lines: Rec[]): void {
  const touched = new Map<number, Rec>();
  for (const line of lines) {
    const order = line.rel('order_id');
    const product = line.rel('product_id');
    if (order?.str('state') !== 'sale' || !product || line.str('display_type')) continue;
    if (product.str('type') === 'service' || product.str('type') === 'combo') continue;
    const uom = line.m2o(lineUomField(env));
    const need = line.num('product_uom_qty') - procured(env, line, uom);
    const outTypeId = order.rel('warehouse_id')?.m2o('out_type_id');
    if (Math.abs(need) < EPSILON || !outTypeId) continue;
    if (need > 0) {
      const picking = openDelivery(env, order, outTypeId);
      create(env, 'stock.move', {
        picking_id: picking.id,
        product_id: product.id,
        product_uom_qty: need,
        product_uom: uom,
        sale_line_id: line.id,
        name: line.str('name') || product.name,
        warehouse_id: order.m2o('warehouse_id'),
        origin: order.str('name'),
        state: 'draft',
      });
      touched.set(picking.id, picking);
      continue;
    }
    let excess = -need;
    for (const move of line.list('move_ids').filter((m) => !['done', 'cancel'].includes(m.str('state')))) {
      if (excess <= EPSILON) break;
      const demand = move.num('product_uom_qty');
      const cut = Math.min(demand, excess);
      unreserveMoves(env, [move]);
      move.write(
        demand - cut <= EPSILON ? { product_uom_qty: 0, state: 'cancel' } : { product_uom_qty: demand - cut },
      );
      reserveMoves(env, [move]);
      excess -= cut;
    }
  }
  for (const picking of touched.values()) {
    const moves = record(env, 'stock.picking', picking.id).list('move_ids');
    confirmMoves(moves);
    reserveMoves(env, moves);
  }
}
