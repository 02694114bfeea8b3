import type { SimFulfillmentOrder, SimLineItem, SimOrder, SimRefund } from './model.js';

/**
 * Amounts and states Shopify derives from an order's lines, payments, fulfillments and refunds,
 * computed on every read as Shopify shows them.
 */

/**
 * Units still on the order: ordered minus refunded (removed).
 *
 * @example
 * currentQuantity(line); // 2 of 3 ordered after one refunded
 */
export const currentQuantity = (line: SimLineItem): number => line.quantity - line.refundedQuantity;

/**
 * Units still to ship.
 *
 * @example
 * unfulfilledQuantity(line); // 1
 */
export const unfulfilledQuantity = (line: SimLineItem): number =>
  Math.max(0, currentQuantity(line) - line.fulfilledQuantity);

/**
 * What the line costs after its discount, before tax, in cents.
 *
 * @example
 * lineSubtotal({ ...line, quantity: 4, priceCents: 190, discountCents: 76 }); // 684
 */
export const lineSubtotal = (line: SimLineItem): number =>
  line.quantity * line.priceCents - line.discountCents;

/**
 * Per-unit share of a line's discount and tax, in cents, for refunds.
 *
 * @example
 * unitRefund(line); // { subtotal: 19900, tax: 1194 }
 */
export function unitRefund(line: SimLineItem): { subtotal: number; tax: number } {
  const subtotal = Math.round(lineSubtotal(line) / Math.max(1, line.quantity));
  const tax = Math.round(
    line.taxLines.reduce((sum, tax) => sum + tax.priceCents, 0) / Math.max(1, line.quantity),
  );
  return { subtotal, tax };
}

/**
 * The totals of an order in cents.
 *
 * @example
 * orderTotals(order).total; // 63282
 */
export function orderTotals(order: SimOrder) {
  const subtotal = order.lineItems.reduce((sum, line) => sum + lineSubtotal(line), 0);
  const discounts = order.lineItems.reduce((sum, line) => sum + line.discountCents, 0);
  const shipping = order.shippingLines.reduce((sum, line) => sum + line.priceCents, 0);
  const tax =
    order.lineItems.reduce((sum, line) => sum + line.taxLines.reduce((t, tax) => t + tax.priceCents, 0), 0) +
    order.shippingLines.reduce(
      (sum, line) => sum + line.taxLines.reduce((t, tax) => t + tax.priceCents, 0),
      0,
    );
  const total = subtotal + shipping + (order.taxesIncluded ? 0 : tax);
  const paid = order.transactions
    .filter((t) => t.status === 'SUCCESS' && (t.kind === 'SALE' || t.kind === 'CAPTURE'))
    .reduce((sum, t) => sum + t.amountCents, 0);
  const refunded = order.transactions
    .filter((t) => t.status === 'SUCCESS' && t.kind === 'REFUND')
    .reduce((sum, t) => sum + t.amountCents, 0);
  const lineItemsPrice = order.lineItems.reduce((sum, line) => sum + line.quantity * line.priceCents, 0);
  return { subtotal, discounts, shipping, tax, total, paid, refunded, lineItemsPrice };
}

/**
 * displayFinancialStatus: what was paid, authorized or refunded.
 *
 * @example
 * financialStatus(order); // 'PAID'
 */
export function financialStatus(order: SimOrder): string {
  const { paid, refunded, total } = orderTotals(order);
  if (refunded > 0) return refunded >= paid ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  if (order.transactions.some((t) => t.kind === 'VOID' && t.status === 'SUCCESS')) return 'VOIDED';
  if (paid >= total && paid > 0) return 'PAID';
  if (paid > 0) return 'PARTIALLY_PAID';
  if (order.transactions.some((t) => t.kind === 'AUTHORIZATION' && t.status === 'SUCCESS'))
    return 'AUTHORIZED';
  return 'PENDING';
}

/**
 * displayFulfillmentStatus.
 *
 * @example
 * fulfillmentStatus(order, fulfillmentOrders); // 'UNFULFILLED'
 */
export function fulfillmentStatus(
  order: SimOrder,
  fulfillmentOrders: readonly SimFulfillmentOrder[],
): string {
  const shipped = order.lineItems.reduce((sum, line) => sum + line.fulfilledQuantity, 0);
  const open = order.lineItems.reduce((sum, line) => sum + unfulfilledQuantity(line), 0);
  if (open === 0 && shipped > 0) return 'FULFILLED';
  if (shipped > 0) return 'PARTIALLY_FULFILLED';
  if (fulfillmentOrders.some((fo) => fo.status === 'ON_HOLD')) return 'ON_HOLD';
  return 'UNFULFILLED';
}

/**
 * REST's financial_status (lower case) and fulfillment_status (null, "partial" or "fulfilled").
 *
 * @example
 * restStatuses(order, fulfillmentOrders); // { financial: 'paid', fulfillment: null }
 */
export function restStatuses(order: SimOrder, fulfillmentOrders: readonly SimFulfillmentOrder[]) {
  const display = fulfillmentStatus(order, fulfillmentOrders);
  return {
    financial: financialStatus(order).toLowerCase(),
    fulfillment: display === 'FULFILLED' ? 'fulfilled' : display === 'PARTIALLY_FULFILLED' ? 'partial' : null,
  };
}

/**
 * The money a refund gave back, in cents.
 *
 * @example
 * refundTotal(refund, order); // 20994
 */
export function refundTotal(refund: SimRefund, order: SimOrder): number {
  return order.transactions
    .filter((t) => refund.transactionIds.includes(t.id) && t.status === 'SUCCESS')
    .reduce((sum, t) => sum + t.amountCents, 0);
}
