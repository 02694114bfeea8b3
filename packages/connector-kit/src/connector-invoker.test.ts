import { Type } from '@sinclair/typebox';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createConnectorInvoker } from './connector-invoker.js';
import { defineCredentialType } from './credential-type.js';
import { defineConnector } from './define-connector.js';
import { defineOperation, routeTo } from './define-operation.js';
import { toErrorInfo } from './errors.js';
import type { HttpClient } from './http/http-client.js';
import { testCall } from './testing/test-call.js';

const apiKey = defineCredentialType({
  type: 'shop-api-key',
  title: 'Shop API key',
  fields: [
    { name: 'key', label: 'API key', secret: true, required: true },
    { name: 'region', label: 'Region', secret: false, required: false },
  ],
});

const findOrder = defineOperation({
  type: 'shop.findOrder',
  title: 'Find order',
  description: 'Looks an order up by number.',
  effect: 'read',
  idempotency: 'none',
  configSchema: Type.Object(
    {
      method: Type.Optional(Type.Union([Type.Literal('GET'), Type.Literal('HEAD')], { default: 'GET' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 5 })),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object({ number: Type.String({ minLength: 1 }) }),
  outputSchema: Type.Object({ number: Type.String(), seen: Type.Array(Type.String()) }),
  credential: { types: [apiKey], required: true },
  outputs: ['found', 'notFound'],
  defaultPort: 'found',
  run: async (ctx) => {
    expectTypeOf(ctx.config.limit).toEqualTypeOf<number | undefined>();
    expectTypeOf(ctx.input.number).toEqualTypeOf<string>();
    expectTypeOf(ctx.credential.values.key).toEqualTypeOf<string>();
    expectTypeOf(ctx.credential.values.region).toEqualTypeOf<string | undefined>();
    ctx.log({ level: 'info', message: `looking up ${ctx.input.number}` });
    const seen = [
      `method=${ctx.config.method}`,
      `limit=${ctx.config.limit}`,
      `key=${ctx.credential.values.key}`,
      `hosts=${ctx.credential.allowedHosts.join(',')}`,
      `attempt=${ctx.attempt}`,
      `idem=${ctx.idempotencyKey}`,
    ];
    if (ctx.input.number === 'missing') return routeTo('notFound', { number: ctx.input.number, seen });
    return { number: ctx.input.number, seen };
  },
});

const shop = defineConnector({
  id: 'shop',
  title: 'Shop',
  operations: [findOrder],
  credentialTypes: [apiKey],
});
const credential = {
  id: 'shop-main',
  type: 'shop-api-key',
  values: { key: 'k1' },
  allowedHosts: ['127.0.0.1'],
};

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toErrorInfo(error);
  }
  throw new Error('expected the call to fail');
}

