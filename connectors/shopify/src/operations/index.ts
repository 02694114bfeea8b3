import type { Operation } from '@waybill/connector-kit';
import { adjustInventoryOperation } from './adjust-inventory.js';
import { cancelOrderOperation } from './cancel-order.js';
import { createFulfillmentOperation } from './create-fulfillment.js';
import { createRefundOperation } from './create-refund.js';
import { getOrderOperation } from './get-order.js';
import { listOrdersUpdatedSinceOperation } from './list-orders-updated-since.js';
import { listProductsOperation } from './list-products.js';
import { setInventoryOperation } from './set-inventory.js';
import { toCanonicalOrderOperation } from './to-canonical-order.js';

export * from './adjust-inventory.js';
export * from './cancel-order.js';
export * from './create-fulfillment.js';
export * from './create-refund.js';
export * from './get-order.js';
export * from './list-orders-updated-since.js';
export * from './list-products.js';
export * from './set-inventory.js';
export * from './to-canonical-order.js';

/**
 * Every operation of the Shopify connector, in palette order: orders, fulfilment, inventory,
 * after-sale, catalog, mapping.
 *
 * @example
 * shopifyOperations.map((operation) => operation.type); // ['shopify.getOrder', 'shopify.listOrdersUpdatedSince', ...]
 */
export const shopifyOperations: readonly Operation[] = [
  getOrderOperation,
  listOrdersUpdatedSinceOperation,
  createFulfillmentOperation,
  setInventoryOperation,
  adjustInventoryOperation,
  cancelOrderOperation,
  createRefundOperation,
  listProductsOperation,
  toCanonicalOrderOperation,
];
