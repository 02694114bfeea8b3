import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningOdooSimulator, startOdooSimulator } from './index.js';

describe('startOdooSimulator over real HTTP', () => {
  let running: RunningOdooSimulator;

  beforeAll(async () => {
    running = await startOdooSimulator({ port: 0 });
  });

  afterAll(async () => {
    await running.close();
  });

  // `url` defaults to the suite's simulator; the last test also calls one of its own.
  const rpc = async (service: string, method: string, args: unknown[], url = running.url) => {
    const response = await fetch(`${url}/jsonrpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { service, method, args }, id: 7 }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: response.status === 200 ? await response.json() : await response.text(),
    };
  };

  it('serves JSON-RPC, JSON-2 and /web/version on a loopback port', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${running.url}/web/version`)).json()).toEqual({
      version_info: [19, 0, 0, 'final', 0, ''],
      version: '19.0',
    });
    expect((await rpc('common', 'authenticate', ['waybill', 'admin', 'sim-admin-key', {}])).body).toEqual({
      jsonrpc: '2.0',
      id: 7,
      result: 2,
    });
    const found = await fetch(`${running.url}/json/2/res.partner/search_read`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        authorization: 'bearer sim-admin-key',
        'x-odoo-database': 'waybill',
      },
      body: JSON.stringify({ domain: [['ref', '=', 'CUST-0002']], fields: ['name', 'credit_limit'] }),
    });
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual([
      { id: expect.any(Number), name: 'Northwind Traders', credit_limit: 5000 },
    ]);
  });

  it('carries injected failures over the wire, Retry-After included', async () => {
    running.sim.failNext({ kind: 'http-429', retryAfterSeconds: 4 });
    const limited = await rpc('common', 'version', []);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('4');
    expect((await rpc('common', 'version', [])).status).toBe(200);
  });

  it('closes even while a timed-out request is still hanging', async () => {
    const other = await startOdooSimulator();
    other.sim.failNext({ kind: 'timeout' });
    const hanging = fetch(`${other.url}/web/version`)
      .then(() => 'answered')
      .catch(() => 'dropped');
    const rpcHang = rpc('common', 'version', [], other.url).then(
      (answer) => answer.status,
      () => 'dropped',
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await other.close();
    expect(await hanging).toBe('answered');
    expect(['dropped', 504]).toContain(await rpcHang);
  });
});
