import { sampleCustomer, sampleShopifyOrder } from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { toNamedArguments } from './client/named-arguments.js';
import { addressFromContact, addressValues, sameAddress } from './mapping/address.js';
import { customerFromPartner, partnerValues } from './mapping/customer.js';
import {
  compareDecimals,
  discountPercent,
  fromOdooMoney,
  fromOdooQuantity,
  parseScaled,
  sumDecimals,
  toOdooNumber,
} from './mapping/decimal.js';
import { many2oneOf, textOf } from './mapping/odoo-values.js';
import { odooDateTime, orderLineValues, orderOrigin, saleOrderValues } from './mapping/order.js';
import { spreadBySku } from './operations/support/quantities.js';

describe('decimal strings against Odoo floats', () => {
  it('sends decimal strings as the numbers they denote', () => {
    expect(toOdooNumber('18.50')).toBe(18.5);
    expect(toOdooNumber('0.000001')).toBe(0.000001);
    expect(toOdooNumber('-3')).toBe(-3);
  });

  it('reads money back with the currency digits, removing float noise and rounding half up', () => {
    expect(fromOdooMoney(18.499999999999996)).toBe('18.50');
    expect(fromOdooMoney(1.005)).toBe('1.01');
    expect(fromOdooMoney(652.75)).toBe('652.75');
    expect(fromOdooMoney(false)).toBe('0.00');
    expect(fromOdooMoney(-12.345)).toBe('-12.35');
    expect(fromOdooMoney(1234, 0)).toBe('1234');
  });

  it('reads quantities without trailing zeros and never below zero', () => {
    expect(fromOdooQuantity(12.0)).toBe('12');
    expect(fromOdooQuantity(2.5)).toBe('2.5');
    expect(fromOdooQuantity(0.30000000000000004)).toBe('0.3');
    expect(fromOdooQuantity(-4)).toBe('0');
    expect(fromOdooQuantity(1e-7)).toBe('0');
  });

  it('compares and sums exactly', () => {
    expect(compareDecimals('2.50', '2.5')).toBe(0);
    expect(compareDecimals('0.1', '0.100001')).toBe(-1);
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(() => parseScaled('12,5')).toThrow(RangeError);
  });

  it("turns a canonical line discount (an amount) into Odoo's percentage", () => {
    expect(discountPercent('11.10', '12', '18.50')).toBe(5);
    expect(discountPercent('1', '3', '1')).toBe(33.333333);
    expect(discountPercent('5', '0', '10')).toBe(0);
  });
});

describe('canonical orders as sale.order values', () => {
  it('maps a line to product, quantity, price, discount and text', () => {
    const [line] = sampleShopifyOrder.lines;
    expect(line && orderLineValues(line, { productId: 7 }, 'product_uom')).toEqual({
      product_id: 7,
      product_uom_qty: 12,
      price_unit: 18.5,
      discount: 5,
      name: 'Espresso beans 1 kg',
    });
    expect(
      orderLineValues(
        { sku: 'A', quantity: '2', unitPrice: '3' },
        { productId: 1, uomId: 4 },
        'product_uom_id',
      ),
    ).toEqual({
      product_id: 1,
      product_uom_qty: 2,
      price_unit: 3,
      product_uom_id: 4,
    });
  });

  it('keys the order by its number in client_order_ref and dates it in UTC', () => {
    const values = saleOrderValues(sampleShopifyOrder, { partnerId: 8, shippingId: 9, invoiceId: 10 }, []);
    expect(values).toMatchObject({
      partner_id: 8,
      partner_shipping_id: 9,
      partner_invoice_id: 10,
      client_order_ref: '#1005',
      origin: 'shopify 5678901234567 / PO LH-2025-031',
      date_order: '2025-03-02 08:14:05',
      note: 'Please deliver before 10:00, café opens at 11.',
      order_line: [],
    });
    expect(orderOrigin({ number: 'PO-1', poNumber: 'PO-1', source: { system: 'edi' } })).toBe('edi PO-1');
    expect(odooDateTime('2025-03-03T14:00:00-05:00')).toBe('2025-03-03 19:00:00');
  });
});

