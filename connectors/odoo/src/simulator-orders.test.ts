import { sampleShopifyOrder } from '@waybill/canonical';
import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { odooConnector } from './connector.js';
import { failure, objectOf, protocols, useOdooSimulator } from './testing/simulator-harness.js';

/**
 * Customers, products, stock and sale orders against the Odoo simulator over real HTTP on
 * 127.0.0.1, reached the way production reaches Odoo: through a credential whose allowed hosts
 * name the simulator's host.
 */

const server = useOdooSimulator();
const { credential } = server;
const invoker = createConnectorInvoker([odooConnector]);

const usOrder = {
  ...sampleShopifyOrder,
  number: '#2001',
  currency: 'USD',
  customer: { ref: 'CUST-0001', name: 'Acme Retail Inc.' },
  shipTo: undefined,
  billTo: undefined,
  lines: [
    { sku: 'SKU-1001', quantity: '10', unitPrice: '2.40' },
    { sku: 'SKU-1006', quantity: '4', unitPrice: '1.90', discount: '0.76' },
  ],
};

describe.each(protocols)('Odoo master data and orders over %s', (protocol) => {
  const run = (type: string, input: unknown, config: Record<string, unknown> = {}) =>
    invoker.invoke(testCall({ type, input, config, credential: credential(protocol) }));

  it('tests the credential with a sentence naming the server and what it can read', async () => {
    const result = await invoker.testCredential(credential(protocol), new AbortController().signal);
    expect(result?.ok).toBe(true);
    expect(result?.message).toMatch(
      /^Odoo 19\.0 at 127\.0\.0\.1:\d+ (signed in as "admin"|accepted the API key).* can read \d+ contacts\.$/,
    );
  });

  it('finds a customer by ref, VAT or email and routes a stranger to notFound', async () => {
    const byRef = await run('odoo.findCustomer', { ref: 'CUST-0001' });
    expect(byRef.port).toBe('found');
    expect(byRef.output).toMatchObject({
      found: true,
      matchedBy: 'ref',
      customer: {
        ref: 'CUST-0001',
        name: 'Acme Retail Inc.',
        vat: 'US12-3456789',
        billingAddress: { street1: '350 Fifth Avenue', city: 'New York', region: 'NY', countryCode: 'US' },
        shippingAddresses: [{ street1: '55 Water Street Dock 4', city: 'Brooklyn', countryCode: 'US' }],
      },
    });
    expect((await run('odoo.findCustomer', { vat: 'de 123456788' })).output).toMatchObject({
      matchedBy: 'vat',
    });
    expect((await run('odoo.findCustomer', { email: 'PURCHASING@northwind.example' })).output).toMatchObject({
      matchedBy: 'email',
      customer: { ref: 'CUST-0002' },
    });
    const stranger = await run('odoo.findCustomer', { email: 'nobody@example.com' });
    expect(stranger).toEqual({ output: { found: false }, port: 'notFound' });
  });

  it('creates a customer with its addresses once, and updates it on a repeat without duplicating addresses', async () => {
    const customer = {
      ref: 'SHOP-42',
      name: 'Café Lindenhof GmbH',
      email: 'einkauf@cafe-lindenhof.example',
      vat: 'DE812345678',
      isCompany: true,
      billingAddress: { street1: 'Lindenstraße 12', city: 'Berlin', postalCode: '10969', countryCode: 'DE' },
      shippingAddresses: [
        {
          name: 'Anna Weber',
          street1: 'Hinterhof 3',
          city: 'Berlin',
          postalCode: '10969',
          countryCode: 'DE',
        },
        { street1: 'Lagerstraße 1', city: 'Potsdam', postalCode: '14467', countryCode: 'DE' },
      ],
    };
    const first = await run('odoo.upsertCustomer', customer);
    expect(first.output).toMatchObject({
      created: true,
      deliveryAddressIds: [expect.any(Number), expect.any(Number)],
    });
    const again = await run('odoo.upsertCustomer', { ...customer, name: 'Café Lindenhof GmbH & Co. KG' });
    expect(again.output).toEqual({ ...objectOf(first.output), created: false, matchedBy: 'ref' });
    const partners = server.sim.records('res.partner', [['ref', '=', 'SHOP-42']]);
    expect(partners.map((partner) => partner.name)).toEqual(['Café Lindenhof GmbH & Co. KG']);
    const children = server.sim.records('res.partner', [['parent_id', '=', partners[0]?.id ?? 0]]);
    expect(children.map((child) => child.type).sort()).toEqual(['delivery', 'delivery', 'invoice']);
  });

  it('finds products by SKU with their unit and lists the unknown SKUs', async () => {
    const { output } = await run('odoo.findProducts', { skus: ['SKU-1002', 'NOPE-1', 'SKU-1001'] });
    expect(output).toEqual({
      products: [
        expect.objectContaining({
          sku: 'SKU-1002',
          name: 'Corrugated Box 18x18x18',
          uom: 'Units',
          listPrice: '3.60',
        }),
        expect.objectContaining({ sku: 'SKU-1001', barcode: '4006381333931', listPrice: '2.40' }),
      ],
      missing: ['NOPE-1'],
    });
  });

  it('reports free stock per warehouse and the SKUs that fall short', async () => {
    const { output } = await run('odoo.checkAvailability', {
      lines: [
        { sku: 'SKU-1002', quantity: '300' },
        { sku: 'SKU-1005', quantity: '50' },
        { sku: 'GHOST', quantity: '1' },
      ],
    });
    expect(output).toMatchObject({
      availability: [
        {
          sku: 'SKU-1002',
          requested: '300',
          totalFree: '320',
          warehouses: [
            { warehouse: 'WH', free: '320', onHand: '320', sufficient: true },
            { warehouse: 'WH2', free: '0', sufficient: false },
          ],
        },
        { sku: 'SKU-1005', totalFree: '43' },
      ],
      shortages: [{ sku: 'SKU-1005', requested: '50', available: '43', uom: 'Units' }],
      missing: ['GHOST'],
    });
    const onlyWh2 = await run(
      'odoo.checkAvailability',
      { lines: [{ sku: 'SKU-1002' }] },
      { warehouses: ['WH2'] },
    );
    expect(onlyWh2.output).toMatchObject({
      availability: [{ totalFree: '0', warehouses: [{ warehouse: 'WH2' }] }],
      shortages: [],
    });
  });

  it('creates one sale order per order number, however often it runs', async () => {
    const first = await run('odoo.createSaleOrder', usOrder);
    expect(first.output).toMatchObject({
      created: true,
      state: 'draft',
      currency: 'USD',
      name: expect.stringMatching(/^S\d+/),
    });
    const second = await run('odoo.createSaleOrder', usOrder);
    expect(second.output).toEqual({ ...objectOf(first.output), created: false });
    const orders = server.sim.records('sale.order', [['client_order_ref', '=', '#2001']]);
    expect(orders).toHaveLength(1);
    const lines = server.sim.records('sale.order.line', [['order_id', '=', orders[0]?.id ?? 0]]);
    expect(lines.map((line) => [line.product_uom_qty, line.price_unit, line.discount])).toEqual([
      [10, 2.4, 0],
      [4, 1.9, 10],
    ]);
  });

  it('reserves stock when it confirms the order', async () => {
    const before = await run(
      'odoo.checkAvailability',
      { lines: [{ sku: 'SKU-1001', quantity: '10' }] },
      { warehouses: ['WH'] },
    );
    expect(before.output).toMatchObject({ availability: [{ totalFree: '500' }] });
    const { output } = await run('odoo.createSaleOrder', usOrder, { confirm: true });
    expect(output).toMatchObject({ created: true, state: 'sale' });
    const after = await run(
      'odoo.checkAvailability',
      { lines: [{ sku: 'SKU-1001', quantity: '10' }] },
      { warehouses: ['WH'] },
    );
    expect(after.output).toMatchObject({
      availability: [{ totalFree: '490', warehouses: [{ onHand: '500' }] }],
    });
  });

  it('confirms on a repeat an order an earlier attempt created but did not confirm', async () => {
    await run('odoo.createSaleOrder', usOrder);
    const { output } = await run('odoo.createSaleOrder', usOrder, { confirm: true });
    expect(output).toMatchObject({ created: false, state: 'sale' });
  });

  it('refuses an order with unknown SKUs as a user error that lists all of them, creating nothing', async () => {
    const order = {
      ...usOrder,
      lines: [
        ...usOrder.lines,
        { sku: 'NOPE-1', quantity: '1', unitPrice: '1' },
        { sku: 'NOPE-2', quantity: '1', unitPrice: '1' },
      ],
    };
    expect(await failure(run('odoo.createSaleOrder', order))).toMatchObject({
      kind: 'user',
      code: 'ODOO_UNKNOWN_SKU',
      retryable: false,
      message:
        'Odoo has no active product with the SKU "NOPE-1", "NOPE-2"; create them in Odoo or fix the order lines.',
    });
    expect(server.sim.records('sale.order', [['client_order_ref', '=', '#2001']])).toEqual([]);
  });

  it('refuses an order for a customer Odoo does not know unless asked to create it', async () => {
    const order = {
      ...usOrder,
      customer: { ref: 'SHOP-77', name: 'New Shop LLC', email: 'buyer@newshop.example' },
    };
    expect(await failure(run('odoo.createSaleOrder', order))).toMatchObject({
      kind: 'user',
      code: 'ODOO_CUSTOMER_NOT_FOUND',
    });
    const { output } = await run(
      'odoo.createSaleOrder',
      {
        ...order,
        shipTo: {
          company: 'New Shop DC',
          street1: '1 Dock Rd',
          city: 'Austin',
          region: 'TX',
          postalCode: '78701',
          countryCode: 'US',
        },
      },
      { createCustomer: true },
    );
    expect(output).toMatchObject({ created: true });
    const [partner] = server.sim.records('res.partner', [['ref', '=', 'SHOP-77']]);
    const [saleOrder] = server.sim.records('sale.order', [['client_order_ref', '=', '#2001']]);
    expect(saleOrder?.partner_id).toEqual([partner?.id, 'New Shop LLC']);
    expect(saleOrder?.partner_shipping_id).not.toEqual(saleOrder?.partner_id);
  });
});
