import type { CanonicalEntityTypes } from '../registry.js';
import { sampleInvoice, samplePayment, sampleReturn, sampleShipment } from './after-sale.js';
import { deepFreeze } from './freeze.js';
import { sampleAddress, sampleCustomer, sampleProduct, sampleWarehouse } from './master-data.js';
import { sampleShopifyOrder } from './orders.js';
import { sampleInventory } from './stock.js';

export { sampleInvoice, samplePayment, sampleReturn, sampleShipment } from './after-sale.js';
export { sampleAddress, sampleCustomer, sampleProduct, sampleWarehouse } from './master-data.js';
export { sampleEdiOrder, sampleShopifyOrder } from './orders.js';
export { sampleInventory } from './stock.js';

/**
 * One realistic, valid, deep-frozen sample of each canonical entity; together they follow Shopify
 * order #1005 from capture to return. Use `structuredClone` before changing one.
 *
 * @example
 * const order = structuredClone(canonicalSamples.order);
 * order.lines[0]!.quantity = '24';
 */
export const canonicalSamples: { readonly [E in keyof CanonicalEntityTypes]: CanonicalEntityTypes[E] } =
  deepFreeze({
    address: sampleAddress,
    customer: sampleCustomer,
    product: sampleProduct,
    warehouse: sampleWarehouse,
    inventory: sampleInventory,
    order: sampleShopifyOrder,
    shipment: sampleShipment,
    invoice: sampleInvoice,
    payment: samplePayment,
    return: sampleReturn,
  });
