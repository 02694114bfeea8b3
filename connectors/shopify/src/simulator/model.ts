/**
 * The simulator's records. Money is kept in cents (integers) so sums are exact; the GraphQL and
 * REST layers format it the way Shopify does ("199.0" for GraphQL's Decimal, "199.00" in REST).
 */

/**
 * A product of the seeded catalog.
 *
 * @example
 * const product: SimProduct = { id: 1, title: 'Box', handle: 'box', status: 'active', vendor: 'V', productType: 'Boxes', createdAt: 0, updatedAt: 0, variantIds: [2] };
 */
export interface SimProduct {
  id: number;
  title: string;
  handle: string;
  status: 'active' | 'draft' | 'archived';
  vendor: string;
  productType: string;
  createdAt: number;
  updatedAt: number;
  variantIds: number[];
}

/**
 * A product variant; its inventory item has the same SKU.
 *
 * @example
 * const variant: SimVariant = { id: 2, productId: 1, title: 'Default Title', sku: 'SKU-1001', priceCents: 240, inventoryItemId: 2 };
 */
export interface SimVariant {
  id: number;
  productId: number;
  title: string;
  sku: string | null;
  priceCents: number;
  inventoryItemId: number;
}

/**
 * A stock location.
 *
 * @example
 * const location: SimLocation = { id: 487838322, name: 'Main Warehouse', active: true };
 */
export interface SimLocation {
  id: number;
  name: string;
  active: boolean;
}

/**
 * The quantities of one inventory item at one location; on_hand = available + committed.
 *
 * @example
 * const level: SimLevel = { inventoryItemId: 2, locationId: 487838322, available: 490, committed: 10, updatedAt: 0 };
 */
export interface SimLevel {
  inventoryItemId: number;
  locationId: number;
  available: number;
  committed: number;
  updatedAt: number;
}

/**
 * A postal address in Shopify's fields.
 *
 * @example
 * const address: SimAddress = { ...EMPTY_ADDRESS, address1: 'Lindenstraße 12', city: 'Berlin', countryCode: 'DE' };
 */
export interface SimAddress {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  country: string | null;
  countryCode: string | null;
  phone: string | null;
}

/**
 * A customer.
 *
 * @example
 * const customer: SimCustomer = { id: 207119551, firstName: 'Bob', lastName: 'Norman', email: 'bob@example.com', phone: null, defaultAddress: null };
 */
export interface SimCustomer {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  defaultAddress: SimAddress | null;
}

/**
 * A tax on a line or on shipping.
 *
 * @example
 * const tax: SimTaxLine = { title: 'Tax', rate: 0.06, priceCents: 1194 };
 */
export interface SimTaxLine {
  title: string;
  rate: number;
  priceCents: number;
}

/**
 * A line of an order.
 *
 * @example
 * store.orders.get(450789469)?.lineItems[0]?.sku; // 'IPOD2008GREEN'
 */
export interface SimLineItem {
  id: number;
  variantId: number | null;
  productId: number | null;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  quantity: number;
  priceCents: number;
  discountCents: number;
  taxLines: SimTaxLine[];
  requiresShipping: boolean;
  fulfilledQuantity: number;
  refundedQuantity: number;
}

/**
 * A payment transaction of an order.
 *
 * @example
 * const sale: SimTransaction = { id: 1, orderId: 2, kind: 'SALE', status: 'SUCCESS', amountCents: 64342, gateway: 'bogus', parentId: null, createdAt: 0 };
 */
export interface SimTransaction {
  id: number;
  orderId: number;
  kind: 'SALE' | 'AUTHORIZATION' | 'CAPTURE' | 'REFUND' | 'VOID';
  status: 'SUCCESS' | 'FAILURE' | 'PENDING';
  amountCents: number;
  gateway: string;
  parentId: number | null;
  createdAt: number;
}

/**
 * An order.
 *
 * @example
 * store.orders.get(450789469)?.name; // '#1001'
 */
