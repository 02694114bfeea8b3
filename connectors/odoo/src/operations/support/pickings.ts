import { Type } from '@sinclair/typebox';
import { QuantitySchema } from '@waybill/canonical';
import { userError } from '@waybill/connector-kit';
import type { OdooClient } from '../../client/odoo-client.js';
import { fromOdooQuantity } from '../../mapping/decimal.js';
import { idOf, many2oneOf, numberOf, type OdooRecord, recordsOf, textOf } from '../../mapping/odoo-values.js';
import { skusOf } from './products.js';

/**
 * The stock.picking fields a delivery is described by.
 *
 * @example
 * odoo.call('stock.picking', 'read', { ids: [5], fields: [...PICKING_FIELDS] });
 */
export const PICKING_FIELDS = [
  'id',
  'name',
  'state',
  'picking_type_code',
  'origin',
  'scheduled_date',
  'date_done',
  'backorder_id',
] as const;

/**
 * One stock move of a picking, with its SKU.
 *
 * @example
 * const move: PickingMove = { moveId: 9, productId: 1, sku: 'SKU-1001', demand: 5, quantity: 0, uom: 'Units', state: 'assigned' };
 */
export interface PickingMove {
  moveId: number;
  pickingId: number;
  productId: number;
  sku: string;
  /** What the move asks for (product_uom_qty). */
  demand: number;
  /** What is reserved or picked so far (quantity). */
  quantity: number;
  uom: string;
  state: string;
}

/**
 * Reads a picking, or fails with a user error naming it when it does not exist.
 *
 * @example
 * const picking = await readPicking(odoo, 5);
 */
export async function readPicking(odoo: OdooClient, pickingId: number): Promise<OdooRecord> {
  const [picking] = recordsOf(
    await odoo.call('stock.picking', 'search_read', {
      domain: [['id', '=', pickingId]],
      fields: [...PICKING_FIELDS],
      limit: 1,
    }),
  );
  if (!picking) {
    throw userError({
      code: 'ODOO_MISSING_RECORD',
      message: `Odoo has no transfer (stock.picking) with the id ${pickingId}; check the pickingId.`,
    });
  }
  return picking;
}

/**
 * The moves of some pickings with their SKUs, in Odoo's order.
 *
 * @example
 * const moves = await pickingMoves(odoo, [5]);
 */
export async function pickingMoves(odoo: OdooClient, pickingIds: readonly number[]): Promise<PickingMove[]> {
  if (pickingIds.length === 0) return [];
  const records = recordsOf(
    await odoo.call('stock.move', 'search_read', {
      domain: [['picking_id', 'in', [...pickingIds]]],
      fields: ['id', 'picking_id', 'product_id', 'product_uom_qty', 'quantity', 'product_uom', 'state'],
      order: 'id asc',
    }),
  );
  const skus = await skusOf(
    odoo,
    records.flatMap((record) => {
      const product = many2oneOf(record, 'product_id');
      return product ? [product.id] : [];
    }),
  );
  return records.map((record) => {
    const productId = many2oneOf(record, 'product_id')?.id ?? 0;
    return {
      moveId: idOf(record),
      pickingId: many2oneOf(record, 'picking_id')?.id ?? 0,
      productId,
      sku: skus.get(productId) ?? `#${productId}`,
      demand: numberOf(record, 'product_uom_qty'),
      quantity: numberOf(record, 'quantity'),
      uom: many2oneOf(record, 'product_uom')?.name || 'Units',
      state: textOf(record, 'state') ?? 'draft',
    };
  });
}

/**
 * The schema of a move as operations output it (see moveOutput).
 *
 * @example
 * outputSchema: Type.Object({ moves: Type.Array(PickingMoveSchema) })
 */
export const PickingMoveSchema = Type.Object({
  moveId: Type.Integer(),
  sku: Type.String(),
  productId: Type.Integer(),
  demand: QuantitySchema,
  quantity: QuantitySchema,
  uom: Type.String(),
  state: Type.String(),
});

/**
 * A move as output: quantities as decimal strings.
 *
 * @example
 * moveOutput(move); // { moveId: 9, sku: 'SKU-1001', productId: 1, demand: '5', quantity: '0', uom: 'Units', state: 'assigned' }
 */
export function moveOutput(move: PickingMove) {
  return {
    moveId: move.moveId,
    sku: move.sku,
    productId: move.productId,
    demand: fromOdooQuantity(move.demand),
    quantity: fromOdooQuantity(move.quantity),
    uom: move.uom,
    state: move.state,
  };
}

/**
 * The backorder Odoo created for the rest of a picking, if any.
 *
 * @example
 * await backorderOf(odoo, 5); // 6
 */
export async function backorderOf(odoo: OdooClient, pickingId: number): Promise<number | undefined> {
  const [backorder] = recordsOf(
    await odoo.call('stock.picking', 'search_read', {
      domain: [['backorder_id', '=', pickingId]],
      fields: ['id'],
      order: 'id desc',
      limit: 1,
    }),
  );
  return backorder ? idOf(backorder) : undefined;
}
