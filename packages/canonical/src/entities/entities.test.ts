import { describe, expect, it } from 'vitest';
import { canonicalSamples } from '../samples/index.js';
import { changed, errorsOf, REMOVE } from '../test-support.js';
import { CanonicalCustomerSchema } from './customer.js';
import { CanonicalInvoiceSchema } from './invoice.js';
import { CanonicalPaymentSchema } from './payment.js';
import { CanonicalProductSchema } from './product.js';
import { CanonicalReturnSchema } from './return.js';
import { CanonicalShipmentSchema } from './shipment.js';
import { CanonicalWarehouseSchema } from './warehouse.js';

describe('CanonicalProductSchema', () => {
  it('refuses a product without a SKU', () => {
    expect(errorsOf(CanonicalProductSchema, changed(canonicalSamples.product, { '/sku': REMOVE }))).toEqual([
      expect.objectContaining({ instancePath: '', keyword: 'required', params: { missingProperty: 'sku' } }),
    ]);
  });

  it('refuses a list price without its currency', () => {
    const product = changed(canonicalSamples.product, { '/currency': REMOVE });
    expect(errorsOf(CanonicalProductSchema, product)).toEqual([
      expect.objectContaining({
        keyword: 'dependencies',
        params: expect.objectContaining({ missingProperty: 'currency' }),
      }),
    ]);
  });

  it('refuses a weight in a unit it does not know', () => {
    const product = changed(canonicalSamples.product, { '/weight/unit': 'stone' });
    expect(errorsOf(CanonicalProductSchema, product).map((error) => error.instancePath)).toContain(
      '/weight/unit',
    );
  });
});

describe('CanonicalCustomerSchema', () => {
  it('refuses a bad country code in a shipping address', () => {
    const customer = changed(canonicalSamples.customer, { '/shippingAddresses/0/countryCode': 'Germany' });
    expect(errorsOf(CanonicalCustomerSchema, customer)).toEqual([
      expect.objectContaining({ instancePath: '/shippingAddresses/0/countryCode', keyword: 'pattern' }),
    ]);
  });

  it('refuses an external id keyed by a system name with capitals', () => {
    const customer = changed(canonicalSamples.customer, { '/externalIds/Odoo': '4821' });
    expect(errorsOf(CanonicalCustomerSchema, customer)).toEqual([
      expect.objectContaining({ instancePath: '/externalIds', params: { additionalProperty: 'Odoo' } }),
    ]);
  });
});

describe('CanonicalWarehouseSchema', () => {
  it('refuses an unknown property on the warehouse address', () => {
    const warehouse = changed(canonicalSamples.warehouse, { '/address/dock': '7' });
    expect(errorsOf(CanonicalWarehouseSchema, warehouse)).toEqual([
      expect.objectContaining({ instancePath: '/address', params: { additionalProperty: 'dock' } }),
    ]);
  });
});

describe('CanonicalShipmentSchema', () => {
  it('refuses an SSCC that is not 18 digits', () => {
    const shipment = changed(canonicalSamples.shipment, { '/packages/0/sscc': '34012345000000001' });
    expect(errorsOf(CanonicalShipmentSchema, shipment)).toEqual([
      expect.objectContaining({ instancePath: '/packages/0/sscc', keyword: 'pattern' }),
    ]);
  });

  it('refuses a packed item without a SKU', () => {
    const shipment = changed(canonicalSamples.shipment, { '/packages/1/items/0/sku': REMOVE });
    expect(errorsOf(CanonicalShipmentSchema, shipment)).toEqual([
      expect.objectContaining({ instancePath: '/packages/1/items/0', params: { missingProperty: 'sku' } }),
    ]);
  });

  it('refuses a status outside its list', () => {
    const shipment = changed(canonicalSamples.shipment, { '/status': 'in_transit' });
    expect(errorsOf(CanonicalShipmentSchema, shipment).map((error) => error.instancePath)).toContain(
      '/status',
    );
  });
});

describe('CanonicalInvoiceSchema', () => {
  it('refuses a line total given as a number', () => {
    const invoice = changed(canonicalSamples.invoice, { '/lines/2/total': 9.9 });
    expect(errorsOf(CanonicalInvoiceSchema, invoice)).toEqual([
      expect.objectContaining({ instancePath: '/lines/2/total', keyword: 'type' }),
    ]);
  });

  it('refuses an issue date with a time', () => {
    const invoice = changed(canonicalSamples.invoice, { '/issuedAt': '2025-03-03T10:00:00Z' });
    expect(errorsOf(CanonicalInvoiceSchema, invoice)).toEqual([
      expect.objectContaining({ instancePath: '/issuedAt', keyword: 'format' }),
    ]);
  });
});

describe('CanonicalPaymentSchema', () => {
  it('refuses a lowercase currency code', () => {
    const payment = changed(canonicalSamples.payment, { '/currency': 'eur' });
    expect(errorsOf(CanonicalPaymentSchema, payment)).toEqual([
      expect.objectContaining({ instancePath: '/currency', keyword: 'pattern' }),
    ]);
  });
});

describe('CanonicalReturnSchema', () => {
  it('refuses a return without lines', () => {
    const rma = changed(canonicalSamples.return, { '/lines': [] });
    expect(errorsOf(CanonicalReturnSchema, rma)).toEqual([
      expect.objectContaining({ instancePath: '/lines', keyword: 'minItems' }),
    ]);
  });

  it('refuses a refund amount given as a number', () => {
    const rma = changed(canonicalSamples.return, { '/refund/amount': 415.31 });
    expect(errorsOf(CanonicalReturnSchema, rma)).toEqual([
      expect.objectContaining({ instancePath: '/refund/amount', keyword: 'type' }),
    ]);
  });
});
