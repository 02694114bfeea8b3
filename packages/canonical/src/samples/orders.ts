import type { CanonicalOrder } from '../entities/order.js';
import { deepFreeze } from './freeze.js';
import { sampleAddress, sampleCustomer } from './master-data.js';

/**
 * A Shopify B2B order whose lines, taxes and totals add up: 12 × 18.50 − 11.10 at 7 % VAT,
 * 349.00 at 19 %, 9.90 shipping at 19 %.
 *
 * @example
 * sampleShopifyOrder.totals?.total; // '652.75'
 */
export const sampleShopifyOrder: CanonicalOrder = deepFreeze({
  number: '#1005',
  source: { system: 'shopify', id: '5678901234567' },
  orderedAt: '2025-03-02T09:14:05+01:00',
  currency: 'EUR',
  pricesIncludeTax: false,
  customer: {
    ref: sampleCustomer.ref,
    name: sampleCustomer.name,
    email: sampleCustomer.email,
    vat: sampleCustomer.vat,
    isCompany: true,
    externalIds: { shopify: '7012345678901' },
  },
  poNumber: 'LH-2025-031',
  shipTo: sampleAddress,
  billTo: sampleCustomer.billingAddress,
  lines: [
    {
      lineNumber: '13579246801',
      sku: 'CB-ESP-1KG',
      description: 'Espresso beans 1 kg',
      quantity: '12',
      uom: 'Units',
      unitPrice: '18.50',
      discount: '11.10',
      taxes: [{ name: 'DE VAT 7%', rate: '0.07', amount: '14.76' }],
    },
    {
      lineNumber: '13579246802',
      sku: 'GR-BUR-64',
      description: 'Burr grinder 64 mm',
      quantity: '1',
      unitPrice: '349.00',
      taxes: [{ name: 'DE VAT 19%', rate: '0.19', amount: '66.31' }],
    },
  ],
  shipping: { method: 'Standard', carrier: 'DHL', amount: '9.90' },
  totals: { subtotal: '559.90', discount: '0.00', tax: '82.95', shipping: '9.90', total: '652.75' },
  notes: 'Please deliver before 10:00, café opens at 11.',
  extensions: { shopify: { tags: ['wholesale'], sourceName: 'web' } },
});

/**
 * An EDI 850 purchase order from a US retailer, in dozens, without totals (EDI rarely sends them).
 *
 * @example
 * sampleEdiOrder.poNumber; // '4500012345'
 */
export const sampleEdiOrder: CanonicalOrder = deepFreeze({
  number: '4500012345',
  source: { system: 'edi', id: '000004711' },
  orderedAt: '2025-03-03T14:00:00-05:00',
  currency: 'USD',
  customer: { ref: '0614141000005', name: 'Acme Retail Inc.', isCompany: true },
  poNumber: '4500012345',
  shipTo: {
    company: 'Acme Retail DC 12',
    street1: '4100 Distribution Pkwy',
    city: 'Atlanta',
    region: 'GA',
    postalCode: '30336',
    countryCode: 'US',
  },
  requestedShipDate: '2025-03-10',
  lines: [
    { lineNumber: '1', sku: 'CB-ESP-1KG', quantity: '10', uom: 'Dozens', unitPrice: '198.00' },
    { lineNumber: '2', sku: 'GR-BUR-64', quantity: '4', unitPrice: '310.00' },
  ],
  extensions: { edi: { senderId: 'ACMERETAIL', receiverId: 'NORTHWIND', version: '004010' } },
});