describe('connector invoker', () => {
  const invoker = createConnectorInvoker([shop]);

  it('runs the operation with defaults applied and the credential checked', async () => {
    const call = testCall({
      type: 'shop.findOrder',
      input: { number: 'SO1' },
      credential,
      idempotencyKey: 'ex/n',
    });
    const result = await invoker.invoke(call);
    expect(result).toEqual({
      output: {
        number: 'SO1',
        seen: ['method=GET', 'limit=5', 'key=k1', 'hosts=127.0.0.1', 'attempt=1', 'idem=ex/n'],
      },
    });
    expect(call.logs).toEqual([{ level: 'info', message: 'looking up SO1' }]);
  });

  it('routes an output to the port the operation chose', async () => {
    const result = await invoker.invoke(
      testCall({ type: 'shop.findOrder', input: { number: 'missing' }, credential }),
    );
    expect(result.port).toBe('notFound');
  });

  it('refuses an invalid config with a sentence naming the field', async () => {
    expect(
      await failure(
        invoker.invoke(
          testCall({
            type: 'shop.findOrder',
            config: { method: 'POST' },
            input: { number: 'a' },
            credential,
          }),
        ),
      ),
    ).toMatchObject({
      kind: 'user',
      code: 'INVALID_CONFIG',
      message: 'The config field "method" must be one of "GET", "HEAD".',
    });
    expect(
      await failure(
        invoker.invoke(
          testCall({ type: 'shop.findOrder', config: { limit: 50 }, input: { number: 'a' }, credential }),
        ),
      ),
    ).toMatchObject({ message: 'The config field "limit" must be at most 10.' });
    expect(
      await failure(
        invoker.invoke(
          testCall({ type: 'shop.findOrder', config: { extra: 1 }, input: { number: 'a' }, credential }),
        ),
      ),
    ).toMatchObject({ message: 'The config has an unknown field "extra".' });
  });

  it('refuses an invalid input with a sentence naming the field', async () => {
    expect(
      await failure(invoker.invoke(testCall({ type: 'shop.findOrder', input: {}, credential }))),
    ).toMatchObject({
      kind: 'user',
      code: 'INVALID_INPUT',
      message: 'The input is missing the required field "number".',
    });
    expect(
      await failure(invoker.invoke(testCall({ type: 'shop.findOrder', input: { number: 5 }, credential }))),
    ).toMatchObject({ message: 'The input field "number" must be a string.' });
  });

  it('requires the declared credential, of an accepted type, with its required fields', async () => {
    const call = (extra: object) => testCall({ type: 'shop.findOrder', input: { number: 'a' }, ...extra });
    expect(await failure(invoker.invoke(call({})))).toMatchObject({
      kind: 'user',
      code: 'CREDENTIAL_REQUIRED',
    });
    expect(
      await failure(
        invoker.invoke(call({ credential: { id: 'x', type: 'http-bearer', values: { token: 't' } } })),
      ),
    ).toMatchObject({ code: 'CREDENTIAL_TYPE_MISMATCH' });
    expect(
      await failure(
        invoker.invoke(call({ credential: { id: 'x', type: 'shop-api-key', values: { key: '' } } })),
      ),
    ).toMatchObject({
      code: 'CREDENTIAL_INCOMPLETE',
      message: 'The credential "x" has no value for "API key"; fill it in on the credentials page.',
    });
  });

  it('reports an unknown node type as a system error that is not retried', async () => {
    expect(await failure(invoker.invoke(testCall({ type: 'shop.cancelOrder' })))).toMatchObject({
      kind: 'system',
      code: 'UNKNOWN_NODE_TYPE',
      retryable: false,
      message:
        'No installed connector provides the node type "shop.cancelOrder"; install its connector or change the node\'s type.',
    });
  });

  it('lists plain-data manifests and credential types for the catalog', () => {
    const [manifest] = invoker.manifests();
    expect(manifest).toMatchObject({
      type: 'shop.findOrder',
      category: 'shop',
      effect: 'read',
      outputs: ['found', 'notFound'],
      defaultPort: 'found',
      credential: { types: ['shop-api-key'], required: true },
    });
    expect(Object.getOwnPropertySymbols(manifest?.configSchema ?? {})).toEqual([]);
    expect(manifest?.configSchema).toMatchObject({ properties: { limit: { default: 5 } } });
    expect(invoker.credentialTypes()).toEqual([
      {
        type: 'shop-api-key',
        title: 'Shop API key',
        fields: [
          { name: 'key', label: 'API key', secret: true, required: true },
          { name: 'region', label: 'Region', secret: false, required: false },
        ],
        hasTest: false,
      },
    ]);
  });

  it('refuses two connectors claiming the same node type', () => {
    expect(() => createConnectorInvoker([shop, shop])).toThrow('share the node type "shop.findOrder"');
  });

  it("binds the operation's HTTP client to the call's signal and the credential's allowed hosts", async () => {
    const seen: { allowedHosts?: readonly string[]; aborted?: boolean }[] = [];
    const http: HttpClient = {
      request: async (request) => {
        seen.push({ allowedHosts: request.allowedHosts, aborted: request.signal?.aborted });
        return {
          status: 200,
          url: String(request.url),
          headers: {},
          bytes: new Uint8Array(),
          text: () => '',
          json: () => null,
        };
      },
    };
    const ping = defineOperation({
      type: 'shop.ping',
      title: 'Ping',
      description: 'Calls the shop.',
      effect: 'read',
      idempotency: 'none',
      configSchema: Type.Object({}),
      credential: { types: [apiKey], required: false },
      run: async (ctx) => {
        expectTypeOf(ctx.credential).toEqualTypeOf<
          | {
              id: string;
              type: 'shop-api-key';
              values: { key: string; region?: string };
              allowedHosts: readonly string[];
            }
          | undefined
        >();
        await ctx.http.request({ url: 'http://127.0.0.1/' });
        return null;
      },
    });
    const controller = new AbortController();
    controller.abort();
    const pinger = createConnectorInvoker([{ ...shop, operations: [ping] }], { http });
    await pinger.invoke(testCall({ type: 'shop.ping', credential, signal: controller.signal }));
    await pinger.invoke(testCall({ type: 'shop.ping' }));
    expect(seen).toEqual([
      { allowedHosts: ['127.0.0.1'], aborted: true },
      { allowedHosts: [], aborted: false },
    ]);
  });

  it("takes a rate-limit token per request, from the connector's bucket per credential or the operation's own", async () => {
    const taken: string[] = [];
    const http: HttpClient = {
      request: async (request) => ({
        status: 200,
        url: String(request.url),
        headers: {},
        bytes: new Uint8Array(),
        text: () => '',
        json: () => null,
      }),
    };
    const call = (type: string, rateLimit?: { requests: number; perSeconds: number }) =>
      defineOperation({
        type,
        title: type,
        description: 'Calls the shop twice.',
        effect: 'read',
        idempotency: 'none',
        configSchema: Type.Object({}),
        credential: { types: [apiKey], required: true },
        ...(rateLimit ? { rateLimit } : {}),
        run: async (ctx) => {
          await ctx.http.request({ url: 'http://127.0.0.1/a' });
          await ctx.http.request({ url: 'http://127.0.0.1/b' });
          return null;
        },
      });
    const limited = defineConnector({
      ...shop,
      rateLimit: { requests: 2, perSeconds: 1 },
      operations: [call('shop.list'), call('shop.bulk', { requests: 1, perSeconds: 60 })],
    });
    const invoker = createConnectorInvoker([limited], {
      http,
      rateLimiter: {
        take: async (key, limit) => void taken.push(`${key} ${limit.requests}/${limit.perSeconds}s`),
      },
    });
    await invoker.invoke(testCall({ type: 'shop.list', credential }));
    await invoker.invoke(testCall({ type: 'shop.bulk', credential }));
    expect(taken).toEqual([
      `shop:${credential.id} 2/1s`,
      `shop:${credential.id} 2/1s`,
      `shop.bulk:${credential.id} 1/60s`,
      `shop.bulk:${credential.id} 1/60s`,
    ]);
  });
});
