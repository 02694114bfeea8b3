import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { odooConnector } from './connector.js';
import { failure, objectOf, protocols, useOdooSimulator } from './testing/simulator-harness.js';

/**
 * Failures, access rights and the generic operations against the Odoo simulator over real HTTP
 * on 127.0.0.1, through a credential whose allowed hosts name the simulator's host.
 */

const server = useOdooSimulator();
const { credential } = server;
const invoker = createConnectorInvoker([odooConnector]);

describe.each(protocols)('Odoo failures and generic calls over %s', (protocol) => {
  const run = async (
    type: string,
    input: unknown,
    config: Record<string, unknown> = {},
    as = credential(protocol),
  ) => (await invoker.invoke(testCall({ type, input, config, credential: as }))).output;

  it("turns a write by a read-only user into a user error carrying Odoo's message", async () => {
    const readonly = credential(protocol, 'readonly');
    expect(await run('odoo.findProducts', { skus: ['SKU-1001'] }, {}, readonly)).toMatchObject({
      missing: [],
    });
    const error = await failure(
      run('odoo.create', { values: { name: 'Nope Ltd' } }, { model: 'res.partner' }, readonly),
    );
    expect(error).toMatchObject({
      kind: 'user',
      code: 'ODOO_ACCESS_ERROR',
      retryable: false,
      upstream: { status: protocol === 'jsonrpc' ? 200 : 403, code: 'odoo.exceptions.AccessError' },
    });
    const [served] = server.sim.calls.filter((call) => call.outcome === 'error');
    expect(error.message).toMatch(/^You are not allowed to create 'Contact' \(res\.partner\) records\./);
    expect(served?.error).toContain(error.message.slice(0, -1));
    expect(error.message).not.toMatch(/Traceback/);
    expect(error.upstream?.body ?? '').not.toMatch(/Traceback/);
  });

  it('turns wrong credentials into a user error naming what to check', async () => {
    const wrong = credential(protocol, 'admin', `wrong-${protocol}`);
    wrong.values = { ...wrong.values, password: 'nope', apiKey: 'nope' };
    expect(await failure(run('odoo.findProducts', { skus: ['SKU-1001'] }, {}, wrong))).toMatchObject({
      kind: 'user',
      code: 'ODOO_ACCESS_DENIED',
      retryable: false,
    });
    const result = await invoker.testCredential(wrong, new AbortController().signal);
    expect(result).toMatchObject({ ok: false });
  });

  it('turns 429 into a retryable error with the delay Odoo asked for', async () => {
    server.sim.failNext({ kind: 'http-429', retryAfterSeconds: 3, matchModel: 'product.product' });
    expect(await failure(run('odoo.findProducts', { skus: ['SKU-1001'] }))).toMatchObject({
      kind: 'connector',
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfterMs: 3000,
      upstream: { status: 429 },
    });
  });

  it('turns a server failure into a retryable connector error', async () => {
    server.sim.failNext({ kind: 'http-500', matchModel: 'product.product' });
    expect(await failure(run('odoo.findProducts', { skus: ['SKU-1001'] }))).toMatchObject({
      kind: 'connector',
      retryable: true,
      upstream: { status: 500 },
    });
  });

  it("turns an Odoo ValidationError into a user error with Odoo's message", async () => {
    server.sim.failNext({
      kind: 'jsonrpc-error',
      exception: 'odoo.exceptions.ValidationError',
      message: 'The VAT number is not valid',
      matchModel: 'res.partner',
      matchMethod: 'create',
    });
    expect(
      await failure(run('odoo.create', { values: { name: 'X' } }, { model: 'res.partner' })),
    ).toMatchObject({
      kind: 'user',
      code: 'ODOO_VALIDATION_ERROR',
      message: 'The VAT number is not valid.',
    });
  });

  it("turns an unknown field into a user error with Odoo's message", async () => {
    expect(
      await failure(run('odoo.create', { values: { name: 'X', shoe_size: 44 } }, { model: 'res.partner' })),
    ).toMatchObject({
      kind: 'user',
      code: 'ODOO_INVALID_REQUEST',
      message: "Invalid field 'shoe_size' on model 'res.partner'.",
    });
  });

  it('turns a missing record into ODOO_MISSING_RECORD', async () => {
    expect(
      await failure(run('odoo.write', { ids: [999_999], values: { name: 'X' } }, { model: 'res.partner' })),
    ).toMatchObject({
      kind: 'user',
      code: 'ODOO_MISSING_RECORD',
    });
  });

  it('refuses a private method before calling Odoo', async () => {
    server.sim.clearCalls();
    expect(
      await failure(run('odoo.callMethod', { ids: [1] }, { model: 'sale.order', method: '_action_confirm' })),
    ).toMatchObject({
      kind: 'user',
      code: 'ODOO_PRIVATE_METHOD',
    });
    expect(server.sim.calls).toEqual([]);
  });

  it('reads, creates, writes and calls methods on any model', async () => {
    const created = await run(
      'odoo.create',
      {
        values: [
          { name: 'Generic A', ref: 'GEN-A' },
          { name: 'Generic B', ref: 'GEN-B' },
        ],
      },
      { model: 'res.partner' },
    );
    expect(created).toEqual({ ids: [expect.any(Number), expect.any(Number)] });
    const ids = objectOf(created).ids;
    if (!Array.isArray(ids)) throw new Error('no ids');
    expect(
      await run('odoo.write', { ids, values: { comment: 'via Waybill' } }, { model: 'res.partner' }),
    ).toEqual({ ids, written: true });
    const found = await run(
      'odoo.searchRead',
      { domain: [['ref', '=like', 'GEN-%']] },
      { model: 'res.partner', domain: [['comment', '!=', false]], fields: ['name', 'ref'], order: 'ref asc' },
    );
    expect(found).toEqual({
      records: [
        { id: ids[0], name: 'Generic A', ref: 'GEN-A' },
        { id: ids[1], name: 'Generic B', ref: 'GEN-B' },
      ],
      count: 2,
    });
    const named = await run(
      'odoo.callMethod',
      { params: { domain: [['ref', '=like', 'GEN-%']] } },
      { model: 'res.partner', method: 'search_count' },
    );
    expect(named).toEqual({ result: 2 });
    const positional = await run(
      'odoo.callMethod',
      { ids, args: [['ref']] },
      { model: 'res.partner', method: 'read' },
    );
    expect(positional).toEqual({
      result: [
        { id: ids[0], ref: 'GEN-A' },
        { id: ids[1], ref: 'GEN-B' },
      ],
    });
  });

  it('refuses a host the credential does not allow', async () => {
    const closed = { ...credential(protocol), id: `closed-${protocol}`, allowedHosts: [] };
    expect(await failure(run('odoo.findProducts', { skus: ['SKU-1001'] }, {}, closed))).toMatchObject({
      kind: 'user',
      code: 'BLOCKED_ADDRESS',
    });
  });
});

