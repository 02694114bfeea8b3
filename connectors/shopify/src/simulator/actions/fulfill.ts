import type { SimFulfillment, SimFulfillmentOrder, SimOrder } from '../model.js';
import { restFulfillment, restOrder } from '../rest-payloads.js';
import type { ShopStore } from '../store.js';
import { idOf, type Outcome, type SimUserError } from './user-errors.js';

/**
 * A fulfillmentCreate (or fulfillmentCreateV2) input as GraphQL hands it over.
 *
 * @example
 * const input: FulfillInput = { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: 'gid://shopify/FulfillmentOrder/1' }],
 *   trackingInfo: { number: '1Z999', company: 'UPS' } };
 */
export interface FulfillInput {
  lineItemsByFulfillmentOrder: {
    fulfillmentOrderId: string;
    fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null;
  }[];
  notifyCustomer?: boolean | null;
  trackingInfo?: {
    number?: string | null;
    numbers?: string[] | null;
    company?: string | null;
    url?: string | null;
    urls?: string[] | null;
  } | null;
}

const FIELD = ['fulfillment', 'lineItemsByFulfillmentOrder'];

/**
 * Ships fulfillment order lines: the lines' remaining quantities go down, the order lines count
 * as fulfilled, the committed stock leaves the location, and fulfillments/create and
 * orders/updated are reported. Refused as a whole (nothing changes) when a fulfillment order is
 * unknown, closed, of another order or location, or a quantity exceeds what remains.
 *
 * @example
 * const outcome = fulfill(store, input);
 */
export function fulfill(store: ShopStore, input: FulfillInput): Outcome<SimFulfillment> {
  const errors: SimUserError[] = [];
  const chosen: { fo: SimFulfillmentOrder; lines: { id: number; quantity: number }[] }[] = [];
  input.lineItemsByFulfillmentOrder.forEach((entry, index) => {
    const id = idOf(entry.fulfillmentOrderId, 'FulfillmentOrder');
    const fo = id === undefined ? undefined : store.fulfillmentOrders.get(id);
    if (!fo) {
      errors.push({
        field: [...FIELD, String(index), 'fulfillmentOrderId'],
        message: 'Fulfillment order does not exist.',
      });
      return;
    }
    if (fo.status !== 'OPEN' && fo.status !== 'IN_PROGRESS') {
      errors.push({
        field: [...FIELD, String(index), 'fulfillmentOrderId'],
        message: `Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.`,
      });
      return;
    }
    const wanted = entry.fulfillmentOrderLineItems?.length
      ? entry.fulfillmentOrderLineItems.map((line) => ({
          id: idOf(line.id, 'FulfillmentOrderLineItem') ?? -1,
          quantity: line.quantity,
        }))
      : fo.lineItems
          .filter((line) => line.remainingQuantity > 0)
          .map((line) => ({ id: line.id, quantity: line.remainingQuantity }));
    for (const line of wanted) {
      const known = fo.lineItems.find((candidate) => candidate.id === line.id);
      if (!known || line.quantity < 1 || line.quantity > known.remainingQuantity) {
        errors.push({
          field: [...FIELD, String(index), 'fulfillmentOrderLineItems'],
          message: 'Invalid fulfillment order line item quantity requested.',
        });
      }
    }
    chosen.push({ fo, lines: wanted });
  });
  if (errors.length === 0 && new Set(chosen.map((entry) => entry.fo.orderId)).size > 1) {
    errors.push({ field: FIELD, message: 'All fulfillment orders must belong to the same order.' });
  }
  if (errors.length === 0 && new Set(chosen.map((entry) => entry.fo.locationId)).size > 1) {
    errors.push({ field: FIELD, message: 'All fulfillment orders must be assigned to the same location.' });
  }
  const first = chosen[0];
  const order = first ? store.orders.get(first.fo.orderId) : undefined;
  if (errors.length > 0 || !first || !order) {
    return {
      userErrors: errors.length > 0 ? errors : [{ field: FIELD, message: 'No fulfillment order was given.' }],
    };
  }
  if (order.cancelledAt !== null) {
    return { userErrors: [{ field: FIELD, message: 'The order has been cancelled.' }] };
  }
  return { value: apply(store, order, chosen, input.trackingInfo ?? null) };
}

function apply(
  store: ShopStore,
  order: SimOrder,
  chosen: readonly { fo: SimFulfillmentOrder; lines: { id: number; quantity: number }[] }[],
  tracking: FulfillInput['trackingInfo'],
): SimFulfillment {
  const at = store.now();
  const lineItems: SimFulfillment['lineItems'] = [];
  for (const { fo, lines } of chosen) {
    for (const wanted of lines) {
      const line = fo.lineItems.find((candidate) => candidate.id === wanted.id);
      const item = line ? order.lineItems.find((candidate) => candidate.id === line.lineItemId) : undefined;
      if (!line || !item) continue;
      line.remainingQuantity -= wanted.quantity;
      item.fulfilledQuantity += wanted.quantity;
      lineItems.push({ id: store.id(), lineItemId: item.id, quantity: wanted.quantity });
      const variant = item.variantId ? store.variants.get(item.variantId) : undefined;
      const level = variant ? store.level(variant.inventoryItemId, fo.locationId) : undefined;
      if (level) {
        level.committed = Math.max(0, level.committed - wanted.quantity);
        level.updatedAt = at;
      }
    }
    fo.status = fo.lineItems.every((line) => line.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
    fo.updatedAt = at;
  }
  const numbers = tracking?.numbers?.length ? tracking.numbers : tracking?.number ? [tracking.number] : [];
  const urls = tracking?.urls?.length ? tracking.urls : tracking?.url ? [tracking.url] : [];
  const company = tracking?.company ?? null;
  const count = Math.max(numbers.length, urls.length, company ? 1 : 0);
  const fulfillment: SimFulfillment = {
    id: store.id(),
    orderId: order.id,
    name: `${order.name}-F${order.fulfillmentIds.length + 1}`,
    status: 'SUCCESS',
    locationId: chosen[0]?.fo.locationId ?? store.firstLocation().id,
    createdAt: at,
    updatedAt: at,
    tracking: Array.from({ length: count }, (_, index) => ({
      number: numbers[index] ?? null,
      company,
      url: urls[index] ?? (numbers[index] ? trackingUrl(company, numbers[index]) : null),
    })),
    lineItems,
  };
  store.fulfillments.set(fulfillment.id, fulfillment);
  order.fulfillmentIds.push(fulfillment.id);
  store.touch(order);
  store.emit('fulfillments/create', () => restFulfillment(store, fulfillment));
  store.emit('orders/updated', () => restOrder(store, order));
  return fulfillment;
}

/** Shopify builds tracking links for carriers it knows; the simulator knows a few. */
function trackingUrl(company: string | null, number: string): string | null {
  const carrier = company?.toLowerCase() ?? '';
  if (carrier.includes('ups'))
    return `https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=${number}`;
  if (carrier.includes('dhl')) return `https://www.dhl.com/en/express/tracking.html?AWB=${number}`;
  if (carrier.includes('fedex')) return `https://www.fedex.com/fedextrack/?tracknumbers=${number}`;
  return null;
}
