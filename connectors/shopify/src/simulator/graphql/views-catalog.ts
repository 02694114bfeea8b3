import type { SimAddress, SimCustomer, SimLevel, SimLocation, SimVariant } from '../model.js';
import { decimal, gid, isoTime } from '../model.js';
import type { ShopStore } from '../store.js';
import { connection, type PageArgs } from './connection.js';

/**
 * GraphQL views of the catalog and stock (money, addresses, customers, locations, inventory
 * levels and items, variants); see views.ts for how views work.
 */

/**
 * A MoneyBag in the order currency (shop and presentment money alike).
 *
 * @example
 * moneyBag(40994, 'USD').shopMoney.amount; // '409.94'
 */
export function moneyBag(cents: number, currency: string) {
  const money = { amount: decimal(cents), currencyCode: currency };
  return { shopMoney: money, presentmentMoney: money };
}

/**
 * An address view.
 *
 * @example
 * addressView(order.shippingAddress)?.countryCodeV2; // 'US'
 */
export function addressView(address: SimAddress | null) {
  if (!address) return null;
  return {
    ...address,
    id: null,
    name: [address.firstName, address.lastName].filter(Boolean).join(' ') || null,
    countryCodeV2: address.countryCode,
  };
}

/**
 * A customer view.
 *
 * @example
 * customerView(order.customer)?.displayName; // 'Bob Norman'
 */
export function customerView(customer: SimCustomer | null) {
  if (!customer) return null;
  return {
    id: gid('Customer', customer.id),
    legacyResourceId: String(customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName:
      [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email || 'Customer',
    email: customer.email,
    phone: customer.phone,
    defaultAddress: addressView(customer.defaultAddress),
  };
}

/**
 * A location view.
 *
 * @example
 * locationView(store, store.firstLocation()).name; // 'Main Warehouse'
 */
export function locationView(store: ShopStore, location: SimLocation) {
  return {
    id: gid('Location', location.id),
    legacyResourceId: String(location.id),
    name: location.name,
    isActive: location.active,
    inventoryLevel: ({ inventoryItemId }: { inventoryItemId: string }) => {
      const itemId = Number(/\/(\d+)$/.exec(inventoryItemId)?.[1]);
      const level = store.level(itemId, location.id);
      return level ? levelView(store, level) : null;
    },
  };
}

/**
 * An inventory level view.
 *
 * @example
 * levelView(store, level).quantities({ names: ['available'] });
 */
export function levelView(store: ShopStore, level: SimLevel) {
  const levelId = `gid://shopify/InventoryLevel/${level.locationId}?inventory_item_id=${level.inventoryItemId}`;
  return {
    id: levelId,
    updatedAt: isoTime(level.updatedAt),
    location: () => {
      const location = store.locations.get(level.locationId);
      return location ? locationView(store, location) : null;
    },
    item: () => {
      const variant = store.variantByInventoryItem(level.inventoryItemId);
      return variant ? inventoryItemView(store, variant) : null;
    },
    quantities: ({ names }: { names: string[] }) =>
      names.map((name) => ({
        id: `${levelId}&name=${name}`,
        name,
        quantity:
          name === 'available'
            ? level.available
            : name === 'committed'
              ? level.committed
              : name === 'on_hand'
                ? level.available + level.committed
                : 0,
        updatedAt: isoTime(level.updatedAt),
      })),
  };
}

/**
 * An inventory item view (one per variant).
 *
 * @example
 * inventoryItemView(store, variant).inventoryLevel({ locationId: 'gid://shopify/Location/487838322' });
 */
export function inventoryItemView(store: ShopStore, variant: SimVariant) {
  const levels = () =>
    [...store.levels.values()].filter((level) => level.inventoryItemId === variant.inventoryItemId);
  return {
    id: gid('InventoryItem', variant.inventoryItemId),
    legacyResourceId: String(variant.inventoryItemId),
    sku: variant.sku,
    tracked: true,
    variant: () => variantView(store, variant),
    inventoryLevel: ({ locationId }: { locationId: string }) => {
      const level = store.level(variant.inventoryItemId, Number(/\/(\d+)$/.exec(locationId)?.[1]));
      return level ? levelView(store, level) : null;
    },
    inventoryLevels: (args: PageArgs) =>
      connection(
        levels(),
        args,
        (level) => [level.locationId, level.locationId],
        (level) => levelView(store, level),
      ),
  };
}

/**
 * A product variant view.
 *
 * @example
 * variantView(store, variant).price; // '2.4'
 */
export function variantView(store: ShopStore, variant: SimVariant) {
  const product = store.products.get(variant.productId);
  return {
    id: gid('ProductVariant', variant.id),
    legacyResourceId: String(variant.id),
    title: variant.title,
    displayName: product ? `${product.title} - ${variant.title}` : variant.title,
    sku: variant.sku,
    price: decimal(variant.priceCents),
    inventoryQuantity: [...store.levels.values()]
      .filter((level) => level.inventoryItemId === variant.inventoryItemId)
      .reduce((sum, level) => sum + level.available, 0),
    product: () =>
      product
        ? {
            ...product,
            id: gid('Product', product.id),
            legacyResourceId: String(product.id),
            status: product.status.toUpperCase(),
            createdAt: isoTime(product.createdAt),
            updatedAt: isoTime(product.updatedAt),
          }
        : null,
    inventoryItem: () => inventoryItemView(store, variant),
  };
}

/**
 * The first `first` items, or all when `first` is not given (list fields sized by `first`).
 *
 * @example
 * limit([1, 2, 3], 2); // [1, 2]
 */
export const limit = <T>(items: readonly T[], first: number | null | undefined): readonly T[] =>
  first === undefined || first === null ? items : items.slice(0, first);
