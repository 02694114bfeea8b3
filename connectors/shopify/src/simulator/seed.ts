import { SEED_LOCATIONS, SEED_PRODUCTS } from './seed-catalog.js';
import { SEED_ORDERS } from './seed-orders.js';
import type { ShopStore } from './store.js';

export { SEED_LOCATIONS, SEED_PRODUCTS } from './seed-catalog.js';
export { SEED_ORDERS } from './seed-orders.js';

/**
 * The seeded shop: a few products whose SKUs match the Odoo simulator's catalog (so a Shopify
 * order flows into Odoo unchanged), two locations named like Odoo's warehouses, and five orders
 * in the states the operations need (paid and open, split over two locations, only authorized,
 * already cancelled). Ids of the sample payloads in fixtures/ are kept (order 450789469, line
 * items 466157049 / 518995019 / 703073504).
 */

/**
 * Fills an empty store with the seed.
 *
 * @example
 * seedShop(store);
 */
export function seedShop(store: ShopStore): void {
  const at = Date.parse('2025-01-15T12:00:00Z');
  for (const location of SEED_LOCATIONS) {
    store.locations.set(location.id, { id: location.id, name: location.name, active: true });
    store.reserveId(location.id);
  }
  for (const product of SEED_PRODUCTS) {
    store.reserveId(product.id);
    store.products.set(product.id, {
      id: product.id,
      title: product.title,
      handle: product.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
      status: 'active',
      vendor: product.vendor,
      productType: product.type,
      createdAt: at,
      updatedAt: at,
      variantIds: product.variants.map((variant) => variant.id),
    });
    for (const variant of product.variants) {
      store.reserveId(variant.id);
      store.variants.set(variant.id, {
        id: variant.id,
        productId: product.id,
        title: variant.title,
        sku: variant.sku,
        priceCents: variant.price,
        inventoryItemId: variant.inventoryItemId,
      });
      variant.stock.forEach((available, index) => {
        const location = SEED_LOCATIONS[index];
        if (location)
          store.putLevel({
            inventoryItemId: variant.inventoryItemId,
            locationId: location.id,
            available,
            committed: 0,
            updatedAt: at,
          });
      });
    }
  }
  for (const order of SEED_ORDERS) store.createOrder(order, { emit: false });
}
