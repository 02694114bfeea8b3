import { Type } from '@sinclair/typebox';
import { userError } from '@waybill/connector-kit';
import { toGid } from '../../mapping/gid.js';
import { MONEY, MoneyBagSchema, nullable } from './shopify.js';

/**
 * Asks Shopify how to pay back a refund: the transactions against the order's payments.
 *
 * @example
 * await shopify.query(SUGGEST, { id, refundLineItems: lines, refundShipping: false, shippingAmount: null }, SuggestAnswer);
 */
export const SUGGEST = `query WaybillSuggestedRefund($id: ID!, $refundLineItems: [RefundLineItemInput!], $refundShipping: Boolean, $shippingAmount: Money) {
  order(id: $id) { suggestedRefund(refundLineItems: $refundLineItems, refundShipping: $refundShipping, shippingAmount: $shippingAmount) {
    amountSet { ${MONEY} } suggestedTransactions { gateway kind amountSet { ${MONEY} } parentTransaction { id } } } } }`;

/**
 * The answer to SUGGEST.
 *
 * @example
 * const { order } = await shopify.query(SUGGEST, variables, SuggestAnswer);
 */
export const SuggestAnswer = Type.Object({
  order: nullable(
    Type.Object({
      suggestedRefund: nullable(
        Type.Object({
          amountSet: MoneyBagSchema,
          suggestedTransactions: Type.Array(
            Type.Object({
              gateway: nullable(Type.String()),
              kind: Type.String(),
              amountSet: MoneyBagSchema,
              parentTransaction: nullable(Type.Object({ id: Type.String() })),
            }),
          ),
        }),
      ),
    }),
  ),
});

/**
 * A refundCreate line item.
 *
 * @example
 * const line: RefundLine = { lineItemId: 'gid://shopify/LineItem/466157049', quantity: 1, restockType: 'RETURN' };
 */
export interface RefundLine {
  lineItemId: string;
  quantity: number;
  restockType: string;
  locationId?: string;
}

/**
 * The refund lines for the wanted lines (by line item id or SKU), each within what is still
 * refundable; a SKU the order does not have, or more units than it can refund, is a user error.
 *
 * @example
 * refundLineItems(order.lineItems.nodes, [{ sku: 'IPOD2008GREEN', quantity: 1 }], 'NO_RESTOCK', undefined);
 * // [{ lineItemId: 'gid://shopify/LineItem/466157049', quantity: 1, restockType: 'NO_RESTOCK' }]
 */
export function refundLineItems(
  orderLines: readonly { id: string; sku: string | null; refundableQuantity: number }[],
  wanted: readonly { lineItemId?: string | number; sku?: string; quantity: number }[],
  restockType: string,
  locationId: string | undefined,
): RefundLine[] {
  const lines = new Map<string, number>();
  for (const line of wanted) {
    const lineItemId = line.lineItemId === undefined ? undefined : toGid('LineItem', line.lineItemId);
    const candidates = orderLines.filter((item) =>
      lineItemId ? item.id === lineItemId : item.sku === line.sku,
    );
    if (candidates.length === 0) {
      throw userError({
        code: 'SHOPIFY_LINE_NOT_ON_ORDER',
        message: `The order has no line ${line.sku ? `with SKU ${line.sku}` : (lineItemId ?? '(none named)')}; check the refund's line items.`,
      });
    }
    let missing = line.quantity;
    for (const item of candidates) {
      const free = item.refundableQuantity - (lines.get(item.id) ?? 0);
      const quantity = Math.min(Math.max(free, 0), missing);
      if (quantity > 0) lines.set(item.id, (lines.get(item.id) ?? 0) + quantity);
      missing -= quantity;
    }
    if (missing > 0) {
      throw userError({
        code: 'SHOPIFY_NOT_REFUNDABLE',
        message: `Only ${line.quantity - missing} of the ${line.quantity} units of ${line.sku ?? lineItemId} can still be refunded on this order.`,
      });
    }
  }
  return [...lines].map(([lineItemId, quantity]) => ({
    lineItemId,
    quantity,
    restockType,
    ...(locationId && restockType !== 'NO_RESTOCK' ? { locationId } : {}),
  }));
}
