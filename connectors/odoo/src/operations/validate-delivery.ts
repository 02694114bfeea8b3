import { Type } from '@sinclair/typebox';
import { QuantitySchema } from '@waybill/canonical';
import { defineOperation, userError } from '@waybill/connector-kit';
import { formatScaled, fromOdooQuantity, parseScaled, toOdooNumber } from '../mapping/decimal.js';
import { isWizardAction, textOf } from '../mapping/odoo-values.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { backorderOf, type PickingMove, pickingMoves, readPicking } from './support/pickings.js';

/**
 * Output of `odoo.validateDelivery`.
 *
 * @example
 * // { "pickingId": 30, "name": "WH/OUT/00012", "state": "done", "backorderId": 31, "alreadyDone": false }
 */
export const ValidateDeliveryOutputSchema = Type.Object({
  pickingId: Type.Integer(),
  name: Type.String(),
  state: Type.String(),
  backorderId: Type.Optional(
    Type.Integer({ description: 'The transfer holding what was not shipped, if any.' }),
  ),
  alreadyDone: Type.Boolean({ description: 'True when the transfer was validated before this call.' }),
});

/**
 * `odoo.validateDelivery`: sets the shipped quantities on a transfer's moves (from the input, or
 * every demanded quantity) and validates it without any wizard (`skip_backorder`): a partial
 * shipment leaves a backorder for the rest, unless `backorder` is false. A transfer already done
 * is reported, not validated again. Five to seven calls.
 *
 * @example
 * { "id": "ship", "type": "odoo.validateDelivery", "credential": "odoo-main", "config": {} }
 * // input: { "pickingId": 30, "lines": [{ "sku": "SKU-1001", "quantity": "3" }] }
 */
export const validateDeliveryOperation = defineOperation({
  type: 'odoo.validateDelivery',
  title: 'Validate delivery',
  description:
    'Books the shipped quantities on an Odoo delivery and validates it; a partial shipment leaves a backorder.',
  icon: 'package-check',
  effect: 'write',
  idempotency: 'lookup-before-create',
  idempotencyNote:
    'Reads the transfer first: one already done is reported with its backorder instead of validated again.',
  configSchema: Type.Object(
    {
      backorder: Type.Optional(
        Type.Boolean({
          default: true,
          description: 'Keep what was not shipped in a backorder; false cancels the rest instead.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      pickingId: Type.Integer({ minimum: 1, description: 'The stock.picking id (see odoo.getDeliveries).' }),
      lines: Type.Optional(
        Type.Array(
          Type.Object(
            { sku: Type.String({ minLength: 1 }), quantity: QuantitySchema },
            { additionalProperties: true },
          ),
          { description: 'Quantities shipped per SKU; every demanded quantity when absent.' },
        ),
      ),
    },
    { additionalProperties: true },
  ),
  outputSchema: ValidateDeliveryOutputSchema,
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const odoo = odooFor(ctx);
    const { pickingId } = ctx.input;
    const picking = await readPicking(odoo, pickingId);
    const name = textOf(picking, 'name') ?? String(pickingId);
    if (picking.state === 'done') {
      const backorderId = await backorderOf(odoo, pickingId);
      return { pickingId, name, state: 'done', ...(backorderId ? { backorderId } : {}), alreadyDone: true };
    }
    if (picking.state === 'cancel') {
      throw userError({
        code: 'ODOO_PICKING_CANCELLED',
        message: `The transfer ${name} is cancelled and cannot be validated.`,
      });
    }
    if (picking.state === 'draft') await odoo.call('stock.picking', 'action_confirm', { ids: [pickingId] });
    // Reserving first makes Odoo pick the stock it would pick itself (lots, locations).
    if (picking.state !== 'assigned') await odoo.call('stock.picking', 'action_assign', { ids: [pickingId] });

    const moves = (await pickingMoves(odoo, [pickingId])).filter(
      (move) => move.state !== 'done' && move.state !== 'cancel',
    );
    const plan = shippedQuantities(moves, ctx.input.lines, name);
    for (const [move, quantity] of plan) {
      await odoo.call('stock.move', 'write', {
        ids: [move.moveId],
        vals: { quantity: toOdooNumber(quantity), picked: parseScaled(quantity) > 0n },
      });
    }
    const backorder = ctx.config.backorder ?? true;
    const result = await odoo.call('stock.picking', 'button_validate', {
      ids: [pickingId],
      context: {
        skip_backorder: true,
        skip_sms: true,
        ...(backorder ? {} : { picking_ids_not_to_backorder: [pickingId] }),
      },
    });
    if (isWizardAction(result)) {
      throw userError({
        code: 'ODOO_WIZARD_REQUIRED',
        message: `Odoo wants someone to confirm the validation of ${name} in a dialog (${String(result.res_model ?? result.name ?? 'a wizard')}); validate it in Odoo.`,
      });
    }
    const after = await readPicking(odoo, pickingId);
    const backorderId = await backorderOf(odoo, pickingId);
    return {
      pickingId,
      name,
      state: textOf(after, 'state') ?? 'done',
      ...(backorderId ? { backorderId } : {}),
      alreadyDone: false,
    };
  },
});

/**
 * The quantity each open move ships: its whole demand without input lines, otherwise the SKU's
 * quantity spread over that SKU's moves in order (the last one takes any excess, as Odoo allows
 * shipping more than demanded). Moves of SKUs not listed ship nothing.
 *
 * @example
 * shippedQuantities([move5OfSku1], [{ sku: 'SKU-1001', quantity: '3' }], 'WH/OUT/00012'); // [[move5OfSku1, '3']]
 */
export function shippedQuantities(
  moves: readonly PickingMove[],
  lines: readonly { sku: string; quantity: string }[] | undefined,
  pickingName: string,
): [PickingMove, string][] {
  if (moves.length === 0) {
    throw userError({
      code: 'ODOO_NOTHING_TO_SHIP',
      message: `The transfer ${pickingName} has no open moves to ship.`,
    });
  }
  if (lines === undefined) return moves.map((move) => [move, fromOdooQuantity(move.demand)]);
  const wanted = new Map<string, bigint>();
  for (const line of lines) wanted.set(line.sku, (wanted.get(line.sku) ?? 0n) + parseScaled(line.quantity));
  const unknown = [...wanted.keys()].filter((sku) => !moves.some((move) => move.sku === sku));
  if (unknown.length > 0) {
    throw userError({
      code: 'ODOO_SKU_NOT_IN_DELIVERY',
      message: `The transfer ${pickingName} has no move for ${unknown.map((sku) => `"${sku}"`).join(', ')}; ship only what it contains.`,
      details: { unknown },
    });
  }
  const plan: [PickingMove, string][] = [];
  for (const move of moves) {
    const rest = wanted.get(move.sku) ?? 0n;
    const isLast = !moves.some((other) => other.sku === move.sku && other.moveId > move.moveId);
    const demand = parseScaled(fromOdooQuantity(move.demand));
    const take = isLast ? rest : rest < demand ? rest : demand;
    wanted.set(move.sku, rest - take);
    plan.push([move, formatScaled(take)]);
  }
  if (plan.every(([, quantity]) => parseScaled(quantity) === 0n)) {
    throw userError({
      code: 'ODOO_NOTHING_TO_SHIP',
      message: `Every quantity for ${pickingName} is zero; nothing would ship.`,
    });
  }
  return plan;
}
