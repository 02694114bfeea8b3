import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { CanonicalOrderSchema } from '@waybill/canonical';
import { checkValue, toErrorInfo } from '@waybill/connector-kit';
import { describe, expect, it } from 'vitest';
import { type RestOrder, RestOrderSchema } from './rest-order.js';
import { toCanonicalOrder } from './to-canonical-order.js';

/** The Shopify order webhook body (fixtures/order-webhook.json) mapped to canonical/order/v1. */

const fixture: unknown = JSON.parse(
  readFileSync(new URL('../../fixtures/order-webhook.json', import.meta.url), 'utf8'),
);

function sample(): RestOrder {
  if (!Value.Check(RestOrderSchema, fixture)) throw new Error('the fixture is not a REST order');
  return structuredClone(fixture);
}

describe('toCanonicalOrder', () => {
  it('maps the sample webhook to a canonical order that passes canonical/order/v1', () => {
    const order = toCanonicalOrder(sample());
    // checkValue throws a user error naming the first offending field when the order does not pass.
    expect(() =>
      checkValue(CanonicalOrderSchema, structuredClone(order), { subject: 'order', code: 'INVALID' }),
    ).not.toThrow();
    const address = {
      name: 'Bob Norman',
      street1: 'Chestnut Street 92',
      city: 'Louisville',
      region: 'KY',
      postalCode: '40202',
      countryCode: 'US',
      phone: '555-625-1199',
    };
    expect(order).toEqual({
      number: '#1001',
      source: { system: 'shopify', id: '450789469' },
      orderedAt: '2008-01-10T11:00:00-05:00',
      currency: 'USD',
      pricesIncludeTax: false,
      customer: {
        ref: 'shopify-207119551',
        name: 'Bob Norman',
        email: 'bob.norman@hostmail.com',
        shippingAddresses: [address],
        externalIds: { shopify: '207119551' },
      },
      shipTo: address,
      billTo: address,
      lines: [
        {
          lineNumber: '466157049',
          sku: 'IPOD2008GREEN',
          description: 'IPod Nano - 8gb - green',
          quantity: '1',
          unitPrice: '199.00',
        },
        {
          lineNumber: '518995019',
          sku: 'IPOD2008RED',
          description: 'IPod Nano - 8gb - red',
          quantity: '1',
          unitPrice: '199.00',
        },
        {
          lineNumber: '703073504',
          sku: 'IPOD2008BLACK',
          description: 'IPod Nano - 8gb - black',
          quantity: '1',
          unitPrice: '199.00',
        },
      ],
      shipping: { method: 'Free Shipping', amount: '0.00' },
      totals: { subtotal: '398.00', tax: '11.94', shipping: '0.00', total: '409.94' },
      extensions: { shopify: { sourceName: 'web', financialStatus: 'authorized' } },
    });
  });

  it('keeps the fields the shopify-order-to-odoo flow maps, under the same names', () => {
    const order = toCanonicalOrder(sample());
    expect([order.number, order.source.id, order.customer.ref, order.lines[0]?.lineNumber]).toEqual([
      '#1001',
      '450789469',
      'shopify-207119551',
      '466157049',
    ]);
  });

  it('carries line discounts from their allocations, line taxes, tags, the note and the PO number', () => {
    const input = sample();
    const [first] = input.line_items;
    if (!first) throw new Error('the fixture has no lines');
    input.line_items = [
      {
        ...first,
        quantity: 2,
        discount_allocations: [{ amount: '10.00' }, { amount: '5.5' }],
        tax_lines: [{ title: 'State Tax', rate: 0.06, price: '22.95' }],
      },
    ];
    input.note = 'Leave at the back door';
    input.po_number = 'PO-77';
    input.tags = 'wholesale, priority';
    const order = toCanonicalOrder(input);
    expect(order.lines).toEqual([
      {
        lineNumber: '466157049',
        sku: 'IPOD2008GREEN',
        description: 'IPod Nano - 8gb - green',
        quantity: '2',
        unitPrice: '199.00',
        discount: '15.50',
        taxes: [{ name: 'State Tax', rate: '0.06', amount: '22.95' }],
      },
    ]);
    expect(order).toMatchObject({
      notes: 'Leave at the back door',
      poNumber: 'PO-77',
      extensions: { shopify: { tags: ['wholesale', 'priority'] } },
    });
  });

  it('fails a line without a SKU as a user error naming the line', () => {
    const input = sample();
    const [first] = input.line_items;
    if (!first) throw new Error('the fixture has no lines');
    input.line_items = [{ ...first, sku: '' }];
    let thrown: unknown;
    try {
      toCanonicalOrder(input);
    } catch (error) {
      thrown = error;
    }
    expect(toErrorInfo(thrown)).toMatchObject({
      kind: 'user',
      code: 'SHOPIFY_LINE_WITHOUT_SKU',
      message:
        'Line item 466157049 ("IPod Nano - 8gb - green") has no SKU, so it cannot be matched to a product; give the variant a SKU in Shopify or map the line by hand.',
    });
  });

  it('leaves out a shipping address Shopify sends without street or country, and names a guest by email', () => {
    const input = sample();
    input.shipping_address = { address1: '', city: 'Louisville', country_code: null };
    input.customer = null;
    const order = toCanonicalOrder(input);
    expect(order.shipTo).toBeUndefined();
    expect(order.customer).toEqual({ name: 'Bob Norman', email: 'bob.norman@hostmail.com' });
  });
});
