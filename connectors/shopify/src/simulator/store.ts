import type {
  SimAddress,
  SimCustomer,
  SimFulfillment,
  SimFulfillmentOrder,
  SimLevel,
  SimLocation,
  SimOrder,
  SimProduct,
  SimRefund,
  SimTaxLine,
  SimVariant,
} from './model.js';
import { toCents } from './model.js';
import { restOrder } from './rest-payloads.js';
import { EMPTY_ADDRESS, type NewOrder, timeOf } from './store-input.js';

export type { NewOrder, NewOrderLine } from './store-input.js';

/**
 * Where the store reports changes, so webhooks can be sent.
 *
 * @example
 * const emit: EmitEvent = (topic, payload) => webhooks.emit(topic, payload);
 */
export type EmitEvent = (topic: string, payload: () => unknown) => void;

/**
 * The simulator's records and the changes every protocol shares (GraphQL, REST, control routes).
 *
 * @example
 * const store = new ShopStore(Date.now, () => {});
 * store.createOrder({ lineItems: [{ sku: 'SKU-1001', quantity: 1 }] });
 */
export class ShopStore {
  readonly products = new Map<number, SimProduct>();
  readonly variants = new Map<number, SimVariant>();
  readonly locations = new Map<number, SimLocation>();
  readonly levels = new Map<string, SimLevel>();
  readonly customers = new Map<number, SimCustomer>();
  readonly orders = new Map<number, SimOrder>();
  readonly fulfillmentOrders = new Map<number, SimFulfillmentOrder>();
  readonly fulfillments = new Map<number, SimFulfillment>();
  readonly refunds = new Map<number, SimRefund>();
  readonly jobs = new Map<string, { done: boolean }>();
  private sequence = 7_000_000_001;
  private nextNumber = 1001;

  constructor(
    readonly now: () => number,
    readonly emit: EmitEvent,
  ) {}

  /** A fresh id; ids are never reused. */
  id(): number {
    return this.sequence++;
  }

  /** Keeps generated ids above a seeded one. */
  reserveId(id: number): void {
    if (id >= this.sequence) this.sequence = id + 1;
  }

  variantBySku(sku: string): SimVariant | undefined {
    for (const variant of this.variants.values()) if (variant.sku === sku) return variant;
    return undefined;
  }

  variantByInventoryItem(inventoryItemId: number): SimVariant | undefined {
    for (const variant of this.variants.values())
      if (variant.inventoryItemId === inventoryItemId) return variant;
    return undefined;
  }

  level(inventoryItemId: number, locationId: number): SimLevel | undefined {
    return this.levels.get(`${inventoryItemId}:${locationId}`);
  }

  putLevel(level: SimLevel): void {
    this.levels.set(`${level.inventoryItemId}:${level.locationId}`, level);
  }

  firstLocation(): SimLocation {
    const location = [...this.locations.values()].find((candidate) => candidate.active);
    if (!location) throw new Error('the simulator has no active location');
    return location;
  }

  /** Marks an order changed now. */
  touch(order: SimOrder): void {
    order.updatedAt = Math.max(this.now(), order.updatedAt + 1);
  }

