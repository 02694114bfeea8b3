import type { SimOrder, SimRefund } from '../model.js';
import { toCents } from '../model.js';
import { orderTotals, unfulfilledQuantity, unitRefund } from '../order-math.js';
import { restInventoryLevel, restOrder, restRefund } from '../rest-payloads.js';
import type { ShopStore } from '../store.js';
import { idOf, type Outcome, type SimUserError } from './user-errors.js';

/**
 * refundCreate's input.
 *
 * @example
 * const input: RefundInput = { orderId: 'gid://shopify/Order/1', refundLineItems: [{ lineItemId: 'gid://shopify/LineItem/2', quantity: 1 }],
 *   transactions: [{ orderId: 'gid://shopify/Order/1', gateway: 'bogus', kind: 'REFUND', amount: '199.00', parentId: 'gid://shopify/OrderTransaction/3' }] };
 */
export interface RefundInput {
  orderId: string;
  note?: string | null;
  notify?: boolean | null;
  refundLineItems?:
    | { lineItemId: string; quantity: number; restockType?: string | null; locationId?: string | null }[]
    | null;
  shipping?: { amount?: string | null; fullRefund?: boolean | null } | null;
  transactions?:
    | { orderId: string; gateway: string; kind: string; amount: string; parentId?: string | null }[]
    | null;
}

/**
 * What a refund of these lines and this shipping should pay back, and through which payment, as
 * Order.suggestedRefund answers it.
 *
 * @example
 * suggestRefund(store, order, [{ lineItemId: 'gid://shopify/LineItem/2', quantity: 1 }], false, undefined).amountCents; // 21094
 */
export function suggestRefund(
  store: ShopStore,
  order: SimOrder,
  lines: readonly { lineItemId: string; quantity: number }[],
  refundShipping: boolean,
  shippingAmount: string | undefined,
) {
  let subtotal = 0;
  let tax = 0;
  for (const line of lines) {
    const item = order.lineItems.find((candidate) => candidate.id === idOf(line.lineItemId, 'LineItem'));
    if (!item) continue;
    const unit = unitRefund(item);
    const quantity = Math.min(line.quantity, item.quantity - item.refundedQuantity);
    subtotal += unit.subtotal * quantity;
    tax += unit.tax * quantity;
  }
  const shipping = refundShipping
    ? refundableShipping(store, order)
    : shippingAmount
      ? (toCents(shippingAmount) ?? 0)
      : 0;
  const totals = orderTotals(order);
  const amountCents = Math.min(
    subtotal + (order.taxesIncluded ? 0 : tax) + shipping,
    totals.paid - totals.refunded,
  );
  const parent = order.transactions.find(
    (t) => t.status === 'SUCCESS' && (t.kind === 'SALE' || t.kind === 'CAPTURE'),
  );
  return {
    amountCents: Math.max(0, amountCents),
    subtotalCents: subtotal,
    taxCents: tax,
    shippingCents: shipping,
    maximumShippingCents: refundableShipping(store, order),
    transactions:
      parent && amountCents > 0 ? [{ gateway: parent.gateway, amountCents, parentId: parent.id }] : [],
  };
}

/**
 * Records a refund: lines leave the order (unfulfilled units leave their fulfillment order and
 * free their committed stock), RETURN and CANCEL put units back in stock, the transactions pay
 * money back, and refunds/create and orders/updated are reported. All or nothing.
 *
 * @example
 * const outcome = createRefund(store, input);
 */