describe('Odoo JSON-RPC sessions', () => {
  const authentications = () =>
    server.sim.calls.filter((call) => call.service === 'common' && call.method === 'authenticate').length;

  it('signs in once per credential and again, once, when Odoo says the session expired', async () => {
    const rpc = credential('jsonrpc', 'admin', 'odoo-session-test');
    const run = (input: unknown) =>
      invoker.invoke(testCall({ type: 'odoo.findProducts', input, credential: rpc }));
    await run({ skus: ['SKU-1001'] });
    await run({ skus: ['SKU-1002'] });
    expect(authentications()).toBe(1);
    server.sim.failNext({ kind: 'session-expired', matchProtocol: 'jsonrpc', matchModel: 'product.product' });
    expect((await run({ skus: ['SKU-1003'] })).output).toMatchObject({ missing: [] });
    expect(authentications()).toBe(2);
  });

  it('gives up with a retryable error when the session expires again right after signing in', async () => {
    const rpc = credential('jsonrpc', 'admin', 'odoo-session-test-2');
    server.sim.failNext({
      kind: 'session-expired',
      matchProtocol: 'jsonrpc',
      matchModel: 'product.product',
      count: 2,
    });
    expect(
      await failure(
        invoker.invoke(
          testCall({ type: 'odoo.findProducts', input: { skus: ['SKU-1001'] }, credential: rpc }),
        ),
      ),
    ).toMatchObject({
      kind: 'connector',
      code: 'ODOO_SESSION_EXPIRED',
      retryable: true,
    });
    expect(authentications()).toBe(2);
  });
});