  /**
   * Creates an order with its payment, fulfillment orders (one per location) and committed
   * stock, and reports orders/create unless `emit` is false (seeding).
   */
  createOrder(input: NewOrder, options: { emit?: boolean } = {}): SimOrder {
    const at = timeOf(input.createdAt) ?? this.now();
    const id = input.id ?? this.id();
    this.reserveId(id);
    const number = this.nextNumber++;
    const customer = input.customer ? this.customerFor(input.customer, input.shippingAddress) : null;
    const taxRate = input.taxRate ?? 0;
    const lines = input.lineItems.map((line) => {
      const variant = line.sku ? this.variantBySku(line.sku) : undefined;
      const product = variant ? this.products.get(variant.productId) : undefined;
      const priceCents = (line.price !== undefined ? toCents(line.price) : variant?.priceCents) ?? 0;
      const discountCents = line.discount !== undefined ? (toCents(line.discount) ?? 0) : 0;
      const rate = line.taxRate ?? taxRate;
      const lineId = line.id ?? this.id();
      this.reserveId(lineId);
      const taxLines: SimTaxLine[] =
        rate > 0
          ? [
              {
                title: 'Tax',
                rate,
                priceCents: Math.round((line.quantity * priceCents - discountCents) * rate),
              },
            ]
          : [];
      return {
        line: {
          id: lineId,
          variantId: variant?.id ?? null,
          productId: variant?.productId ?? null,
          sku: line.sku,
          title: line.title ?? product?.title ?? line.sku ?? 'Custom item',
          variantTitle: variant && variant.title !== 'Default Title' ? variant.title : null,
          quantity: line.quantity,
          priceCents,
          discountCents,
          taxLines,
          requiresShipping: true,
          fulfilledQuantity: 0,
          refundedQuantity: 0,
        },
        locationId: line.locationId ?? this.firstLocation().id,
      };
    });
    const shippingCents = input.shipping ? (toCents(input.shipping.price) ?? 0) : 0;
    const order: SimOrder = {
      id,
      number,
      name: input.name ?? `#${number}`,
      email: input.email ?? customer?.email ?? null,
      phone: input.phone ?? null,
      createdAt: at,
      updatedAt: timeOf(input.updatedAt) ?? at,
      cancelledAt: timeOf(input.cancelledAt) ?? null,
      cancelReason: input.cancelledAt !== undefined ? 'customer' : null,
      closedAt: null,
      currency: input.currency ?? 'USD',
      taxesIncluded: input.taxesIncluded ?? false,
      note: input.note ?? null,
      tags: input.tags ?? [],
      sourceName: input.sourceName ?? 'web',
      customer,
      shippingAddress: input.shippingAddress ? { ...EMPTY_ADDRESS, ...input.shippingAddress } : null,
      billingAddress: input.billingAddress
        ? { ...EMPTY_ADDRESS, ...input.billingAddress }
        : input.shippingAddress
          ? { ...EMPTY_ADDRESS, ...input.shippingAddress }
          : null,
      lineItems: lines.map((entry) => entry.line),
      shippingLines: input.shipping
        ? [
            {
              title: input.shipping.title,
              code: input.shipping.title,
              priceCents: shippingCents,
              taxLines:
                taxRate > 0
                  ? [{ title: 'Tax', rate: taxRate, priceCents: Math.round(shippingCents * taxRate) }]
                  : [],
            },
          ]
        : [],
      transactions: [],
      fulfillmentOrderIds: [],
      fulfillmentIds: [],
      refundIds: [],
    };
    this.orders.set(id, order);
    this.pay(order, input.financialStatus ?? 'paid', input.gateway ?? 'bogus', at);
    this.openFulfillmentOrders(order, lines, at);
    if (options.emit !== false) {
      this.emit('orders/create', () => restOrder(this, order));
    }
    return order;
  }

  private pay(order: SimOrder, status: 'paid' | 'authorized' | 'pending', gateway: string, at: number): void {
    if (status === 'pending') return;
    const subtotal = order.lineItems.reduce(
      (sum, line) => sum + line.quantity * line.priceCents - line.discountCents,
      0,
    );
    const shipping = order.shippingLines.reduce((sum, line) => sum + line.priceCents, 0);
    const tax = [...order.lineItems, ...order.shippingLines].reduce(
      (sum, line) => sum + line.taxLines.reduce((t, taxLine) => t + taxLine.priceCents, 0),
      0,
    );
    const amountCents = subtotal + shipping + (order.taxesIncluded ? 0 : tax);
    const id = this.id();
    order.transactions.push({
      id,
      orderId: order.id,
      kind: status === 'paid' ? 'SALE' : 'AUTHORIZATION',
      status: 'SUCCESS',
      amountCents,
      gateway,
      parentId: null,
      createdAt: at,
    });
  }

  private openFulfillmentOrders(
    order: SimOrder,
    lines: readonly { line: SimOrder['lineItems'][number]; locationId: number }[],
    at: number,
  ): void {
    const byLocation = new Map<number, SimOrder['lineItems']>();
    for (const { line, locationId } of lines)
      byLocation.set(locationId, [...(byLocation.get(locationId) ?? []), line]);
    for (const [locationId, locationLines] of byLocation) {
      const fulfillmentOrder: SimFulfillmentOrder = {
        id: this.id(),
        orderId: order.id,
        locationId,
        status: order.cancelledAt ? 'CLOSED' : 'OPEN',
        lineItems: locationLines.map((line) => ({
          id: this.id(),
          lineItemId: line.id,
          totalQuantity: line.quantity,
          remainingQuantity: order.cancelledAt ? 0 : line.quantity,
        })),
        createdAt: at,
        updatedAt: at,
      };
      this.fulfillmentOrders.set(fulfillmentOrder.id, fulfillmentOrder);
      order.fulfillmentOrderIds.push(fulfillmentOrder.id);
      if (order.cancelledAt) continue;
      for (const line of locationLines) {
        const variant = line.variantId ? this.variants.get(line.variantId) : undefined;
        const level = variant ? this.level(variant.inventoryItemId, locationId) : undefined;
        if (!level) continue;
        level.available -= line.quantity;
        level.committed += line.quantity;
      }
    }
  }

  private customerFor(
    input: NonNullable<NewOrder['customer']>,
    address: Partial<SimAddress> | undefined,
  ): SimCustomer {
    const known = input.id !== undefined ? this.customers.get(input.id) : undefined;
    if (known) return known;
    const byEmail = input.email
      ? [...this.customers.values()].find((customer) => customer.email === input.email)
      : undefined;
    if (byEmail) return byEmail;
    const customer: SimCustomer = {
      id: input.id ?? this.id(),
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      defaultAddress: address ? { ...EMPTY_ADDRESS, ...address } : null,
    };
    this.reserveId(customer.id);
    this.customers.set(customer.id, customer);
    return customer;
  }
}
