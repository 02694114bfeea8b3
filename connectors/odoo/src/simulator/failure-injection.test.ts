import { describe, expect, it } from 'vitest';
import { createOdooSimulator, type OdooSimulator } from './simulator.js';
import { json2, jsonRpc, objectOf, rpcErrorOf } from './testing.js';

/**
 * JSON-RPC common.version as a bare Response. The injected failures are checked on status and
 * headers, and the 500 answers with an HTML page, which jsonRpc() would try to read as JSON.
 */
const rawVersionCall = (sim: OdooSimulator) =>
  sim.app.request('/jsonrpc', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      method: 'call',
      params: { service: 'common', method: 'version', args: [] },
      id: 1,
    }),
  });

describe('failure injection', () => {
  it('answers 429 with Retry-After on both protocols, then recovers', async () => {
    const sim = createOdooSimulator();
    const rpc = jsonRpc(sim.app);
    sim.failNext({ kind: 'http-429', retryAfterSeconds: 7 });
    const limited = await rawVersionCall(sim);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await rpc.call('common', 'version', [])).status).toBe(200);
    sim.failNext({ kind: 'http-429', retryAfterSeconds: 3, count: 2 });
    const call = json2(sim.app);
    const first = await call('res.partner', 'search', { domain: [] });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(objectOf(first.body).name).toBe('werkzeug.exceptions.TooManyRequests');
    expect((await call('res.partner', 'search', { domain: [] })).status).toBe(429);
    expect((await call('res.partner', 'search', { domain: [] })).status).toBe(200);
  });

  it('answers HTTP 500: an HTML page in front of JSON-RPC, Odoo’s JSON error body on JSON-2', async () => {
    const sim = createOdooSimulator();
    sim.failNext({ kind: 'http-500', count: 2 });
    const rpc = await rawVersionCall(sim);
    expect(rpc.status).toBe(500);
    expect(rpc.headers.get('content-type')).toContain('text/html');
    const response = await json2(sim.app)('res.partner', 'search', { domain: [] });
    expect(response.status).toBe(500);
    expect(objectOf(response.body).name).toBe('psycopg2.OperationalError');
  });

  it('expires the session with JSON-RPC code 100 and a JSON-2 403', async () => {
    const sim = createOdooSimulator();
    sim.failNext({ kind: 'session-expired', matchModel: 'sale.order' });
    const rpc = jsonRpc(sim.app);
    expect((await rpc.execute('res.partner', 'search_count', [[]])).body.result).toEqual(expect.any(Number));
    const expired = rpcErrorOf((await rpc.execute('sale.order', 'search_count', [[]])).body);
    expect(expired).toMatchObject({
      code: 100,
      message: 'Odoo Session Expired',
      data: { name: 'odoo.http.SessionExpiredException', message: 'Session expired' },
    });
    sim.failNext({ kind: 'session-expired', matchProtocol: 'json2' });
    const json2Expired = await json2(sim.app)('res.partner', 'search', { domain: [] });
    expect(json2Expired).toMatchObject({ status: 403, body: { name: 'odoo.http.SessionExpiredException' } });
  });

  it('raises a chosen Odoo exception for the matching model and method only', async () => {
    const sim = createOdooSimulator();
    sim.failNext({
      kind: 'jsonrpc-error',
      matchModel: 'sale.order',
      matchMethod: 'action_confirm',
      exception: 'psycopg2.errors.SerializationFailure',
      message: 'could not serialize access due to concurrent update',
    });
    const rpc = jsonRpc(sim.app);
    expect((await rpc.execute('sale.order', 'search', [[]])).body.result).toEqual([]);
    const failed = rpcErrorOf((await rpc.execute('sale.order', 'action_confirm', [[]])).body);
    expect(failed.data).toMatchObject({
      name: 'psycopg2.errors.SerializationFailure',
      message: 'could not serialize access due to concurrent update',
    });
    expect((await rpc.execute('sale.order', 'action_confirm', [[]])).body.result).toBe(true);
  });

  it('hangs a timed-out call until the client gives up, or answers 504 after hangMs', async () => {
    const sim = createOdooSimulator();
    sim.failNext({ kind: 'timeout' });
    const controller = new AbortController();
    const started = Date.now();
    const request = sim.app.request('/json/2/res.partner/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'bearer sim-admin-key' },
      body: '{"domain": []}',
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 30);
    expect((await request).status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    sim.failNext({ kind: 'timeout', hangMs: 20 });
    expect((await json2(sim.app)('res.partner', 'search', { domain: [] })).status).toBe(504);
    expect((await json2(sim.app)('res.partner', 'search', { domain: [] })).status).toBe(200);
  });

  it('delays answers by the configured latency', async () => {
    const sim = createOdooSimulator({ latencyMs: [20, 25] });
    const started = Date.now();
    await jsonRpc(sim.app).call('common', 'version', []);
    expect(Date.now() - started).toBeGreaterThanOrEqual(19);
    sim.setLatency(undefined);
  });
});

describe('the /__sim control routes', () => {
  it('queue failures, dump state, list calls and reset the database', async () => {
    const sim = createOdooSimulator();
    const post = (path: string, body: unknown) =>
      sim.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/__sim/fail-next', { kind: 'nope' })).status).toBe(400);
    const queued = await post('/__sim/fail-next', {
      kind: 'http-429',
      matchMethod: 'search',
      retryAfterSeconds: 1,
    });
    expect(await queued.json()).toMatchObject({ pending: [{ kind: 'http-429', remaining: 1 }] });
    const call = json2(sim.app);
    expect((await call('res.partner', 'search', { domain: [] })).status).toBe(429);
    await call('res.partner', 'create', { vals_list: [{ name: 'Made Over HTTP' }] });
    const calls = await (await sim.app.request('/__sim/calls')).json();
    expect(calls).toEqual([
      expect.objectContaining({
        protocol: 'json2',
        model: 'res.partner',
        method: 'search',
        outcome: 'injected',
      }),
      expect.objectContaining({ method: 'create', uid: 2, outcome: 'ok' }),
    ]);
    const state = objectOf(await (await sim.app.request('/__sim/state?models=res.partner')).json());
    expect(JSON.stringify(state['res.partner'])).toContain('Made Over HTTP');
    await post('/__sim/reset', {});
    expect(sim.records('res.partner', [['name', '=', 'Made Over HTTP']])).toEqual([]);
    expect(sim.calls).toEqual([]);
  });
});
