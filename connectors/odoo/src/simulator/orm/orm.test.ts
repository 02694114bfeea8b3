import { describe, expect, it } from 'vitest';
import { createOdooSimulator } from '../simulator.js';
import { idsOf, manualClock, recordsOf } from '../testing.js';

const names = (rows: Record<string, unknown>[]) => rows.map((row) => row.name);

describe('ORM semantics shared by both protocols', () => {
  it('evaluates prefix operators, like patterns and dotted paths in domains', () => {
    const sim = createOdooSimulator();
    const search = (domain: unknown[], order = 'name') =>
      recordsOf(sim.execute('res.partner', 'search_read', [domain], { fields: ['name'], order }));
    expect(
      names(search([['ref', '=like', 'CUST-000_'], '!', ['country_id.code', 'in', ['US', 'CA']]])),
    ).toEqual(
      [
        'Contoso Pharmacy GmbH',
        'Brightside Supplies Ltd',
        'Maison Dupont SARL',
        'Tulip Logistics B.V.',
      ].sort(),
    );
    expect(names(search(['|', ['name', 'ilike', 'müller'], ['email', '=ilike', 'SOPHIE.%']]))).toEqual([
      'Lukas Müller',
      'Sophie Martin',
    ]);
    expect(
      names(
        search([
          ['parent_id', 'ilike', 'acme'],
          ['type', '=', 'contact'],
        ]),
      ),
    ).toEqual(['Jane Cooper']);
    expect(names(search([['child_ids.type', '=', 'invoice']]))).toEqual(['Tulip Logistics B.V.']);
    expect(names(search([['child_ids', 'any', [['city', '=', 'Potsdam']]]]))).toEqual([
      'Contoso Pharmacy GmbH',
    ]);
    expect(
      search([
        ['vat', '=', false],
        ['is_company', '=', true],
        ['ref', '!=', false],
      ]),
    ).toHaveLength(7);
    expect(() => search([['name', 'resembles', 'x']])).toThrow("Invalid leaf ('name', 'resembles', 'x')");
  });

  it('orders by several keys with Odoo null placement, then applies offset and limit', () => {
    const sim = createOdooSimulator();
    const codes = (order: string, extra: Record<string, unknown> = {}) =>
      recordsOf(
        sim.execute('product.product', 'search_read', [[['default_code', 'like', 'SKU-10']]], {
          fields: ['default_code'],
          order,
          ...extra,
        }),
      ).map((row) => row.default_code);
    expect(codes('list_price desc, default_code', { limit: 3 })).toEqual([
      'SKU-1047',
      'SKU-1027',
      'SKU-1028',
    ]);
    expect(codes('default_code', { offset: 48 })).toEqual(['SKU-1049', 'SKU-1050']);
    expect(() => codes('price asc')).toThrow("Invalid field 'price' on model 'product.product'");
  });

  it('leaves archived records out of searches unless active is in the domain or active_test is off', () => {
    const sim = createOdooSimulator();
    const id = Number(sim.execute('res.partner', 'create', [{ name: 'Old Customer', active: false }]));
    expect(sim.execute('res.partner', 'search', [[['name', '=', 'Old Customer']]])).toEqual([]);
    expect(
      sim.execute('res.partner', 'search', [
        [
          ['name', '=', 'Old Customer'],
          ['active', 'in', [true, false]],
        ],
      ]),
    ).toEqual([id]);
    expect(
      sim.execute('res.partner', 'search', [[['name', '=', 'Old Customer']]], {
        context: { active_test: false },
      }),
    ).toEqual([id]);
    expect(recordsOf(sim.execute('res.partner', 'read', [[id], ['active']]))[0]?.active).toBe(false);
  });

  it('stamps create_date and advances write_date on every write, in Odoo’s UTC format', () => {
    const clock = manualClock('2026-03-02T09:00:00Z');
    const sim = createOdooSimulator({ now: clock.now });
    const id = Number(sim.execute('res.partner', 'create', [{ name: 'Poll Me' }]));
    const read = () =>
      recordsOf(sim.execute('res.partner', 'read', [[id], ['create_date', 'write_date']]))[0];
    expect(read()).toEqual({ id, create_date: '2026-03-02 09:00:00', write_date: '2026-03-02 09:00:00' });
    clock.advance(90);
    sim.execute('res.partner', 'write', [[id], { phone: '+1 555 0199' }]);
    expect(read()?.write_date).toBe('2026-03-02 09:01:30');
    expect(sim.execute('res.partner', 'search', [[['write_date', '>', '2026-03-02 09:00:00']]])).toEqual([
      id,
    ]);
    const seeded = sim.records('res.partner', [['ref', '=', 'CUST-0001']])[0];
    expect(seeded?.write_date).toBe('2026-03-01 09:00:00');
  });

  it('applies x2many commands: create, link, set, unlink and delete', () => {
    const sim = createOdooSimulator();
    const parent = Number(
      sim.execute('res.partner', 'create', [
        {
          name: 'Parent Co',
          is_company: true,
          child_ids: [
            [0, 0, { name: 'First' }],
            [0, 0, { name: 'Second' }],
          ],
        },
      ]),
    );
    const children = () => idsOf(sim.records('res.partner', [['id', '=', parent]])[0]?.child_ids);
    expect(children()).toHaveLength(2);
    const loose = Number(sim.execute('res.partner', 'create', [{ name: 'Loose' }]));
    sim.execute('res.partner', 'write', [[parent], { child_ids: [[4, loose, 0]] }]);
    expect(children()).toHaveLength(3);
    const [first] = children();
    sim.execute('res.partner', 'write', [[parent], { child_ids: [[6, 0, [first, loose]]] }]);
    expect(children().sort()).toEqual([first, loose].sort());
    sim.execute('res.partner', 'write', [
      [parent],
      {
        child_ids: [
          [3, loose, 0],
          [2, Number(first), 0],
        ],
      },
    ]);
    expect(children()).toEqual([]);
    expect(sim.records('res.partner', [['id', '=', loose]])[0]?.parent_id).toBe(false);
    expect(sim.records('res.partner', [['id', '=', Number(first)]])).toEqual([]);
    const taxes = Number(
      sim.execute('product.template', 'create', [{ name: 'Taxed', taxes_id: [[6, 0, [1, 2]]] }]),
    );
    sim.execute('product.template', 'write', [[taxes], { taxes_id: [[3, 1, 0]] }]);
    expect(sim.records('product.template', [['id', '=', taxes]])[0]?.taxes_id).toEqual([2]);
  });

  it('creates the product variant of a new template, carrying its internal reference', () => {
    const sim = createOdooSimulator();
    const template = Number(
      sim.execute('product.template', 'create', [
        { name: 'Gift Card', default_code: 'GIFT-50', list_price: 50 },
      ]),
    );
    const [variant] = sim.records('product.product', [['product_tmpl_id', '=', template]]);
    expect(variant).toMatchObject({
      default_code: 'GIFT-50',
      display_name: '[GIFT-50] Gift Card',
      list_price: 50,
      lst_price: 50,
    });
    const direct = Number(
      sim.execute('product.product', 'create', [{ name: 'Direct Variant', default_code: 'DIR-1' }]),
    );
    expect(sim.records('product.product', [['name', '=', 'Direct Variant']]).map((row) => row.id)).toEqual([
      direct,
    ]);
  });

  it('searches names across display name, reference and e-mail with name_search', () => {
    const sim = createOdooSimulator();
    expect(sim.execute('res.partner', 'name_search', [], { name: 'CUST-0003' })).toEqual([
      [expect.any(Number), 'Contoso Pharmacy GmbH'],
    ]);
    expect(sim.execute('product.product', 'name_search', ['IPOD2008'], { limit: 2 })).toHaveLength(2);
  });

  it('describes fields with fields_get, restricted to the attributes asked for', () => {
    const sim = createOdooSimulator();
    const fields = sim.execute('sale.order', 'fields_get', [], {
      attributes: ['type', 'relation', 'required'],
    });
    expect(fields).toMatchObject({
      partner_id: { type: 'many2one', relation: 'res.partner', required: true },
      order_line: { type: 'one2many', relation: 'sale.order.line' },
    });
  });

  it('rolls a failing call back entirely, while used sequence numbers stay used as in PostgreSQL', () => {
    const sim = createOdooSimulator();
    const before = sim.records('sale.order.line').length;
    expect(() =>
      sim.execute('sale.order', 'create', [
        {
          partner_id: 5,
          order_line: [
            [0, 0, { product_id: 1 }],
            [0, 0, { name: 'no product' }],
          ],
        },
      ]),
    ).toThrow('Missing required fields on accountable sale order line.');
    expect(sim.records('sale.order')).toEqual([]);
    expect(sim.records('sale.order.line')).toHaveLength(before);
    const id = Number(sim.execute('sale.order', 'create', [{ partner_id: 5 }]));
    expect(sim.records('sale.order', [['id', '=', id]])[0]?.name).toBe('S00002');
  });

  it('refuses deleting what is still referenced and a confirmed order', () => {
    const sim = createOdooSimulator();
    const partner = Number(sim.records('res.partner', [['ref', '=', 'CUST-0002']])[0]?.id);
    const order = Number(
      sim.execute('sale.order', 'create', [{ partner_id: partner, order_line: [[0, 0, { product_id: 1 }]] }]),
    );
    expect(() => sim.execute('res.partner', 'unlink', [[partner]])).toThrow(
      'another model requires the record being deleted',
    );
    sim.execute('sale.order', 'action_confirm', [[order]]);
    expect(() => sim.execute('sale.order', 'unlink', [[order]])).toThrow(
      'You can not delete a sent quotation or a confirmed sales order. You must first cancel it.',
    );
  });
});