export function createRefund(store: ShopStore, input: RefundInput): Outcome<SimRefund> {
  const orderId = idOf(input.orderId, 'Order');
  const order = orderId === undefined ? undefined : store.orders.get(orderId);
  if (!order) return { userErrors: [{ field: ['orderId'], message: 'Order does not exist.' }] };
  const errors: SimUserError[] = [];
  const lines = (input.refundLineItems ?? []).map((line, index) => {
    const item = order.lineItems.find((candidate) => candidate.id === idOf(line.lineItemId, 'LineItem'));
    if (!item)
      errors.push({
        field: ['refundLineItems', String(index), 'lineItemId'],
        message: 'Line item does not exist.',
      });
    else if (line.quantity < 1 || line.quantity > item.quantity - item.refundedQuantity) {
      errors.push({
        field: ['refundLineItems', String(index), 'quantity'],
        message: 'Quantity cannot refund more items than were purchased.',
      });
    }
    const locationId = line.locationId ? idOf(line.locationId, 'Location') : undefined;
    if (line.locationId && (locationId === undefined || !store.locations.has(locationId))) {
      errors.push({
        field: ['refundLineItems', String(index), 'locationId'],
        message: 'Location does not exist.',
      });
    }
    return { line, item, locationId: locationId ?? null };
  });
  const totals = orderTotals(order);
  let refundable = totals.paid - totals.refunded;
  const transactions = (input.transactions ?? []).map((transaction, index) => {
    const cents = toCents(transaction.amount);
    const parentId = transaction.parentId ? idOf(transaction.parentId, 'OrderTransaction') : undefined;
    const parent = parentId === undefined ? undefined : order.transactions.find((t) => t.id === parentId);
    if (cents === undefined || cents <= 0) {
      errors.push({
        field: ['transactions', String(index), 'amount'],
        message: 'Amount must be greater than 0.',
      });
    } else if (cents > refundable) {
      errors.push({
        field: ['transactions', String(index), 'amount'],
        message: 'Amount cannot exceed the refundable amount.',
      });
    } else refundable -= cents;
    if (transaction.parentId && !parent) {
      errors.push({
        field: ['transactions', String(index), 'parentId'],
        message: 'Parent transaction does not exist.',
      });
    }
    if (transaction.kind !== 'REFUND') {
      errors.push({ field: ['transactions', String(index), 'kind'], message: 'Kind must be refund.' });
    }
    return { transaction, cents: cents ?? 0, parentId: parent?.id ?? null };
  });
  const shippingCents = input.shipping?.fullRefund
    ? refundableShipping(store, order)
    : input.shipping?.amount
      ? (toCents(input.shipping.amount) ?? -1)
      : 0;
  if (shippingCents < 0 || shippingCents > refundableShipping(store, order)) {
    errors.push({
      field: ['shipping', 'amount'],
      message: 'Shipping amount cannot exceed the refundable shipping.',
    });
  }
  if (errors.length > 0) return { userErrors: errors };

  const at = store.now();
  const refund: SimRefund = {
    id: store.id(),
    orderId: order.id,
    createdAt: at,
    note: input.note ?? null,
    lines: [],
    shippingCents,
    transactionIds: [],
  };
  for (const { line, item, locationId } of lines) {
    if (!item) continue;
    const restockType = line.restockType ?? 'RETURN';
    const open = Math.min(line.quantity, unfulfilledQuantity(item));
    item.refundedQuantity += line.quantity;
    releaseOpenUnits(store, order, item.id, open, restockType === 'CANCEL' || restockType === 'RETURN');
    const returned = line.quantity - open;
    if (restockType === 'RETURN' && returned > 0)
      restockReturned(store, order, item.id, returned, locationId);
    refund.lines.push({
      id: store.id(),
      lineItemId: item.id,
      quantity: line.quantity,
      restockType,
      locationId,
      subtotalCents: unitRefund(item).subtotal * line.quantity,
    });
  }
  for (const { transaction, cents, parentId } of transactions) {
    const id = store.id();
    order.transactions.push({
      id,
      orderId: order.id,
      kind: 'REFUND',
      status: 'SUCCESS',
      amountCents: cents,
      gateway: transaction.gateway,
      parentId,
      createdAt: at,
    });
    refund.transactionIds.push(id);
  }
  store.refunds.set(refund.id, refund);
  order.refundIds.push(refund.id);
  store.touch(order);
  store.emit('refunds/create', () => restRefund(store, refund));
  store.emit('orders/updated', () => restOrder(store, order));
  return { value: refund };
}

function releaseOpenUnits(
  store: ShopStore,
  order: SimOrder,
  lineItemId: number,
  units: number,
  restock: boolean,
): void {
  let left = units;
  const item = order.lineItems.find((candidate) => candidate.id === lineItemId);
  const variant = item?.variantId ? store.variants.get(item.variantId) : undefined;
  for (const foId of order.fulfillmentOrderIds) {
    const fo = store.fulfillmentOrders.get(foId);
    const line = fo?.lineItems.find((candidate) => candidate.lineItemId === lineItemId);
    if (!fo || !line || left === 0) continue;
    const taken = Math.min(left, line.remainingQuantity);
    line.remainingQuantity -= taken;
    left -= taken;
    if (fo.lineItems.every((candidate) => candidate.remainingQuantity === 0)) fo.status = 'CLOSED';
    const level = variant ? store.level(variant.inventoryItemId, fo.locationId) : undefined;
    if (level && taken > 0) {
      level.committed = Math.max(0, level.committed - taken);
      if (restock) {
        level.available += taken;
        store.emit('inventory_levels/update', () => restInventoryLevel(level));
      }
      level.updatedAt = store.now();
    }
  }
}

function restockReturned(
  store: ShopStore,
  order: SimOrder,
  lineItemId: number,
  units: number,
  locationId: number | null,
): void {
  const item = order.lineItems.find((candidate) => candidate.id === lineItemId);
  const variant = item?.variantId ? store.variants.get(item.variantId) : undefined;
  const foLocation = order.fulfillmentOrderIds
    .map((id) => store.fulfillmentOrders.get(id))
    .find((fo) => fo?.lineItems.some((line) => line.lineItemId === lineItemId))?.locationId;
  const at = locationId ?? foLocation ?? store.firstLocation().id;
  const level = variant ? store.level(variant.inventoryItemId, at) : undefined;
  if (!level) return;
  level.available += units;
  level.updatedAt = store.now();
  store.emit('inventory_levels/update', () => restInventoryLevel(level));
}

function refundableShipping(store: ShopStore, order: SimOrder): number {
  const charged = order.shippingLines.reduce((sum, line) => sum + line.priceCents, 0);
  const refunded = order.refundIds.reduce((sum, id) => sum + (store.refunds.get(id)?.shippingCents ?? 0), 0);
  return Math.max(0, charged - refunded);
}
