import { describe, expect, it } from 'vitest';
import { createOdooSimulator, type OdooSimulator } from '../simulator.js';
import { json2, jsonRpc, objectOf, recordsOf } from '../testing.js';

/** search_read and create over one wire protocol, so both protocols run the same assertions. */
function wire(sim: OdooSimulator, protocol: 'jsonrpc' | 'json2') {
  if (protocol === 'jsonrpc') {
    const rpc = jsonRpc(sim.app);
    return {
      searchRead: async (model: string, domain: unknown[], fields: string[]) =>
        recordsOf(await rpc.result(model, 'search_read', [domain], { fields })),
      create: async (model: string, vals: Record<string, unknown>) =>
        Number(await rpc.result(model, 'create', [vals])),
    };
  }
  const call = json2(sim.app);
  return {
    searchRead: async (model: string, domain: unknown[], fields: string[]) =>
      recordsOf((await call(model, 'search_read', { domain, fields })).body),
    create: async (model: string, vals: Record<string, unknown>) => {
      const [id] = recordsOfIds((await call(model, 'create', { vals_list: [vals] })).body);
      return id;
    },
  };
}

function recordsOfIds(value: unknown): number[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'number'))
    throw new Error(`expected ids, got ${JSON.stringify(value)}`);
  return value;
}

const idOf = (sim: OdooSimulator, model: 'res.partner' | 'product.product', domain: unknown[]) =>
  Number(sim.records(model, domain)[0]?.id);

describe.each(['jsonrpc', 'json2'] as const)('product.pricelist over %s', (protocol) => {
  it('lists the seeded pricelists with their currency in the display name', async () => {
    const sim = createOdooSimulator();
    const pricelists = await wire(sim, protocol).searchRead(
      'product.pricelist',
      [],
      ['name', 'display_name', 'currency_id', 'active', 'company_id'],
    );
    expect(pricelists).toEqual([
      {
        id: expect.any(Number),
        name: 'Public Pricelist',
        display_name: 'Public Pricelist (USD)',
        currency_id: [expect.any(Number), 'USD'],
        active: true,
        company_id: false,
      },
      {
        id: expect.any(Number),
        name: 'EUR Pricelist',
        display_name: 'EUR Pricelist (EUR)',
        currency_id: [expect.any(Number), 'EUR'],
        active: true,
        company_id: false,
      },
    ]);
  });

  it('prices and books an order in its pricelist currency, converting default prices', async () => {
    const sim = createOdooSimulator();
    const { searchRead, create } = wire(sim, protocol);
    const [eur] = await searchRead('product.pricelist', [['currency_id.name', '=', 'EUR']], ['id']);
    const orderId = await create('sale.order', {
      partner_id: idOf(sim, 'res.partner', [['ref', '=', 'CUST-0003']]),
      pricelist_id: eur?.id,
      order_line: [
        // No price: the sales price of 2.40 USD at 1 USD = 0.92 EUR.
        [0, 0, { product_id: idOf(sim, 'product.product', [['default_code', '=', 'SKU-1001']]) }],
        [
          0,
          0,
          {
            product_id: idOf(sim, 'product.product', [['default_code', '=', 'SKU-1006']]),
            product_uom_qty: 2,
            price_unit: 5,
          },
        ],
      ],
    });
    const [order] = await searchRead(
      'sale.order',
      [['id', '=', orderId]],
      ['pricelist_id', 'currency_id', 'amount_untaxed'],
    );
    expect(order).toMatchObject({
      pricelist_id: [eur?.id, 'EUR Pricelist (EUR)'],
      currency_id: [expect.any(Number), 'EUR'],
      amount_untaxed: 12.21,
    });
    const lines = await searchRead(
      'sale.order.line',
      [['order_id', '=', orderId]],
      ['price_unit', 'currency_id'],
    );
    const inEur = [expect.any(Number), 'EUR'];
    expect(lines).toEqual([
      { id: expect.any(Number), price_unit: 2.21, currency_id: inEur },
      { id: expect.any(Number), price_unit: 5, currency_id: inEur },
    ]);
  });

  it('gives a new order the company pricelist and currency when none is named', async () => {
    const sim = createOdooSimulator();
    const { searchRead, create } = wire(sim, protocol);
    const orderId = await create('sale.order', {
      partner_id: idOf(sim, 'res.partner', [['ref', '=', 'CUST-0002']]),
    });
    const [order] = await searchRead('sale.order', [['id', '=', orderId]], ['pricelist_id', 'currency_id']);
    expect(order).toMatchObject({
      pricelist_id: [expect.any(Number), 'Public Pricelist (USD)'],
      currency_id: [expect.any(Number), 'USD'],
    });
  });
});

describe('invoices of an order in another currency', () => {
  it('carry the order currency, with signed amounts in the company currency', () => {
    const sim = createOdooSimulator();
    const eur = Number(sim.records('product.pricelist', [['currency_id.name', '=', 'EUR']])[0]?.id);
    const orderId = Number(
      sim.execute('sale.order', 'create', [
        {
          partner_id: idOf(sim, 'res.partner', [['ref', '=', 'CUST-0004']]),
          pricelist_id: eur,
          order_line: [
            [
              0,
              0,
              {
                product_id: idOf(sim, 'product.product', [['default_code', '=', 'SKU-1049']]),
                price_unit: 92,
                tax_ids: [[6, 0, []]],
              },
            ],
          ],
        },
      ]),
    );
    sim.execute('sale.order', 'action_confirm', [[orderId]]);
    const context = { active_model: 'sale.order', active_ids: [orderId], active_id: orderId };
    const wizardId = sim.execute(
      'sale.advance.payment.inv',
      'create',
      [{ advance_payment_method: 'delivered' }],
      { context },
    );
    const action = objectOf(
      sim.execute('sale.advance.payment.inv', 'create_invoices', [[wizardId]], { context }),
    );
    const [invoice] = sim.records('account.move', [['id', '=', Number(action.res_id)]]);
    expect(invoice).toMatchObject({
      currency_id: [expect.any(Number), 'EUR'],
      amount_total: 92,
      amount_total_signed: 100,
    });
  });
});
