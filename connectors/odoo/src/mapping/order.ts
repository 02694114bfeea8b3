import type { CanonicalOrder, CanonicalOrderLine } from '@waybill/canonical';
import { discountPercent, toOdooNumber } from './decimal.js';

/**
 * Canonical orders as sale.order values. Lines are x2many create commands `[0, 0, values]`;
 * quantities and prices go over as floats, the discount as Odoo's percentage.
 */

/**
 * What an order line needs from Odoo besides the canonical line.
 *
 * @example
 * const resolved: ResolvedLine = { productId: 12, uomId: undefined };
 */
export interface ResolvedLine {
  productId: number;
  /** Set when the line's unit differs from the product's own. */
  uomId?: number;
}

/**
 * The sale.order.line values of a canonical line.
 *
 * @example
 * orderLineValues({ sku: 'SKU-1001', quantity: '12', unitPrice: '18.50', discount: '11.10' }, { productId: 1 }, 'product_uom');
 * // { product_id: 1, product_uom_qty: 12, price_unit: 18.5, discount: 5 }
 */
export function orderLineValues(
  line: CanonicalOrderLine,
  resolved: ResolvedLine,
  uomField: string,
): Record<string, unknown> {
  const values: Record<string, unknown> = {
    product_id: resolved.productId,
    product_uom_qty: toOdooNumber(line.quantity),
    price_unit: toOdooNumber(line.unitPrice),
  };
  if (line.discount !== undefined && toOdooNumber(line.discount) !== 0) {
    values.discount = discountPercent(line.discount, line.quantity, line.unitPrice);
  }
  if (line.description) values.name = line.description;
  if (resolved.uomId !== undefined) values[uomField] = resolved.uomId;
  return values;
}

/**
 * The sale.order values of a canonical order. `client_order_ref` carries the order number: it is
 * the key `odoo.createSaleOrder` looks up before creating, and Odoo prints it on the invoice.
 *
 * @example
 * saleOrderValues(order, { partnerId: 8 }, [[0, 0, { product_id: 1, product_uom_qty: 2, price_unit: 10 }]]).client_order_ref; // '#1005'
 */
export function saleOrderValues(
  order: CanonicalOrder,
  parties: {
    partnerId: number;
    invoiceId?: number;
    shippingId?: number;
    pricelistId?: number;
    warehouseId?: number;
  },
  lines: readonly [0, 0, Record<string, unknown>][],
): Record<string, unknown> {
  const values: Record<string, unknown> = {
    partner_id: parties.partnerId,
    client_order_ref: order.number,
    origin: orderOrigin(order),
    order_line: lines,
  };
  if (parties.invoiceId !== undefined) values.partner_invoice_id = parties.invoiceId;
  if (parties.shippingId !== undefined) values.partner_shipping_id = parties.shippingId;
  if (parties.pricelistId !== undefined) values.pricelist_id = parties.pricelistId;
  if (parties.warehouseId !== undefined) values.warehouse_id = parties.warehouseId;
  if (order.orderedAt) values.date_order = odooDateTime(order.orderedAt);
  if (order.requestedShipDate) values.commitment_date = `${order.requestedShipDate} 00:00:00`;
  if (order.notes) values.note = order.notes;
  return values;
}

/**
 * The "source document" of the order: the channel and its id, and the customer's PO number when
 * it differs from the order number.
 *
 * @example
 * orderOrigin({ number: '#1005', poNumber: 'LH-2025-031', source: { system: 'shopify', id: '5678901234567' }, ... });
 * // 'shopify 5678901234567 / PO LH-2025-031'
 */
export function orderOrigin(order: Pick<CanonicalOrder, 'number' | 'poNumber' | 'source'>): string {
  const channel = `${order.source.system} ${order.source.id ?? order.number}`;
  return order.poNumber && order.poNumber !== order.number ? `${channel} / PO ${order.poNumber}` : channel;
}

/**
 * An RFC 3339 instant as Odoo's datetime text, which is UTC without a zone.
 *
 * @example
 * odooDateTime('2025-03-02T09:14:05+01:00'); // '2025-03-02 08:14:05'
 */
export function odooDateTime(instant: string): string {
  return new Date(instant).toISOString().slice(0, 19).replace('T', ' ');
}
