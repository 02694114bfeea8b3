import { randomUUID } from 'node:crypto';
import { orderTotals } from '../order-math.js';
import { restInventoryLevel, restOrder } from '../rest-payloads.js';
import type { ShopStore } from '../store.js';
import { idOf, type Outcome } from './user-errors.js';

/**
 * orderCancel's arguments.
 *
 * @example
 * const args: CancelInput = { orderId: 'gid://shopify/Order/1', reason: 'CUSTOMER', refund: true, restock: true };
 */
export interface CancelInput {
  orderId: string;
  reason: string;
  refund: boolean;
  restock: boolean;
  notifyCustomer?: boolean | null;
  staffNote?: string | null;
}

/**
 * Cancels an order: open fulfillment orders close, committed stock is released (restock), the
 * payment is refunded or the authorization voided (refund), and orders/cancelled and
 * orders/updated are reported. Shopify does this in a job; the simulator finishes it at once
 * and reports the job as not done yet, as Shopify's answer does. Refused for an unknown,
 * already cancelled or fulfilled order.
 *
 * @example
 * const outcome = cancelOrder(store, { orderId: 'gid://shopify/Order/1', reason: 'OTHER', refund: false, restock: true });
 */
export function cancelOrder(store: ShopStore, input: CancelInput): Outcome<{ jobId: string }> {
  const id = idOf(input.orderId, 'Order');
  const order = id === undefined ? undefined : store.orders.get(id);
  if (!order)
    return { userErrors: [{ field: ['orderId'], message: 'Order does not exist', code: 'NOT_FOUND' }] };
  if (order.cancelledAt !== null) {
    return {
      userErrors: [{ field: ['orderId'], message: 'Order has already been cancelled', code: 'INVALID' }],
    };
  }
  if (order.fulfillmentIds.some((fid) => store.fulfillments.get(fid)?.status === 'SUCCESS')) {
    return {
      userErrors: [
        {
          field: ['orderId'],
          message: 'Cannot cancel an order with fulfillments; cancel the fulfillments first',
          code: 'INVALID',
        },
      ],
    };
  }
  const at = store.now();
  for (const foId of order.fulfillmentOrderIds) {
    const fo = store.fulfillmentOrders.get(foId);
    if (!fo) continue;
    for (const line of fo.lineItems) {
      const item = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
      const variant = item?.variantId ? store.variants.get(item.variantId) : undefined;
      const level = variant ? store.level(variant.inventoryItemId, fo.locationId) : undefined;
      if (level && line.remainingQuantity > 0) {
        level.committed = Math.max(0, level.committed - line.remainingQuantity);
        if (input.restock) level.available += line.remainingQuantity;
        level.updatedAt = at;
        if (input.restock) store.emit('inventory_levels/update', () => restInventoryLevel(level));
      }
      line.remainingQuantity = 0;
    }
    fo.status = 'CLOSED';
    fo.updatedAt = at;
  }
  const { paid, refunded } = orderTotals(order);
  const payment = order.transactions.find(
    (t) => t.status === 'SUCCESS' && (t.kind === 'SALE' || t.kind === 'CAPTURE'),
  );
  const authorization = order.transactions.find((t) => t.status === 'SUCCESS' && t.kind === 'AUTHORIZATION');
  if (input.refund && payment && paid - refunded > 0) {
    order.transactions.push({
      id: store.id(),
      orderId: order.id,
      kind: 'REFUND',
      status: 'SUCCESS',
      amountCents: paid - refunded,
      gateway: payment.gateway,
      parentId: payment.id,
      createdAt: at,
    });
  } else if (authorization && !payment) {
    order.transactions.push({
      id: store.id(),
      orderId: order.id,
      kind: 'VOID',
      status: 'SUCCESS',
      amountCents: authorization.amountCents,
      gateway: authorization.gateway,
      parentId: authorization.id,
      createdAt: at,
    });
  }
  order.cancelledAt = at;
  order.cancelReason = input.reason.toLowerCase();
  order.closedAt = at;
  if (input.staffNote) order.note = [order.note, input.staffNote].filter(Boolean).join('\n');
  store.touch(order);
  const jobId = `gid://shopify/Job/${randomUUID()}`;
  store.jobs.set(jobId, { done: true });
  store.emit('orders/cancelled', () => restOrder(store, order));
  store.emit('orders/updated', () => restOrder(store, order));
  return { value: { jobId } };
}
