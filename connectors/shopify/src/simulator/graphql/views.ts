import type {
  SimFulfillment,
  SimFulfillmentOrder,
  SimLineItem,
  SimOrder,
  SimRefund,
  SimTransaction,
} from '../model.js';
import { gid, isoTime } from '../model.js';
import {
  currentQuantity,
  financialStatus,
  fulfillmentStatus,
  lineSubtotal,
  orderTotals,
  refundTotal,
  unfulfilledQuantity,
} from '../order-math.js';
import type { ShopStore } from '../store.js';
import { connection, type PageArgs } from './connection.js';
import { addressView, customerView, limit, locationView, moneyBag, variantView } from './views-catalog.js';

export {
  addressView,
  customerView,
  inventoryItemView,
  levelView,
  locationView,
  moneyBag,
  variantView,
} from './views-catalog.js';

/**
 * GraphQL objects over the simulator's records. graphql-js's default resolver reads a property
 * or calls a method with the field's arguments, so each view is a plain object whose methods
 * are the fields that take arguments or point at other records.
 */

/**
 * A line item view.
 *
 * @example
 * lineItemView(store, order, order.lineItems[0]).unfulfilledQuantity; // 1
 */
export function lineItemView(store: ShopStore, order: SimOrder, line: SimLineItem) {
  return {
    id: gid('LineItem', line.id),
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    quantity: line.quantity,
    currentQuantity: currentQuantity(line),
    unfulfilledQuantity: unfulfilledQuantity(line),
    refundableQuantity: currentQuantity(line),
    requiresShipping: line.requiresShipping,
    taxLines: ({ first }: { first?: number | null }) =>
      limit(line.taxLines, first).map((tax) => ({
        title: tax.title,
        rate: tax.rate,
        ratePercentage: tax.rate * 100,
        priceSet: moneyBag(tax.priceCents, order.currency),
      })),
    originalUnitPriceSet: moneyBag(line.priceCents, order.currency),
    discountedTotalSet: moneyBag(lineSubtotal(line), order.currency),
    totalDiscountSet: moneyBag(line.discountCents, order.currency),
    variant: () => {
      const variant = line.variantId ? store.variants.get(line.variantId) : undefined;
      return variant ? variantView(store, variant) : null;
    },
  };
}

/**
 * A transaction view.
 *
 * @example
 * transactionView(order, order.transactions[0]).kind; // 'SALE'
 */
export function transactionView(order: SimOrder, transaction: SimTransaction): Record<string, unknown> {
  return {
    id: gid('OrderTransaction', transaction.id),
    kind: transaction.kind,
    status: transaction.status,
    gateway: transaction.gateway,
    amountSet: moneyBag(transaction.amountCents, order.currency),
    createdAt: isoTime(transaction.createdAt),
    processedAt: isoTime(transaction.createdAt),
    parentTransaction: () => {
      const parent = order.transactions.find((candidate) => candidate.id === transaction.parentId);
      return parent ? transactionView(order, parent) : null;
    },
  };
}

/**
 * A fulfillment view.
 *
 * @example
 * fulfillmentView(store, fulfillment).trackingInfo({ first: 5 });
 */
export function fulfillmentView(store: ShopStore, fulfillment: SimFulfillment) {
  const order = store.orders.get(fulfillment.orderId);
  return {
    id: gid('Fulfillment', fulfillment.id),
    legacyResourceId: String(fulfillment.id),
    name: fulfillment.name,
    status: fulfillment.status,
    createdAt: isoTime(fulfillment.createdAt),
    updatedAt: isoTime(fulfillment.updatedAt),
    trackingInfo: ({ first }: { first?: number | null }) => limit(fulfillment.tracking, first),
    location: () => {
      const location = store.locations.get(fulfillment.locationId);
      return location ? locationView(store, location) : null;
    },
    order: () => (order ? orderView(store, order) : null),
    fulfillmentLineItems: (args: PageArgs) =>
      connection(
        fulfillment.lineItems,
        args,
        (item) => [item.id, item.id],
        (item) => {
          const line = order?.lineItems.find((candidate) => candidate.id === item.lineItemId);
          return {
            id: gid('FulfillmentLineItem', item.id),
            quantity: item.quantity,
            lineItem: order && line ? lineItemView(store, order, line) : null,
          };
        },
      ),
  };
}

/**
 * A fulfillment order view.
 *
 * @example
 * fulfillmentOrderView(store, fo).lineItems({ first: 50 }).nodes;
 */
export function fulfillmentOrderView(store: ShopStore, fo: SimFulfillmentOrder) {
  const order = store.orders.get(fo.orderId);
  const location = store.locations.get(fo.locationId);
  const open = fo.status === 'OPEN' || fo.status === 'IN_PROGRESS';
  return {
    id: gid('FulfillmentOrder', fo.id),
    status: fo.status,
    orderId: gid('Order', fo.orderId),
    order: () => (order ? orderView(store, order) : null),
    createdAt: isoTime(fo.createdAt),
    updatedAt: isoTime(fo.updatedAt),
    assignedLocation: {
      name: location?.name ?? 'Unknown',
      location: location ? locationView(store, location) : null,
    },
    supportedActions: open ? [{ action: 'CREATE_FULFILLMENT' }, { action: 'MOVE' }, { action: 'HOLD' }] : [],
    lineItems: (args: PageArgs) =>
      connection(
        fo.lineItems,
        args,
        (item) => [item.id, item.id],
        (item) => {
          const line = order?.lineItems.find((candidate) => candidate.id === item.lineItemId);
          return {
            id: gid('FulfillmentOrderLineItem', item.id),
            totalQuantity: item.totalQuantity,
            remainingQuantity: item.remainingQuantity,
            sku: line?.sku ?? null,
            lineItem: order && line ? lineItemView(store, order, line) : null,
          };
        },
      ),
  };
}

