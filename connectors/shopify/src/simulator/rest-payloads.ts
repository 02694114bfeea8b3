import type {
  SimAddress,
  SimFulfillment,
  SimLevel,
  SimLineItem,
  SimOrder,
  SimProduct,
  SimRefund,
} from './model.js';
import { gid, restMoney, restTime } from './model.js';
import { orderTotals, refundTotal, restStatuses, unfulfilledQuantity } from './order-math.js';
import type { ShopStore } from './store.js';

/**
 * The REST shapes of the simulator's records: webhook bodies (orders/create, fulfillments/create,
 * refunds/create, inventory_levels/update) and REST answers, snake_case as Shopify sends them.
 */

/**
 * An order as orders/create and orders/updated deliver it.
 *
 * @example
 * restOrder(store, order).name; // '#1001'
 */
export function restOrder(store: ShopStore, order: SimOrder) {
  const totals = orderTotals(order);
  const fulfillmentOrders = order.fulfillmentOrderIds.flatMap((id) => store.fulfillmentOrders.get(id) ?? []);
  const statuses = restStatuses(order, fulfillmentOrders);
  return {
    id: order.id,
    admin_graphql_api_id: gid('Order', order.id),
    name: order.name,
    number: order.number - 1000,
    order_number: order.number,
    email: order.email,
    contact_email: order.email,
    phone: order.phone,
    created_at: restTime(order.createdAt),
    updated_at: restTime(order.updatedAt),
    processed_at: restTime(order.createdAt),
    cancelled_at: order.cancelledAt === null ? null : restTime(order.cancelledAt),
    cancel_reason: order.cancelReason,
    closed_at: order.closedAt === null ? null : restTime(order.closedAt),
    currency: order.currency,
    presentment_currency: order.currency,
    taxes_included: order.taxesIncluded,
    financial_status: statuses.financial,
    fulfillment_status: statuses.fulfillment,
    note: order.note,
    tags: order.tags.join(', '),
    source_name: order.sourceName,
    test: false,
    subtotal_price: restMoney(totals.subtotal),
    total_line_items_price: restMoney(totals.lineItemsPrice),
    total_discounts: restMoney(totals.discounts),
    total_tax: restMoney(totals.tax),
    total_price: restMoney(totals.total),
    total_shipping_price_set: moneySet(totals.shipping, order.currency),
    customer: order.customer
      ? {
          id: order.customer.id,
          admin_graphql_api_id: gid('Customer', order.customer.id),
          email: order.customer.email,
          first_name: order.customer.firstName,
          last_name: order.customer.lastName,
          phone: order.customer.phone,
          default_address: restAddress(order.customer.defaultAddress),
        }
      : null,
    shipping_address: restAddress(order.shippingAddress),
    billing_address: restAddress(order.billingAddress),
    line_items: order.lineItems.map((line) => restLineItem(line, order.currency)),
    shipping_lines: order.shippingLines.map((line, index) => ({
      id: order.id * 10 + index,
      title: line.title,
      code: line.code,
      price: restMoney(line.priceCents),
      source: 'shopify',
      tax_lines: line.taxLines.map((tax) => ({
        title: tax.title,
        rate: tax.rate,
        price: restMoney(tax.priceCents),
      })),
    })),
    tax_lines: order.lineItems
      .flatMap((line) => line.taxLines)
      .map((tax) => ({ title: tax.title, rate: tax.rate, price: restMoney(tax.priceCents) })),
    fulfillments: order.fulfillmentIds.flatMap((id) => {
      const fulfillment = store.fulfillments.get(id);
      return fulfillment ? [restFulfillment(store, fulfillment)] : [];
    }),
    refunds: order.refundIds.flatMap((id) => {
      const refund = store.refunds.get(id);
      return refund ? [restRefund(store, refund)] : [];
    }),
  };
}

/**
 * A fulfillment as fulfillments/create delivers it.
 *
 * @example
 * restFulfillment(store, fulfillment).tracking_numbers; // ['1Z999']
 */
export function restFulfillment(store: ShopStore, fulfillment: SimFulfillment) {
  const order = store.orders.get(fulfillment.orderId);
  return {
    id: fulfillment.id,
    admin_graphql_api_id: gid('Fulfillment', fulfillment.id),
    order_id: fulfillment.orderId,
    name: fulfillment.name,
    status: fulfillment.status === 'SUCCESS' ? 'success' : 'cancelled',
    service: 'manual',
    location_id: fulfillment.locationId,
    created_at: restTime(fulfillment.createdAt),
    updated_at: restTime(fulfillment.updatedAt),
    tracking_company: fulfillment.tracking[0]?.company ?? null,
    tracking_number: fulfillment.tracking[0]?.number ?? null,
    tracking_numbers: fulfillment.tracking.flatMap((info) => (info.number ? [info.number] : [])),
    tracking_url: fulfillment.tracking[0]?.url ?? null,
    tracking_urls: fulfillment.tracking.flatMap((info) => (info.url ? [info.url] : [])),
    line_items: fulfillment.lineItems.flatMap((item) => {
      const line = order?.lineItems.find((candidate) => candidate.id === item.lineItemId);
      return line ? [{ ...restLineItem(line, order?.currency ?? 'USD'), quantity: item.quantity }] : [];
    }),
  };
}

