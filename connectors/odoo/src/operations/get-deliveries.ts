import { Type } from '@sinclair/typebox';
import { defineOperation } from '@waybill/connector-kit';
import { idOf, many2oneOf, recordsOf, textOf } from '../mapping/odoo-values.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { orderIdOf } from './support/orders.js';
import { moveOutput, PICKING_FIELDS, PickingMoveSchema, pickingMoves } from './support/pickings.js';

/**
 * Output of `odoo.getDeliveries`.
 *
 * @example
 * // { "orderId": 17, "deliveries": [{ "pickingId": 30, "name": "WH/OUT/00012", "state": "assigned", "kind": "outgoing",
 * //   "moves": [{ "moveId": 51, "sku": "SKU-1001", "demand": "5", "quantity": "5", ... }] }] }
 */
export const GetDeliveriesOutputSchema = Type.Object({
  orderId: Type.Integer(),
  deliveries: Type.Array(
    Type.Object({
      pickingId: Type.Integer(),
      name: Type.String(),
      state: Type.String({ description: 'draft, waiting, confirmed, assigned (ready), done or cancel.' }),
      kind: Type.String({
        description: 'outgoing for deliveries, incoming for returns, internal for transfers.',
      }),
      scheduledDate: Type.Optional(Type.String()),
      doneDate: Type.Optional(Type.String()),
      backorderOfId: Type.Optional(
        Type.Integer({ description: 'The picking this one is the backorder of.' }),
      ),
      moves: Type.Array(PickingMoveSchema),
    }),
  ),
});

/**
 * `odoo.getDeliveries`: lists the transfers (stock.picking) of a sale order with their moves:
 * what each asks for, what is reserved or picked, and their state. Three or four calls.
 *
 * @example
 * { "id": "deliveries", "type": "odoo.getDeliveries", "credential": "odoo-main", "config": {} }
 * // input: { "orderNumber": "#1005" } or { "orderId": 17 }
 */
export const getDeliveriesOperation = defineOperation({
  type: 'odoo.getDeliveries',
  title: 'Get deliveries of an order',
  description: 'Lists the deliveries (and returns) of an Odoo sale order with their moves and states.',
  icon: 'truck',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only; repeating it changes nothing.',
  configSchema: Type.Object(
    {
      includeCancelled: Type.Optional(
        Type.Boolean({ default: false, description: 'List cancelled transfers too.' }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      orderId: Type.Optional(Type.Integer({ minimum: 1, description: 'The sale.order id.' })),
      orderNumber: Type.Optional(
        Type.String({ minLength: 1, description: 'The channel order number (client_order_ref).' }),
      ),
    },
    { additionalProperties: true },
  ),
  outputSchema: GetDeliveriesOutputSchema,
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const odoo = odooFor(ctx);
    const orderId = await orderIdOf(odoo, ctx.input.orderId, ctx.input.orderNumber);
    const domain: unknown[] = [['sale_id', '=', orderId]];
    if (!(ctx.config.includeCancelled ?? false)) domain.push(['state', '!=', 'cancel']);
    const pickings = recordsOf(
      await odoo.call('stock.picking', 'search_read', {
        domain,
        fields: [...PICKING_FIELDS],
        order: 'id asc',
      }),
    );
    const moves = await pickingMoves(odoo, pickings.map(idOf));
    return {
      orderId,
      deliveries: pickings.map((picking) => {
        const scheduledDate = textOf(picking, 'scheduled_date');
        const doneDate = textOf(picking, 'date_done');
        const backorderOf = many2oneOf(picking, 'backorder_id');
        return {
          pickingId: idOf(picking),
          name: textOf(picking, 'name') ?? String(idOf(picking)),
          state: textOf(picking, 'state') ?? 'draft',
          kind: textOf(picking, 'picking_type_code') ?? 'outgoing',
          ...(scheduledDate ? { scheduledDate } : {}),
          ...(doneDate ? { doneDate } : {}),
          ...(backorderOf ? { backorderOfId: backorderOf.id } : {}),
          moves: moves.filter((move) => move.pickingId === idOf(picking)).map(moveOutput),
        };
      }),
    };
  },
});