describe('canonical customers as res.partner values', () => {
  it('writes only the fields the customer has', () => {
    expect(partnerValues({ name: 'Jane Doe', email: 'jane@example.com' })).toEqual({
      name: 'Jane Doe',
      email: 'jane@example.com',
    });
    expect(partnerValues(sampleCustomer)).toEqual({
      name: 'Café Lindenhof GmbH',
      ref: '7012345678901',
      email: 'einkauf@cafe-lindenhof.de',
      phone: '+493012345600',
      vat: 'DE812345678',
      is_company: true,
    });
  });

  it('makes an address a child contact of the right type and recognises it again', () => {
    const address = sampleCustomer.shippingAddresses?.[0];
    if (!address) throw new Error('the sample has a shipping address');
    const values = addressValues(
      address,
      { countryId: 57, stateId: 3 },
      { type: 'delivery', parentId: 8, fallbackName: 'x' },
    );
    expect(values).toMatchObject({
      type: 'delivery',
      parent_id: 8,
      name: 'Anna Weber',
      street: 'Lindenstraße 12',
      street2: 'Hinterhaus, 2. OG',
      zip: '10969',
      country_id: 57,
      state_id: 3,
    });
    const stored = { ...values, id: 20, city: 'BERLIN ', country_id: [57, 'Germany'] };
    expect(sameAddress(stored, address, 57)).toBe(true);
    expect(sameAddress(stored, { ...address, postalCode: '10970' }, 57)).toBe(false);
  });

  it('reads a partner with its invoice and delivery contacts back as a canonical customer', () => {
    const partner = {
      id: 8,
      name: 'Café Lindenhof GmbH',
      ref: 'CUST-0001',
      email: false,
      vat: 'DE812345678',
      is_company: true,
      street: false,
    };
    const children = [
      {
        id: 20,
        type: 'invoice',
        name: 'Accounts',
        street: 'Lindenstraße 12',
        city: 'Berlin',
        zip: '10969',
        country_id: [57, 'Germany'],
      },
      {
        id: 21,
        type: 'delivery',
        name: 'Anna',
        street: 'Hof 1',
        city: 'Berlin',
        zip: false,
        country_id: [57, 'Germany'],
        state_id: [3, 'Berlin'],
      },
      {
        id: 22,
        type: 'delivery',
        name: 'No street',
        street: false,
        city: 'Berlin',
        country_id: [57, 'Germany'],
      },
    ];
    const customer = customerFromPartner(partner, children, new Map([[57, 'DE']]), new Map([[3, 'BE']]));
    expect(customer).toEqual({
      name: 'Café Lindenhof GmbH',
      ref: 'CUST-0001',
      vat: 'DE812345678',
      isCompany: true,
      externalIds: { odoo: '8' },
      billingAddress: {
        name: 'Accounts',
        street1: 'Lindenstraße 12',
        city: 'Berlin',
        postalCode: '10969',
        countryCode: 'DE',
      },
      shippingAddresses: [
        { name: 'Anna', street1: 'Hof 1', city: 'Berlin', region: 'BE', countryCode: 'DE' },
      ],
    });
    expect(
      addressFromContact({ id: 1, street: 'x', city: 'y', country_id: false }, new Map(), new Map()),
    ).toBeUndefined();
  });
});

describe("reading Odoo's values", () => {
  it('treats false as empty and reads many2one pairs and bare ids', () => {
    expect(textOf({ email: false }, 'email')).toBeUndefined();
    expect(many2oneOf({ country_id: [57, 'Germany'] }, 'country_id')).toEqual({ id: 57, name: 'Germany' });
    expect(many2oneOf({ country_id: 57 }, 'country_id')).toEqual({ id: 57, name: '' });
    expect(many2oneOf({ country_id: false }, 'country_id')).toBeUndefined();
  });
});

describe('positional arguments for JSON-2', () => {
  it('names the arguments of the ORM methods and takes ids first for record methods', () => {
    expect(
      toNamedArguments('res.partner', 'search_read', [[['is_company', '=', true]], ['name'], 0, 5], {}),
    ).toEqual({
      domain: [['is_company', '=', true]],
      fields: ['name'],
      offset: 0,
      limit: 5,
    });
    expect(
      toNamedArguments('res.partner', 'write', [[7], { name: 'x' }], { context: { lang: 'de_DE' } }),
    ).toEqual({
      ids: [7],
      vals: { name: 'x' },
      context: { lang: 'de_DE' },
    });
    expect(toNamedArguments('sale.order', 'action_confirm', [[3, 4]], {})).toEqual({ ids: [3, 4] });
  });

  it('refuses positional arguments it cannot name', () => {
    expect(() => toNamedArguments('sale.order', 'action_custom', [[3], 'x'], {})).toThrow(
      /only named arguments/,
    );
  });
});

describe('spreading quantities over document lines', () => {
  it('fills lines of a SKU in order and gives the rest to the last one', () => {
    const rows = [
      { sku: 'A', limit: '2' },
      { sku: 'B', limit: '1' },
      { sku: 'A', limit: '5' },
    ];
    expect(spreadBySku(rows, [{ sku: 'A', quantity: '4' }], 'the return')).toEqual(['2', '0', '2']);
    expect(
      spreadBySku(
        rows,
        [
          { sku: 'A', quantity: '9' },
          { sku: 'B', quantity: '1' },
        ],
        'the return',
      ),
    ).toEqual(['2', '1', '7']);
    expect(() => spreadBySku(rows, [{ sku: 'C', quantity: '1' }], 'the return')).toThrow(
      'The return has no line for "C".',
    );
  });
});