describe('version-specific field names', () => {
  it('uses product_uom / tax_id and the storable product type on Odoo 17', () => {
    const sim = createOdooSimulator({ serverVersion: '17.0' });
    const [line] = [
      sim.execute('sale.order', 'create', [
        { partner_id: 5, order_line: [[0, 0, { product_id: 1, product_uom: 2, product_uom_qty: 1 }]] },
      ]),
    ];
    expect(sim.records('sale.order.line', [['order_id', '=', Number(line)]])[0]).toMatchObject({
      product_uom: [2, 'Dozens'],
      tax_id: [1],
    });
    expect(sim.records('product.product', [['default_code', '=', 'SKU-1001']])[0]).toMatchObject({
      type: 'product',
      detailed_type: 'product',
    });
    expect(() => sim.execute('sale.order.line', 'search_read', [[]], { fields: ['product_uom_id'] })).toThrow(
      "Invalid field 'product_uom_id' on model 'sale.order.line'",
    );
    expect(() => sim.execute('product.product', 'search', [[['is_storable', '=', true]]])).toThrow(
      'Invalid field product.product.is_storable',
    );
  });

  it('uses product_uom_id / tax_ids and is_storable on Odoo 19', () => {
    const sim = createOdooSimulator({ serverVersion: '19.0' });
    const order = Number(
      sim.execute('sale.order', 'create', [{ partner_id: 5, order_line: [[0, 0, { product_id: 1 }]] }]),
    );
    expect(sim.records('sale.order.line', [['order_id', '=', order]])[0]).toMatchObject({
      product_uom_id: [1, 'Units'],
      tax_ids: [1],
    });
    expect(() =>
      sim.execute('sale.order.line', 'create', [{ order_id: order, product_id: 1, product_uom: 1 }]),
    ).toThrow("Invalid field 'product_uom' on model 'sale.order.line'");
    expect(sim.records('product.product', [['default_code', '=', 'SKU-1049']])[0]).toMatchObject({
      type: 'service',
      is_storable: false,
    });
  });
});
