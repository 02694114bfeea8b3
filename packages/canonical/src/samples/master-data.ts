import type { CanonicalAddress } from '../entities/address.js';
import type { CanonicalCustomer } from '../entities/customer.js';
import type { CanonicalProduct } from '../entities/product.js';
import type { CanonicalWarehouse } from '../entities/warehouse.js';
import { deepFreeze } from './freeze.js';

/**
 * A German café's delivery address.
 *
 * @example
 * sampleAddress.countryCode; // 'DE'
 */
export const sampleAddress: CanonicalAddress = deepFreeze({
  name: 'Anna Weber',
  company: 'Café Lindenhof GmbH',
  street1: 'Lindenstraße 12',
  street2: 'Hinterhaus, 2. OG',
  city: 'Berlin',
  region: 'BE',
  postalCode: '10969',
  countryCode: 'DE',
  phone: '+493012345678',
  email: 'anna.weber@cafe-lindenhof.de',
});

/**
 * A B2B customer known to Shopify and Odoo.
 *
 * @example
 * sampleCustomer.externalIds?.odoo; // '4821'
 */
export const sampleCustomer: CanonicalCustomer = deepFreeze({
  ref: '7012345678901',
  name: 'Café Lindenhof GmbH',
  email: 'einkauf@cafe-lindenhof.de',
  phone: '+493012345600',
  vat: 'DE812345678',
  isCompany: true,
  billingAddress: {
    company: 'Café Lindenhof GmbH',
    street1: 'Lindenstraße 12',
    city: 'Berlin',
    region: 'BE',
    postalCode: '10969',
    countryCode: 'DE',
  },
  shippingAddresses: [sampleAddress],
  externalIds: { shopify: '7012345678901', odoo: '4821' },
});

/**
 * A stocked product with price and weight.
 *
 * @example
 * sampleProduct.sku; // 'CB-ESP-1KG'
 */
export const sampleProduct: CanonicalProduct = deepFreeze({
  sku: 'CB-ESP-1KG',
  name: 'Espresso beans 1 kg',
  barcode: '4006381333931',
  uom: 'Units',
  listPrice: '18.50',
  currency: 'EUR',
  weight: { value: '1.05', unit: 'kg' },
  active: true,
  externalIds: { odoo: '311', shopify: '44012345678901' },
});

/**
 * The distribution centre the samples ship from.
 *
 * @example
 * sampleWarehouse.code; // 'BER1'
 */
export const sampleWarehouse: CanonicalWarehouse = deepFreeze({
  code: 'BER1',
  name: 'Berlin Tempelhof DC',
  address: {
    company: 'Northwind Coffee Supply GmbH',
    street1: 'Tempelhofer Damm 210',
    city: 'Berlin',
    region: 'BE',
    postalCode: '12099',
    countryCode: 'DE',
  },
  externalIds: { odoo: '1' },
});