/**
 * A refund as refunds/create delivers it.
 *
 * @example
 * restRefund(store, refund).transactions[0]?.kind; // 'refund'
 */
export function restRefund(store: ShopStore, refund: SimRefund) {
  const order = store.orders.get(refund.orderId);
  const currency = order?.currency ?? 'USD';
  return {
    id: refund.id,
    admin_graphql_api_id: gid('Refund', refund.id),
    order_id: refund.orderId,
    created_at: restTime(refund.createdAt),
    note: refund.note,
    restock: refund.lines.some((line) => line.restockType !== 'NO_RESTOCK'),
    total_refunded: order ? restMoney(refundTotal(refund, order)) : '0.00',
    refund_line_items: refund.lines.map((line) => {
      const item = order?.lineItems.find((candidate) => candidate.id === line.lineItemId);
      return {
        id: line.id,
        line_item_id: line.lineItemId,
        quantity: line.quantity,
        restock_type: line.restockType.toLowerCase(),
        location_id: line.locationId,
        subtotal: restMoney(line.subtotalCents),
        line_item: item ? restLineItem(item, currency) : null,
      };
    }),
    transactions: (order?.transactions ?? [])
      .filter((transaction) => refund.transactionIds.includes(transaction.id))
      .map((transaction) => ({
        id: transaction.id,
        order_id: transaction.orderId,
        kind: transaction.kind.toLowerCase(),
        status: transaction.status.toLowerCase(),
        amount: restMoney(transaction.amountCents),
        currency,
        gateway: transaction.gateway,
        parent_id: transaction.parentId,
        created_at: restTime(transaction.createdAt),
      })),
  };
}

/**
 * An inventory level as inventory_levels/update delivers it.
 *
 * @example
 * restInventoryLevel(level).available; // 36
 */
export function restInventoryLevel(level: SimLevel) {
  return {
    inventory_item_id: level.inventoryItemId,
    location_id: level.locationId,
    available: level.available,
    updated_at: restTime(level.updatedAt),
    admin_graphql_api_id: `gid://shopify/InventoryLevel/${level.locationId}?inventory_item_id=${level.inventoryItemId}`,
  };
}

/**
 * A product as products.json lists it.
 *
 * @example
 * restProduct(store, product).variants[0]?.sku; // 'IPOD2008GREEN'
 */
export function restProduct(store: ShopStore, product: SimProduct) {
  return {
    id: product.id,
    admin_graphql_api_id: gid('Product', product.id),
    title: product.title,
    handle: product.handle,
    status: product.status,
    vendor: product.vendor,
    product_type: product.productType,
    created_at: restTime(product.createdAt),
    updated_at: restTime(product.updatedAt),
    variants: product.variantIds.flatMap((id) => {
      const variant = store.variants.get(id);
      if (!variant) return [];
      const available = [...store.levels.values()]
        .filter((level) => level.inventoryItemId === variant.inventoryItemId)
        .reduce((sum, level) => sum + level.available, 0);
      return [
        {
          id: variant.id,
          product_id: product.id,
          title: variant.title,
          sku: variant.sku,
          price: restMoney(variant.priceCents),
          inventory_item_id: variant.inventoryItemId,
          inventory_quantity: available,
          inventory_management: 'shopify',
        },
      ];
    }),
  };
}

function restLineItem(line: SimLineItem, currency: string) {
  return {
    id: line.id,
    admin_graphql_api_id: gid('LineItem', line.id),
    variant_id: line.variantId,
    product_id: line.productId,
    sku: line.sku,
    title: line.title,
    variant_title: line.variantTitle,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    quantity: line.quantity,
    current_quantity: line.quantity - line.refundedQuantity,
    fulfillable_quantity: unfulfilledQuantity(line),
    price: restMoney(line.priceCents),
    price_set: moneySet(line.priceCents, currency),
    total_discount: restMoney(line.discountCents),
    discount_allocations:
      line.discountCents > 0
        ? [{ amount: restMoney(line.discountCents), discount_application_index: 0 }]
        : [],
    requires_shipping: line.requiresShipping,
    taxable: line.taxLines.length > 0,
    tax_lines: line.taxLines.map((tax) => ({
      title: tax.title,
      rate: tax.rate,
      price: restMoney(tax.priceCents),
    })),
    fulfillment_status:
      line.fulfilledQuantity >= line.quantity ? 'fulfilled' : line.fulfilledQuantity > 0 ? 'partial' : null,
  };
}

function restAddress(address: SimAddress | null) {
  if (!address) return null;
  return {
    first_name: address.firstName,
    last_name: address.lastName,
    name: [address.firstName, address.lastName].filter(Boolean).join(' ') || null,
    company: address.company,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    province_code: address.provinceCode,
    zip: address.zip,
    country: address.country,
    country_code: address.countryCode,
    phone: address.phone,
  };
}

function moneySet(cents: number, currency: string) {
  const money = { amount: restMoney(cents), currency_code: currency };
  return { shop_money: money, presentment_money: money };
}
