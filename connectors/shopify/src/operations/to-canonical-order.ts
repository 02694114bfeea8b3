import { Type } from '@sinclair/typebox';
import { CanonicalOrderSchema, embed } from '@waybill/canonical';
import { defineOperation } from '@waybill/connector-kit';
import { RestOrderSchema } from '../mapping/rest-order.js';
import { toCanonicalOrder } from '../mapping/to-canonical-order.js';

/**
 * `shopify.toCanonicalOrder`: maps a Shopify order in the REST shape (the body of an
 * orders/create or orders/updated webhook) to a canonical/order/v1, with no call to Shopify: the
 * same fields as the shopify-order-to-odoo flow's JSONata, plus line discounts, line taxes,
 * shipping, the note and the PO number. A line without a SKU is a user error naming it.
 *
 * @example
 * { "id": "to_canonical", "type": "shopify.toCanonicalOrder", "config": {} }
 * // input: the webhook body → { "number": "#1001", "source": { "system": "shopify", "id": "450789469" }, ... }
 */
export const toCanonicalOrderOperation = defineOperation({
  type: 'shopify.toCanonicalOrder',
  title: 'Shopify order to canonical order',
  description: 'Maps a Shopify order (webhook body) to a canonical order, ready for Odoo.',
  icon: 'arrow-right-left',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Pure mapping: no call to Shopify, the same input gives the same output.',
  configSchema: Type.Object({}, { additionalProperties: false }),
  inputSchema: RestOrderSchema,
  outputSchema: embed(CanonicalOrderSchema, 'The order as a canonical/order/v1.'),
  async run(ctx) {
    return toCanonicalOrder(ctx.input);
  },
});
