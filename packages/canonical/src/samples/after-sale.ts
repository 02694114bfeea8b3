import type { CanonicalInvoice } from '../entities/invoice.js';
import type { CanonicalPayment } from '../entities/payment.js';
import type { CanonicalReturn } from '../entities/return.js';
import type { CanonicalShipment } from '../entities/shipment.js';
import { deepFreeze } from './freeze.js';
import { sampleAddress, sampleCustomer } from './master-data.js';

// These follow sampleShopifyOrder (#1005) through shipping, invoicing, payment and a return, so a
// connector test can check that the numbers agree across documents.

/**
 * The shipment of order #1005 in two parcels.
 *
 * @example
 * sampleShipment.packages.length; // 2
 */
export const sampleShipment: CanonicalShipment = deepFreeze({
  number: 'BER1/OUT/00042',
  orderNumber: '#1005',
  warehouseCode: 'BER1',
  shippedAt: '2025-03-03T16:40:00+01:00',
  carrier: 'DHL',
  service: 'DHL Paket',
  packages: [
    {
      sscc: '340123450000000017',
      trackingNumber: '00340434161094042557',
      weight: { value: '13.1', unit: 'kg' },
      items: [{ sku: 'CB-ESP-1KG', quantity: '12', uom: 'Units' }],
    },
    {
      trackingNumber: '00340434161094042564',
      weight: { value: '6.4', unit: 'kg' },
      items: [{ sku: 'GR-BUR-64', quantity: '1' }],
    },
  ],
  shipTo: sampleAddress,
  status: 'shipped',
});

/**
 * The paid invoice of order #1005; shipping is a line without a SKU.
 *
 * @example
 * sampleInvoice.totals.total; // '652.75'
 */
export const sampleInvoice: CanonicalInvoice = deepFreeze({
  number: 'INV/2025/00042',
  orderNumber: '#1005',
  issuedAt: '2025-03-03',
  dueAt: '2025-04-02',
  currency: 'EUR',
  customer: {
    ref: '4821',
    name: sampleCustomer.name,
    vat: sampleCustomer.vat,
    billingAddress: sampleCustomer.billingAddress,
  },
  lines: [
    {
      sku: 'CB-ESP-1KG',
      description: 'Espresso beans 1 kg',
      quantity: '12',
      unitPrice: '18.50',
      discount: '11.10',
      taxes: [{ name: 'DE VAT 7%', rate: '0.07', amount: '14.76' }],
      total: '210.90',
    },
    {
      sku: 'GR-BUR-64',
      description: 'Burr grinder 64 mm',
      quantity: '1',
      unitPrice: '349.00',
      taxes: [{ name: 'DE VAT 19%', rate: '0.19', amount: '66.31' }],
      total: '349.00',
    },
    {
      description: 'Shipping: DHL Paket',
      quantity: '1',
      unitPrice: '9.90',
      taxes: [{ name: 'DE VAT 19%', rate: '0.19', amount: '1.88' }],
      total: '9.90',
    },
  ],
  totals: { subtotal: '569.80', tax: '82.95', total: '652.75', amountDue: '0.00' },
  status: 'paid',
});

/**
 * The card payment that settled invoice INV/2025/00042.
 *
 * @example
 * sampleInvoice.totals.total === samplePayment.amount; // true
 */
export const samplePayment: CanonicalPayment = deepFreeze({
  reference: '6123456789012',
  invoiceNumber: 'INV/2025/00042',
  amount: '652.75',
  currency: 'EUR',
  paidAt: '2025-03-02T09:14:07+01:00',
  method: 'credit_card',
  status: 'paid',
  extensions: { shopify: { gateway: 'shopify_payments', kind: 'sale' } },
});

/**
 * A damaged grinder coming back from order #1005, refunded with its VAT.
 *
 * @example
 * sampleReturn.refund?.amount; // '415.31'
 */
export const sampleReturn: CanonicalReturn = deepFreeze({
  number: 'RMA-0007',
  orderNumber: '#1005',
  reason: 'Grinder arrived with a cracked hopper',
  requestedAt: '2025-03-05T10:02:00+01:00',
  lines: [
    { sku: 'GR-BUR-64', quantity: '1', uom: 'Units', reason: 'damaged in transit', condition: 'damaged' },
  ],
  refund: { amount: '415.31', currency: 'EUR' },
  status: 'authorized',
});