export interface SimOrder {
  id: number;
  number: number;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: number;
  updatedAt: number;
  cancelledAt: number | null;
  cancelReason: string | null;
  closedAt: number | null;
  currency: string;
  taxesIncluded: boolean;
  note: string | null;
  tags: string[];
  sourceName: string;
  customer: SimCustomer | null;
  shippingAddress: SimAddress | null;
  billingAddress: SimAddress | null;
  lineItems: SimLineItem[];
  shippingLines: { title: string; code: string; priceCents: number; taxLines: SimTaxLine[] }[];
  transactions: SimTransaction[];
  fulfillmentOrderIds: number[];
  fulfillmentIds: number[];
  refundIds: number[];
}

/**
 * A fulfillment order: what one location has to ship of an order.
 *
 * @example
 * store.fulfillmentOrders.get(id)?.status; // 'OPEN'
 */
export interface SimFulfillmentOrder {
  id: number;
  orderId: number;
  locationId: number;
  status: 'OPEN' | 'IN_PROGRESS' | 'CLOSED' | 'CANCELLED' | 'ON_HOLD';
  lineItems: { id: number; lineItemId: number; totalQuantity: number; remainingQuantity: number }[];
  createdAt: number;
  updatedAt: number;
}

/**
 * A shipment of order lines with its tracking.
 *
 * @example
 * store.fulfillments.get(id)?.tracking[0]?.number; // '1Z999'
 */
export interface SimFulfillment {
  id: number;
  orderId: number;
  name: string;
  status: 'SUCCESS' | 'CANCELLED';
  locationId: number;
  createdAt: number;
  updatedAt: number;
  tracking: { number: string | null; company: string | null; url: string | null }[];
  lineItems: { id: number; lineItemId: number; quantity: number }[];
}

/**
 * A refund of lines, shipping and money.
 *
 * @example
 * store.refunds.get(id)?.lines[0]?.restockType; // 'RETURN'
 */
export interface SimRefund {
  id: number;
  orderId: number;
  createdAt: number;
  note: string | null;
  lines: {
    id: number;
    lineItemId: number;
    quantity: number;
    restockType: string;
    locationId: number | null;
    subtotalCents: number;
  }[];
  shippingCents: number;
  transactionIds: number[];
}

/**
 * Cents as GraphQL's Decimal shows them: no trailing zeros beyond one decimal.
 *
 * @example
 * decimal(19900); // '199.0'
 * decimal(40994); // '409.94'
 */
export function decimal(cents: number): string {
  const negative = cents < 0;
  const absolute = Math.abs(cents);
  const whole = Math.floor(absolute / 100);
  const fraction = String(absolute % 100)
    .padStart(2, '0')
    .replace(/0$/, '');
  return `${negative ? '-' : ''}${whole}.${fraction || '0'}`;
}

/**
 * Cents as REST shows them: two decimals.
 *
 * @example
 * restMoney(19900); // '199.00'
 */
export function restMoney(cents: number): string {
  const negative = cents < 0;
  const absolute = Math.abs(cents);
  return `${negative ? '-' : ''}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/**
 * A decimal amount as cents, or undefined when it is not one (more than two decimals included).
 *
 * @example
 * toCents('12.5'); // 1250
 */
export function toCents(value: string | number): number | undefined {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

/**
 * An instant as GraphQL's DateTime: ISO 8601 in UTC, seconds precision.
 *
 * @example
 * isoTime(Date.UTC(2025, 2, 1, 10)); // '2025-03-01T10:00:00Z'
 */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * An instant as REST shows it: ISO 8601 with the shop's offset (UTC here).
 *
 * @example
 * restTime(Date.UTC(2025, 2, 1, 10)); // '2025-03-01T10:00:00+00:00'
 */
export function restTime(ms: number): string {
  return isoTime(ms).replace(/Z$/, '+00:00');
}

/**
 * A GraphQL global id.
 *
 * @example
 * gid('Order', 450789469); // 'gid://shopify/Order/450789469'
 */
export function gid(type: string, id: number): string {
  return `gid://shopify/${type}/${id}`;
}
