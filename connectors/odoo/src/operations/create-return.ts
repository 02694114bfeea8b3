import { Type } from '@sinclair/typebox';
import { QuantitySchema } from '@waybill/canonical';
import { defineOperation, userError } from '@waybill/connector-kit';
import type { OdooClient } from '../client/odoo-client.js';
import { compareDecimals, fromOdooQuantity, sumDecimals, toOdooNumber } from '../mapping/decimal.js';
import {
  actionResId,
  idOf,
  many2oneOf,
  numberOf,
  recordsOf,
  textOf,
  x2manyOf,
} from '../mapping/odoo-values.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { moveOutput, PickingMoveSchema, pickingMoves, readPicking } from './support/pickings.js';
import { spreadBySku } from './support/quantities.js';
import { runWizard } from './support/wizards.js';

const LineSchema = Type.Object(
  { sku: Type.String({ minLength: 1 }), quantity: QuantitySchema },
  { additionalProperties: true },
);

/**
 * `odoo.createReturn`: creates the return transfer of a delivered picking through Odoo's
 * "Return" wizard (`stock.return.picking`), for the quantities given or everything delivered.
 * The return is left ready to receive; validate it with odoo.validateDelivery when the goods
 * arrive. A return of the same picking with the same quantities is found instead of created
 * again. Six to nine calls.
 *
 * @example
 * { "id": "rma", "type": "odoo.createReturn", "credential": "odoo-main", "config": {} }
 * // input: { "pickingId": 30, "lines": [{ "sku": "SKU-1001", "quantity": "1" }] }
 */
export const createReturnOperation = defineOperation({
  type: 'odoo.createReturn',
  title: 'Create return',
  description: 'Creates the return transfer for goods a customer sends back from an Odoo delivery.',
  icon: 'undo-2',
  effect: 'write',
  idempotency: 'lookup-before-create',
  idempotencyNote:
    'Looks for an open return of the same delivery with the same quantities per SKU before creating one.',
  configSchema: Type.Object({}, { additionalProperties: false }),
  inputSchema: Type.Object(
    {
      pickingId: Type.Integer({ minimum: 1, description: 'The delivered stock.picking id.' }),
      lines: Type.Optional(
        Type.Array(LineSchema, {
          minItems: 1,
          description: 'Quantities returned per SKU; all delivered when absent.',
        }),
      ),
    },
    { additionalProperties: true },
  ),
  outputSchema: Type.Object({
    returnPickingId: Type.Integer(),
    name: Type.String(),
    state: Type.String(),
    created: Type.Boolean(),
    moves: Type.Array(PickingMoveSchema),
  }),
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const odoo = odooFor(ctx);
    const { pickingId } = ctx.input;
    const picking = await readPicking(odoo, pickingId);
    const name = textOf(picking, 'name') ?? String(pickingId);
    if (picking.state !== 'done') {
      throw userError({
        code: 'ODOO_PICKING_NOT_DONE',
        message: `The transfer ${name} is not done yet; only delivered goods can be returned.`,
      });
    }
    const delivered = (await pickingMoves(odoo, [pickingId])).filter((move) => move.state === 'done');
    const requested =
      ctx.input.lines ??
      delivered.map((move) => ({ sku: move.sku, quantity: fromOdooQuantity(move.quantity) }));

    const existing = await matchingReturn(odoo, pickingId, requested);
    if (existing) return { ...existing, created: false };

    const action = await runWizard(odoo, {
      model: 'stock.return.picking',
      buttons: ['action_create_returns', 'create_returns'],
      context: { active_id: pickingId, active_ids: [pickingId], active_model: 'stock.picking' },
      values: { picking_id: pickingId },
      prepare: async (wizardId) => {
        const [wizard] = recordsOf(
          await odoo.call('stock.return.picking', 'read', {
            ids: [wizardId],
            fields: ['product_return_moves'],
          }),
        );
        const lineIds = wizard ? x2manyOf(wizard, 'product_return_moves') : [];
        const lines = recordsOf(
          await odoo.call('stock.return.picking.line', 'read', {
            ids: lineIds,
            fields: ['product_id', 'move_id', 'quantity'],
          }),
        );
        const rows = lines.map((line) => {
          const move = delivered.find((candidate) => candidate.moveId === many2oneOf(line, 'move_id')?.id);
          return {
            sku: move?.sku ?? `#${many2oneOf(line, 'product_id')?.id ?? 0}`,
            limit: fromOdooQuantity(move?.quantity ?? numberOf(line, 'quantity')),
          };
        });
        const quantities = spreadBySku(rows, requested, `the delivery ${name}`);
        const commands = lines.map((line, index) => [
          1,
          idOf(line),
          { quantity: toOdooNumber(quantities[index] ?? '0') },
        ]);
        await odoo.call('stock.return.picking', 'write', {
          ids: [wizardId],
          vals: { product_return_moves: commands },
        });
      },
    });
    const returnPickingId = actionResId(action);
    if (returnPickingId === undefined) {
      throw userError({
        code: 'ODOO_RETURN_NOT_CREATED',
        message: `Odoo did not create a return for ${name}.`,
      });
    }
    const created = await readPicking(odoo, returnPickingId);
    const moves = await pickingMoves(odoo, [returnPickingId]);
    return {
      returnPickingId,
      name: textOf(created, 'name') ?? String(returnPickingId),
      state: textOf(created, 'state') ?? 'draft',
      created: true,
      moves: moves.map(moveOutput),
    };
  },
});

/** An open return of the picking whose quantities per SKU equal the requested ones. */
async function matchingReturn(
  odoo: OdooClient,
  pickingId: number,
  requested: readonly { sku: string; quantity: string }[],
) {
  const returns = recordsOf(
    await odoo.call('stock.picking', 'search_read', {
      domain: [
        ['return_id', '=', pickingId],
        ['state', '!=', 'cancel'],
      ],
      fields: ['id', 'name', 'state'],
      order: 'id asc',
    }),
  );
  if (returns.length === 0) return undefined;
  const moves = await pickingMoves(odoo, returns.map(idOf));
  const want = totals(requested.map((line) => [line.sku, line.quantity]));
  for (const candidate of returns) {
    const own = moves.filter((move) => move.pickingId === idOf(candidate));
    const have = totals(own.map((move) => [move.sku, fromOdooQuantity(move.demand)]));
    if (sameTotals(want, have)) {
      return {
        returnPickingId: idOf(candidate),
        name: textOf(candidate, 'name') ?? String(idOf(candidate)),
        state: textOf(candidate, 'state') ?? 'draft',
        moves: own.map(moveOutput),
      };
    }
  }
  return undefined;
}

function totals(entries: [string, string][]): Map<string, string> {
  const sums = new Map<string, string>();
  for (const [sku, quantity] of entries) {
    if (compareDecimals(quantity, '0') === 0) continue;
    const previous = sums.get(sku);
    sums.set(sku, previous === undefined ? quantity : sumDecimals([previous, quantity]));
  }
  return sums;
}

function sameTotals(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  return [...a].every(([sku, quantity]) => {
    const other = b.get(sku);
    return other !== undefined && compareDecimals(quantity, other) === 0;
  });
}