/**
 * A refund view.
 *
 * @example
 * refundView(store, refund).totalRefundedSet.shopMoney.amount; // '210.94'
 */
export function refundView(store: ShopStore, refund: SimRefund) {
  const order = store.orders.get(refund.orderId);
  const currency = order?.currency ?? 'USD';
  return {
    id: gid('Refund', refund.id),
    legacyResourceId: String(refund.id),
    createdAt: isoTime(refund.createdAt),
    note: refund.note,
    totalRefundedSet: moneyBag(order ? refundTotal(refund, order) : 0, currency),
    order: () => (order ? orderView(store, order) : null),
    refundLineItems: (args: PageArgs) =>
      connection(
        refund.lines,
        args,
        (line) => [line.id, line.id],
        (line) => {
          const item = order?.lineItems.find((candidate) => candidate.id === line.lineItemId);
          const location = line.locationId ? store.locations.get(line.locationId) : undefined;
          return {
            id: gid('RefundLineItem', line.id),
            lineItem: order && item ? lineItemView(store, order, item) : null,
            quantity: line.quantity,
            restockType: line.restockType,
            restocked: line.restockType !== 'NO_RESTOCK',
            location: location ? locationView(store, location) : null,
            subtotalSet: moneyBag(line.subtotalCents, currency),
          };
        },
      ),
    transactions: (args: PageArgs) => {
      const transactions = (order?.transactions ?? []).filter((t) => refund.transactionIds.includes(t.id));
      return connection(
        transactions,
        args,
        (t) => [t.id, t.id],
        (t) => (order ? transactionView(order, t) : null),
      );
    },
  };
}

/**
 * An order view.
 *
 * @example
 * orderView(store, order).name; // '#1001'
 */
export function orderView(store: ShopStore, order: SimOrder): Record<string, unknown> {
  const totals = orderTotals(order);
  const fulfillmentOrders = () =>
    order.fulfillmentOrderIds.flatMap((id) => store.fulfillmentOrders.get(id) ?? []);
  const bag = (cents: number) => moneyBag(cents, order.currency);
  return {
    id: gid('Order', order.id),
    legacyResourceId: String(order.id),
    name: order.name,
    email: order.email,
    phone: order.phone,
    createdAt: isoTime(order.createdAt),
    updatedAt: isoTime(order.updatedAt),
    processedAt: isoTime(order.createdAt),
    cancelledAt: order.cancelledAt === null ? null : isoTime(order.cancelledAt),
    cancelReason: order.cancelReason?.toUpperCase() ?? null,
    closedAt: order.closedAt === null ? null : isoTime(order.closedAt),
    closed: order.closedAt !== null,
    displayFinancialStatus: financialStatus(order),
    displayFulfillmentStatus: () => fulfillmentStatus(order, fulfillmentOrders()),
    currencyCode: order.currency,
    taxesIncluded: order.taxesIncluded,
    note: order.note,
    tags: order.tags,
    sourceName: order.sourceName,
    customer: customerView(order.customer),
    shippingAddress: addressView(order.shippingAddress),
    billingAddress: addressView(order.billingAddress),
    subtotalPriceSet: bag(totals.subtotal),
    totalPriceSet: bag(totals.total),
    totalTaxSet: bag(totals.tax),
    totalDiscountsSet: bag(totals.discounts),
    totalShippingPriceSet: bag(totals.shipping),
    totalRefundedSet: bag(totals.refunded),
    totalReceivedSet: bag(totals.paid - totals.refunded),
    lineItems: (args: PageArgs) =>
      connection(
        order.lineItems,
        args,
        (line) => [line.id, line.id],
        (line) => lineItemView(store, order, line),
      ),
    fulfillmentOrders: (args: PageArgs) =>
      connection(
        fulfillmentOrders(),
        args,
        (fo) => [fo.id, fo.id],
        (fo) => fulfillmentOrderView(store, fo),
      ),
    fulfillments: ({ first }: { first?: number | null }) =>
      limit(order.fulfillmentIds, first).flatMap((id) => {
        const fulfillment = store.fulfillments.get(id);
        return fulfillment ? [fulfillmentView(store, fulfillment)] : [];
      }),
    refunds: ({ first }: { first?: number | null }) =>
      limit(order.refundIds, first).flatMap((id) => {
        const refund = store.refunds.get(id);
        return refund ? [refundView(store, refund)] : [];
      }),
    transactions: ({ first }: { first?: number | null }) =>
      limit(order.transactions, first).map((transaction) => transactionView(order, transaction)),
  };
}
