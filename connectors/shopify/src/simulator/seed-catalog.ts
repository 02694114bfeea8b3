/**
 * The seeded catalog and locations; prices are in cents, stock at [Main Warehouse, East Warehouse].
 */

/**
 * Products of the seed: SKU, title, price and stock at [Main Warehouse, East Warehouse].
 *
 * @example
 * SEED_PRODUCTS.find((product) => product.variants.some((variant) => variant.sku === 'SKU-1001'));
 */
export const SEED_PRODUCTS = [
  {
    id: 632910392,
    title: 'IPod Nano - 8GB',
    vendor: 'Apple',
    type: 'Cult Products',
    variants: [
      {
        id: 39072856,
        inventoryItemId: 39072856,
        title: 'green',
        sku: 'IPOD2008GREEN',
        price: 19900,
        stock: [25, 10],
      },
      {
        id: 49148385,
        inventoryItemId: 49148385,
        title: 'red',
        sku: 'IPOD2008RED',
        price: 19900,
        stock: [2, 0],
      },
      {
        id: 457924702,
        inventoryItemId: 457924702,
        title: 'black',
        sku: 'IPOD2008BLACK',
        price: 19900,
        stock: [0, 5],
      },
    ],
  },
  {
    id: 921728736,
    title: 'Corrugated Box 12x12x12',
    vendor: 'Waybill Supplies',
    type: 'Boxes',
    variants: [
      {
        id: 808950810,
        inventoryItemId: 808950810,
        title: 'Default Title',
        sku: 'SKU-1001',
        price: 240,
        stock: [500, 250],
      },
    ],
  },
  {
    id: 921728737,
    title: 'Corrugated Box 18x18x18',
    vendor: 'Waybill Supplies',
    type: 'Boxes',
    variants: [
      {
        id: 808950811,
        inventoryItemId: 808950811,
        title: 'Default Title',
        sku: 'SKU-1002',
        price: 360,
        stock: [320, 0],
      },
    ],
  },
  {
    id: 921728738,
    title: 'Mailer Bag 10x13',
    vendor: 'Waybill Supplies',
    type: 'Mailers',
    variants: [
      {
        id: 808950812,
        inventoryItemId: 808950812,
        title: 'Default Title',
        sku: 'SKU-1004',
        price: 35,
        stock: [2000, 1500],
      },
    ],
  },
  {
    id: 921728739,
    title: 'Packing Tape 48mm Clear',
    vendor: 'Waybill Supplies',
    type: 'Tape',
    variants: [
      {
        id: 808950813,
        inventoryItemId: 808950813,
        title: 'Default Title',
        sku: 'SKU-1006',
        price: 190,
        stock: [640, 120],
      },
    ],
  },
  {
    id: 921728740,
    title: 'Bubble Wrap Roll 300mm x 50m',
    vendor: 'Waybill Supplies',
    type: 'Protection',
    variants: [
      {
        id: 808950814,
        inventoryItemId: 808950814,
        title: 'Default Title',
        sku: 'SKU-1009',
        price: 1450,
        stock: [42, 10],
      },
    ],
  },
  {
    id: 921728741,
    title: 'Thermal Label 4x6 Roll',
    vendor: 'Waybill Supplies',
    type: 'Labels',
    variants: [
      {
        id: 808950815,
        inventoryItemId: 808950815,
        title: 'Default Title',
        sku: 'SKU-1016',
        price: 990,
        stock: [210, 90],
      },
    ],
  },
  {
    id: 921728742,
    title: 'Foam Corner Protector',
    vendor: 'Waybill Supplies',
    type: 'Protection',
    variants: [
      {
        id: 808950816,
        inventoryItemId: 808950816,
        title: 'Default Title',
        sku: 'SKU-1022',
        price: 80,
        stock: [1200, 400],
      },
    ],
  },
] as const;

/**
 * The seeded locations, named like the Odoo simulator's warehouses.
 *
 * @example
 * SEED_LOCATIONS[0]; // { id: 487838322, name: 'Main Warehouse' }
 */
export const SEED_LOCATIONS = [
  { id: 487838322, name: 'Main Warehouse' },
  { id: 655441491, name: 'East Warehouse' },
] as const;
