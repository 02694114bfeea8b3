import { describe, expect, it } from 'vitest';
import { sampleShopifyOrder } from '../samples/index.js';
import { changed, errorsOf, REMOVE } from '../test-support.js';
import { type CanonicalOrder, CanonicalOrderSchema } from './order.js';

const orderErrors = (edits: Record<string, unknown>) =>
  errorsOf(CanonicalOrderSchema, changed(sampleShopifyOrder, edits));

describe('CanonicalOrderSchema', () => {
  it('accepts the sample Shopify order', () => {
    expect(errorsOf(CanonicalOrderSchema, sampleShopifyOrder)).toEqual([]);
  });

  it('accepts an order with only the required members', () => {
    const minimal: CanonicalOrder = {
      number: 'PO-1',
      source: { system: 'manual' },
      currency: 'USD',
      customer: { name: 'Walk-in' },
      lines: [{ sku: 'A-1', quantity: '1', unitPrice: '0' }],
    };
    expect(errorsOf(CanonicalOrderSchema, minimal)).toEqual([]);
  });

  it('refuses an amount given as a number and points at it', () => {
    expect(orderErrors({ '/lines/1/unitPrice': 349 })).toContainEqual(
      expect.objectContaining({ instancePath: '/lines/1/unitPrice', keyword: 'type' }),
    );
  });

  it.each(['1,652.75', '652.7500001', '6.5e2', '+652.75', ''])('refuses the amount "%s"', (total) => {
    expect(orderErrors({ '/totals/total': total })).toEqual([
      expect.objectContaining({ instancePath: '/totals/total', keyword: 'pattern' }),
    ]);
  });

  it('accepts a negative amount, as an adjustment line needs', () => {
    expect(orderErrors({ '/lines/1/unitPrice': '-5.00' })).toEqual([]);
  });

  it('refuses a negative quantity', () => {
    expect(orderErrors({ '/lines/0/quantity': '-1' })).toEqual([
      expect.objectContaining({ instancePath: '/lines/0/quantity', keyword: 'pattern' }),
    ]);
  });

  it('refuses a lowercase currency code', () => {
    expect(orderErrors({ '/currency': 'eur' })).toEqual([
      expect.objectContaining({ instancePath: '/currency', keyword: 'pattern' }),
    ]);
  });

  it('refuses a line without a SKU and names the missing property', () => {
    expect(orderErrors({ '/lines/0/sku': REMOVE })).toEqual([
      expect.objectContaining({
        instancePath: '/lines/0',
        keyword: 'required',
        params: { missingProperty: 'sku' },
      }),
    ]);
  });

  it('refuses unknown properties and names each one where it appears', () => {
    expect(orderErrors({ '/channel': 'shopify', '/lines/0/colour': 'red' })).toEqual([
      expect.objectContaining({ instancePath: '', params: { additionalProperty: 'channel' } }),
      expect.objectContaining({ instancePath: '/lines/0', params: { additionalProperty: 'colour' } }),
    ]);
  });

  it('accepts any data under extensions', () => {
    const extensions = { salesforce: { OpportunityId: '0065g00000XyZ' }, anything: [1, 2] };
    expect(orderErrors({ '/extensions': extensions })).toEqual([]);
  });

  it('refuses an order without lines', () => {
    expect(orderErrors({ '/lines': [] })).toEqual([
      expect.objectContaining({ instancePath: '/lines', keyword: 'minItems' }),
    ]);
  });

  it('refuses a country that is not an ISO alpha-2 code, in the ship-to and in the customer', () => {
    const billingAddress = { street1: 'Lindenstraße 12', city: 'Berlin', countryCode: 'de' };
    const errors = orderErrors({ '/shipTo/countryCode': 'DEU', '/customer/billingAddress': billingAddress });
    expect(errors.map((error) => error.instancePath)).toEqual([
      '/customer/billingAddress/countryCode',
      '/shipTo/countryCode',
    ]);
  });

  it('refuses an order time without a time zone offset', () => {
    expect(orderErrors({ '/orderedAt': '2025-03-02T09:14:05' })).toEqual([
      expect.objectContaining({ instancePath: '/orderedAt', keyword: 'format' }),
    ]);
  });

  it('refuses a source system name with capitals, so "Shopify" and "shopify" cannot both appear', () => {
    expect(orderErrors({ '/source/system': 'Shopify' })).toEqual([
      expect.objectContaining({ instancePath: '/source/system', keyword: 'pattern' }),
    ]);
  });
});
