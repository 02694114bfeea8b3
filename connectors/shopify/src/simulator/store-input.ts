import type { SimAddress } from './model.js';

/**
 * A line of a new order: a SKU of the catalog (its variant, title and price are used unless
 * given), or a custom item (no variant) when the SKU is unknown or null.
 *
 * @example
 * const line: NewOrderLine = { sku: 'SKU-1001', quantity: 10 };
 */
export interface NewOrderLine {
  sku: string | null;
  quantity: number;
  /** Unit price as a decimal string; the variant's price by default. */
  price?: string;
  title?: string;
  /** Discount on the whole line, as a decimal string. */
  discount?: string;
  /** Tax rate of the line (0.06 is 6 %); the order's by default. */
  taxRate?: number;
  /** Location that ships the line (the first location by default). */
  locationId?: number;
  id?: number;
}

/**
 * An order to create in the simulator (`sim.createOrder`, `POST /__sim/orders`).
 *
 * @example
 * const order: NewOrder = { email: 'jane@example.com', lineItems: [{ sku: 'SKU-1001', quantity: 2 }], taxRate: 0.08 };
 */
export interface NewOrder {
  id?: number;
  name?: string;
  email?: string;
  phone?: string;
  customer?: { id?: number; firstName?: string; lastName?: string; email?: string; phone?: string };
  shippingAddress?: Partial<SimAddress>;
  billingAddress?: Partial<SimAddress>;
  lineItems: NewOrderLine[];
  shipping?: { title: string; price: string };
  taxRate?: number;
  taxesIncluded?: boolean;
  currency?: string;
  note?: string;
  tags?: string[];
  /** paid (default): a SALE; authorized: an AUTHORIZATION; pending: no payment yet. */
  financialStatus?: 'paid' | 'authorized' | 'pending';
  gateway?: string;
  createdAt?: string | number;
  updatedAt?: string | number;
  cancelledAt?: string | number;
  sourceName?: string;
}

/**
 * An address with every field empty, the base of a partial one.
 *
 * @example
 * const address: SimAddress = { ...EMPTY_ADDRESS, city: 'Berlin' };
 */
export const EMPTY_ADDRESS: SimAddress = {
  firstName: null,
  lastName: null,
  company: null,
  address1: null,
  address2: null,
  city: null,
  province: null,
  provinceCode: null,
  zip: null,
  country: null,
  countryCode: null,
  phone: null,
};

/**
 * An instant given as ISO text or milliseconds.
 *
 * @example
 * timeOf('2025-03-01T09:00:00Z'); // 1740819600000
 */
export function timeOf(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}
