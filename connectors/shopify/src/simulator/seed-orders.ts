import type { SimAddress } from './model.js';
import { SEED_LOCATIONS } from './seed-catalog.js';
import type { NewOrder } from './store-input.js';

/**
 * The seeded orders: #1001 (the sample payload's order, three iPods, paid), #1002 (a wholesale
 * order with a line discount), #1003 (split over both locations), #1004 (only authorized) and
 * #1005 (already cancelled).
 */

const [MAIN, EAST] = [SEED_LOCATIONS[0].id, SEED_LOCATIONS[1].id];

const louisville: Partial<SimAddress> = {
  firstName: 'Bob',
  lastName: 'Norman',
  address1: 'Chestnut Street 92',
  city: 'Louisville',
  province: 'Kentucky',
  provinceCode: 'KY',
  zip: '40202',
  country: 'United States',
  countryCode: 'US',
  phone: '555-625-1199',
};
const acme: Partial<SimAddress> = {
  firstName: 'Jane',
  lastName: 'Cooper',
  company: 'Acme Retail Inc.',
  address1: '55 Water Street',
  address2: 'Dock 4',
  city: 'Brooklyn',
  province: 'New York',
  provinceCode: 'NY',
  zip: '11201',
  country: 'United States',
  countryCode: 'US',
};
const berlin: Partial<SimAddress> = {
  firstName: 'Lukas',
  lastName: 'Müller',
  address1: 'Lindenstraße 12',
  city: 'Berlin',
  zip: '10969',
  country: 'Germany',
  countryCode: 'DE',
};

/**
 * The seeded orders, oldest first.
 *
 * @example
 * SEED_ORDERS[0]?.name; // '#1001'
 */
export const SEED_ORDERS: readonly NewOrder[] = [
  {
    id: 450789469,
    email: 'bob.norman@mail.example.com',
    customer: { id: 207119551, firstName: 'Bob', lastName: 'Norman', email: 'bob.norman@mail.example.com' },
    shippingAddress: louisville,
    lineItems: [
      { id: 466157049, sku: 'IPOD2008GREEN', quantity: 1 },
      { id: 518995019, sku: 'IPOD2008RED', quantity: 1 },
      { id: 703073504, sku: 'IPOD2008BLACK', quantity: 1, locationId: MAIN },
    ],
    taxRate: 0.06,
    shipping: { title: 'Standard', price: '10.00' },
    createdAt: '2025-03-01T09:00:00Z',
  },
  {
    email: 'jane.cooper@acme-retail.example',
    customer: {
      id: 115310627,
      firstName: 'Jane',
      lastName: 'Cooper',
      email: 'jane.cooper@acme-retail.example',
    },
    shippingAddress: acme,
    lineItems: [
      { sku: 'SKU-1001', quantity: 10 },
      { sku: 'SKU-1006', quantity: 4, discount: '0.76' },
    ],
    shipping: { title: 'Ground', price: '9.90' },
    tags: ['wholesale'],
    createdAt: '2025-03-02T10:00:00Z',
    updatedAt: '2025-03-02T10:05:00Z',
  },
  {
    email: 'lukas.mueller@example.de',
    customer: { id: 207119552, firstName: 'Lukas', lastName: 'Müller', email: 'lukas.mueller@example.de' },
    shippingAddress: berlin,
    lineItems: [
      { sku: 'SKU-1009', quantity: 2, locationId: MAIN },
      { sku: 'SKU-1016', quantity: 3, locationId: EAST },
    ],
    taxRate: 0.19,
    createdAt: '2025-03-03T08:30:00Z',
    updatedAt: '2025-03-04T12:00:00Z',
  },
  {
    email: 'purchasing@northwind.example',
    customer: {
      id: 115310628,
      firstName: 'Nancy',
      lastName: 'Davolio',
      email: 'purchasing@northwind.example',
    },
    shippingAddress: { ...acme, company: 'Northwind Traders', firstName: 'Nancy', lastName: 'Davolio' },
    lineItems: [{ sku: 'SKU-1022', quantity: 50 }],
    financialStatus: 'authorized',
    createdAt: '2025-03-05T14:00:00Z',
  },
  {
    email: 'bob.norman@mail.example.com',
    customer: { id: 207119551 },
    shippingAddress: louisville,
    lineItems: [{ sku: 'SKU-1002', quantity: 5 }],
    createdAt: '2025-03-06T07:00:00Z',
    cancelledAt: '2025-03-06T09:00:00Z',
    updatedAt: '2025-03-06T09:00:00Z',
  },
];
