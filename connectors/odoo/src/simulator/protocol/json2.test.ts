import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOdooSimulator } from '../simulator.js';
import { json2, objectOf, recordsOf } from '../testing.js';

describe('JSON-2 /json/2/<model>/<method>', () => {
  it('answers 401 with a WWW-Authenticate challenge for a missing or unknown API key', async () => {
    const { app } = createOdooSimulator();
    const missing = await json2(app, null)('res.partner', 'search', { domain: [] });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(objectOf(missing.body)).toMatchObject({
      name: 'werkzeug.exceptions.Unauthorized',
      message: 'User not authenticated, use the "Authorization" header',
    });
    const wrong = await json2(app, 'not-a-key')('res.partner', 'search', { domain: [] });
    expect(wrong.status).toBe(401);
    expect(objectOf(wrong.body)).toEqual({
      name: 'werkzeug.exceptions.Unauthorized',
      message: 'Invalid apikey',
      arguments: ['Invalid apikey', 401],
      context: {},
      debug: expect.stringContaining('Traceback'),
    });
  });

  it('answers a wrong API key in the shape of the documented example (fixtures/)', async () => {
    const documented = objectOf(
      JSON.parse(
        readFileSync(new URL('../../../fixtures/json2-error-unauthorized.json', import.meta.url), 'utf8'),
      ),
    );
    const answer = await json2(createOdooSimulator().app, 'wrong')('res.partner', 'search', { domain: [] });
    expect({ ...objectOf(answer.body), debug: '' }).toEqual({ ...documented, debug: '' });
  });

  it('returns the method result as plain JSON with named arguments', async () => {
    const call = json2(createOdooSimulator().app);
    const found = await call('product.product', 'search_read', {
      domain: [['default_code', 'in', ['SKU-1001', 'IPOD2008GREEN']]],
      fields: ['default_code', 'uom_id', 'qty_available'],
      order: 'default_code desc',
      context: { lang: 'en_US' },
    });
    expect(found.status).toBe(200);
    expect(found.body).toEqual([
      { id: expect.any(Number), default_code: 'SKU-1001', uom_id: [1, 'Units'], qty_available: 750 },
      { id: expect.any(Number), default_code: 'IPOD2008GREEN', uom_id: [1, 'Units'], qty_available: 35 },
    ]);
  });

  it('creates from vals_list and always answers a list of ids', async () => {
    const call = json2(createOdooSimulator().app);
    const created = await call('res.partner', 'create', {
      vals_list: { name: 'Single Dict Ltd', is_company: true },
    });
    expect(created.body).toEqual([expect.any(Number)]);
    const ids = Array.isArray(created.body) ? created.body : [];
    const written = await call('res.partner', 'write', { ids, vals: { email: 'ap@single.example' } });
    expect(written).toMatchObject({ status: 200, body: true });
    const read = await call('res.partner', 'read', { ids, fields: ['email', 'display_name'] });
    expect(recordsOf(read.body)[0]).toMatchObject({
      email: 'ap@single.example',
      display_name: 'Single Dict Ltd',
    });
  });

  it('maps exceptions to HTTP statuses: 403 access, 404 missing, 422 user errors, 500 for ValueError', async () => {
    const { app } = createOdooSimulator();
    const admin = json2(app);
    const readOnly = await json2(app, 'sim-readonly-key')('res.partner', 'create', {
      vals_list: [{ name: 'x' }],
    });
    expect(readOnly.status).toBe(403);
    expect(objectOf(readOnly.body).name).toBe('odoo.exceptions.AccessError');
    const missing = await admin('res.partner', 'write', { ids: [424242], vals: { name: 'x' } });
    expect(missing.status).toBe(404);
    expect(objectOf(missing.body)).toMatchObject({ name: 'odoo.exceptions.MissingError' });
    const confirmTwice = await admin('sale.order', 'create', {
      vals_list: [{ partner_id: 5, order_line: [[0, 0, { product_id: 1 }]] }],
    });
    const orderIds = Array.isArray(confirmTwice.body) ? confirmTwice.body : [];
    await admin('sale.order', 'action_confirm', { ids: orderIds });
    const again = await admin('sale.order', 'action_confirm', { ids: orderIds });
    expect(again.status).toBe(422);
    expect(objectOf(again.body)).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message: 'The following orders are not in a state requiring confirmation: S00001',
    });
    const unknownField = await admin('res.partner', 'create', { vals_list: [{ name: 'x', foo: 1 }] });
    expect(unknownField.status).toBe(500);
    expect(objectOf(unknownField.body)).toMatchObject({
      name: 'builtins.ValueError',
      message: "Invalid field 'foo' on model 'res.partner'",
    });
    const validation = await admin('sale.order', 'create', {
      vals_list: [{ client_order_ref: 'no partner' }],
    });
    expect(validation.status).toBe(422);
    expect(objectOf(validation.body).name).toBe('odoo.exceptions.ValidationError');
  });

  it('answers 404 for unknown models and methods and 403 for private methods', async () => {
    const call = json2(createOdooSimulator().app);
    const model = await call('no.model', 'search', { domain: [] });
    expect(model).toMatchObject({
      status: 404,
      body: { name: 'werkzeug.exceptions.NotFound', message: "the model 'no.model' does not exist" },
    });
    const method = await call('res.partner', 'nope', {});
    expect(method).toMatchObject({
      status: 404,
      body: { message: "The method 'res.partner.nope' does not exist" },
    });
    const hidden = await call('res.partner', '_read', { ids: [1] });
    expect(hidden).toMatchObject({ status: 403, body: { name: 'odoo.exceptions.AccessError' } });
  });

  it('answers 422 for arguments that do not fit the method and for ids on model methods', async () => {
    const call = json2(createOdooSimulator().app);
    const extra = await call('res.partner', 'search_count', { domain: [], colour: 'red' });
    expect(extra).toMatchObject({
      status: 422,
      body: {
        name: 'werkzeug.exceptions.UnprocessableEntity',
        message: "got an unexpected keyword argument 'colour'",
      },
    });
    const missing = await call('res.partner', 'write', { ids: [1] });
    expect(missing).toMatchObject({ status: 422, body: { message: "missing a required argument: 'vals'" } });
    const withIds = await call('res.partner', 'search', { ids: [1], domain: [] });
    expect(withIds).toMatchObject({
      status: 422,
      body: { message: 'cannot call res.partner.search with ids' },
    });
  });

  it('honours X-Odoo-Database and refuses another database', async () => {
    const call = json2(createOdooSimulator().app);
    expect((await call('res.users', 'context_get', {}, { 'x-odoo-database': 'waybill' })).body).toMatchObject(
      { uid: 2, lang: 'en_US' },
    );
    expect((await call('res.users', 'context_get', {}, { 'x-odoo-database': 'elsewhere' })).status).toBe(404);
  });

  it('does not exist before Odoo 19', async () => {
    const call = json2(createOdooSimulator({ serverVersion: '18.0' }).app);
    expect((await call('res.partner', 'search', { domain: [] })).status).toBe(404);
  });

  it('points a wrong method or path at POST /json/2/<model>/<method>', async () => {
    const { app } = createOdooSimulator();
    const response = await app.request('/json/2/res.partner/search', {
      method: 'GET',
      headers: { authorization: 'bearer sim-admin-key' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ message: 'Did you mean POST /json/2/<model>/<method>?' });
  });
});
