import { describe, expect, it } from 'vitest';
import { createOdooSimulator } from '../simulator.js';
import { rpcErrorOf as errorData, jsonRpc, recordsOf } from '../testing.js';

describe('JSON-RPC /jsonrpc', () => {
  it('authenticates a good login with the uid and a wrong password with false', async () => {
    const rpc = jsonRpc(createOdooSimulator().app);
    expect((await rpc.call('common', 'authenticate', ['waybill', 'admin', 'admin', {}])).body.result).toBe(2);
    expect((await rpc.call('common', 'login', ['waybill', 'readonly', 'sim-readonly-key'])).body.result).toBe(
      6,
    );
    expect((await rpc.call('common', 'authenticate', ['waybill', 'admin', 'wrong', {}])).body.result).toBe(
      false,
    );
  });

  it('reports the server version through common.version', async () => {
    const rpc = jsonRpc(createOdooSimulator({ serverVersion: '17.0' }).app);
    const { body } = await rpc.call('common', 'version', []);
    expect(body.result).toEqual({
      server_version: '17.0',
      server_version_info: [17, 0, 0, 'final', 0, ''],
      server_serie: '17.0',
      protocol_version: 1,
    });
  });

  it('refuses execute_kw with a wrong password as AccessDenied', async () => {
    const rpc = jsonRpc(createOdooSimulator().app);
    const { status, body } = await rpc.execute(
      'res.partner',
      'search',
      [[]],
      {},
      { uid: 2, password: 'nope' },
    );
    expect(status).toBe(200);
    expect(errorData(body).data).toMatchObject({
      name: 'odoo.exceptions.AccessDenied',
      message: 'Access Denied',
    });
  });

  it('answers an unknown database with the PostgreSQL error Odoo lets through', async () => {
    const rpc = jsonRpc(createOdooSimulator().app);
    const { body } = await rpc.call('common', 'authenticate', ['other', 'admin', 'admin', {}]);
    expect(errorData(body).data.name).toBe('psycopg2.OperationalError');
  });

  it('filters, orders and limits search_read with an Odoo domain', async () => {
    const rpc = jsonRpc(createOdooSimulator().app);
    const rows = await rpc.result(
      'res.partner',
      'search_read',
      [
        [
          '&',
          ['customer_rank', '>', 0],
          '|',
          ['country_id.code', '=', 'DE'],
          ['email', 'ilike', 'MAIL.example'],
        ],
      ],
      {
        fields: ['name', 'ref'],
        order: 'ref desc',
        limit: 3,
      },
    );
    expect(rows).toEqual([
      expect.objectContaining({ ref: 'CUST-0016', name: 'Chloé Tremblay' }),
      expect.objectContaining({ ref: 'CUST-0015' }),
      expect.objectContaining({ ref: 'CUST-0014' }),
    ]);
    const offset = await rpc.result('res.partner', 'search', [[['ref', '=like', 'CUST-001_']]], {
      offset: 8,
      order: 'ref',
    });
    expect(offset).toHaveLength(2);
    expect(
      await rpc.result('res.partner', 'search_count', [
        [
          ['is_company', '=', false],
          ['ref', '!=', false],
        ],
      ]),
    ).toBe(6);
  });

  it('returns many2one values as [id, display name] and x2many values as ids', async () => {
    const rpc = jsonRpc(createOdooSimulator().app);
    const [acme] = recordsOf(
      await rpc.result('res.partner', 'search_read', [[['ref', '=', 'CUST-0001']]], {
        fields: ['country_id', 'state_id', 'child_ids', 'parent_id'],
      }),
    );
    expect(acme).toMatchObject({
      country_id: [expect.any(Number), 'United States'],
      state_id: [expect.any(Number), 'New York (US)'],
      parent_id: false,
    });
    expect(acme?.child_ids).toHaveLength(2);
    const [child] = recordsOf(
      await rpc.result('res.partner', 'read', [acme?.child_ids, ['display_name', 'type']]),
    );
    expect(child).toMatchObject({ display_name: 'Acme Retail Inc., Delivery Address', type: 'delivery' });
    const bare = recordsOf(
      await rpc.result('res.partner', 'read', [[acme?.id], ['country_id']], { load: false }),
    );
    expect(bare[0]?.country_id).toEqual(expect.any(Number));
  });

  it('raises ValueError, as the ORM does, for an unknown field in create, write or fields', async () => {
    const rpc = jsonRpc(createOdooSimulator().app);
    const created = await rpc.execute('res.partner', 'create', [{ name: 'Foo', foo: 1 }]);
    expect(errorData(created.body)).toMatchObject({
      code: 0,
      message: 'Odoo Server Error',
      data: {
        name: 'builtins.ValueError',
        message: "Invalid field 'foo' on model 'res.partner'",
        arguments: ["Invalid field 'foo' on model 'res.partner'"],
        context: {},
      },
    });
    expect(errorData(created.body).data.debug).toMatch(/^Traceback \(most recent call last\):/);
    const read = await rpc.execute('res.partner', 'search_read', [[]], { fields: ['name', 'bar'] });
    expect(errorData(read.body).data.message).toBe("Invalid field 'bar' on model 'res.partner'");
    const domain = await rpc.execute('res.partner', 'search', [[['baz', '=', 1]]]);
    expect(errorData(domain.body).data.message).toBe("Invalid field res.partner.baz in leaf ('baz', '=', 1)");
  });

  it('uses the JSON-RPC code 200 up to Odoo 18', async () => {
    const rpc = jsonRpc(createOdooSimulator({ serverVersion: '18.0' }).app);
    const { body } = await rpc.execute('res.partner', 'write', [[999999], { name: 'x' }]);
    expect(errorData(body)).toMatchObject({ code: 200, data: { name: 'odoo.exceptions.MissingError' } });
  });

  it('refuses changes by the read-only user with an AccessError naming the model', async () => {
    const rpc = jsonRpc(createOdooSimulator().app);
    const readOnly = { uid: 6, password: 'readonly' };
    const read = await rpc.execute('res.partner', 'search_count', [[]], {}, readOnly);
    expect(read.body.result).toEqual(expect.any(Number));
    const { body } = await rpc.execute('res.partner', 'create', [{ name: 'Nope' }], {}, readOnly);
    expect(errorData(body).data.name).toBe('odoo.exceptions.AccessError');
    expect(errorData(body).data.message).toMatch(
      /^You are not allowed to create 'Contact' \(res\.partner\) records\./,
    );
    const confirm = await rpc.execute('sale.order', 'action_confirm', [[1]], {}, readOnly);
    expect(errorData(confirm.body).data.message).toMatch(
      /^You are not allowed to modify 'Sales Order' \(sale\.order\) records\./,
    );
  });

  it('refuses private methods and names unknown models and methods', async () => {
    const rpc = jsonRpc(createOdooSimulator().app);
    const privateCall = await rpc.execute('sale.order', '_create_invoices', [[1]]);
    expect(errorData(privateCall.body).data).toMatchObject({
      name: 'odoo.exceptions.AccessError',
      message: "Private methods (such as 'sale.order._create_invoices') cannot be called remotely.",
    });
    const unknownModel = await rpc.execute('no.such.model', 'search', [[]]);
    expect(errorData(unknownModel.body).data).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message: "Object no.such.model doesn't exist",
    });
    const unknownMethod = await rpc.execute('res.partner', 'frobnicate', [[1]]);
    expect(errorData(unknownMethod.body).data).toMatchObject({
      name: 'builtins.AttributeError',
      message: "The method 'res.partner.frobnicate' does not exist",
    });
  });

  it('answers create with an id for a dict and a list of ids for a list', async () => {
    const rpc = jsonRpc(createOdooSimulator().app);
    expect(await rpc.result('res.partner', 'create', [{ name: 'One' }])).toEqual(expect.any(Number));
    expect(await rpc.result('res.partner', 'create', [[{ name: 'Two' }, { name: 'Three' }]])).toEqual([
      expect.any(Number),
      expect.any(Number),
    ]);
  });

  it('reports a wrong keyword argument as Python would', async () => {
    const rpc = jsonRpc(createOdooSimulator().app);
    const { body } = await rpc.execute('res.partner', 'search_count', [[]], { colour: 'red' });
    expect(errorData(body).data).toMatchObject({
      name: 'builtins.TypeError',
      message: "BaseModel.search_count() got an unexpected keyword argument 'colour'",
    });
  });

  it('rejects a body that is not JSON with HTTP 400', async () => {
    const { app } = createOdooSimulator();
    const response = await app.request('/jsonrpc', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Invalid JSON data');
  });
});
