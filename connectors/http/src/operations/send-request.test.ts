import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConnectorInvoker, type ResolvedCredential, toErrorInfo } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpConnector } from '../connector.js';

/**
 * Against a real HTTP server on 127.0.0.1 (port 0), reached the way a simulator is: through a
 * credential whose allowed hosts name it.
 */

interface Hit {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
const hits: Hit[] = [];

function route(request: IncomingMessage, body: string, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://test');
  const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', 'x-Served-By': 'test', ...headers });
    response.end(JSON.stringify(value));
  };
  switch (url.pathname) {
    case '/echo':
      return json(200, {
        method: request.method,
        query: Object.fromEntries(url.searchParams),
        received: body,
      });
    case '/text':
      response.writeHead(200, { 'content-type': 'text/plain' });
      return response.end('plain words');
    case '/empty':
      response.writeHead(204);
      return response.end();
    case '/rate-limited':
      return json(429, { error: 'slow down' }, { 'retry-after': '30' });
    case '/flaky':
      // Fails the first request of each test, then answers.
      return hits.filter((hit) => hit.url.startsWith('/flaky')).length === 1
        ? json(503, { error: 'warming up' })
        : json(200, { ok: true });
    case '/broken':
      return json(500, { error: 'database unavailable' });
    case '/missing':
      return json(404, { error: 'no such order', detail: 'x'.repeat(5000) });
    case '/slow':
      return; // never answers; the server closes the socket at the end
    case '/big':
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      for (let i = 0; i < 64; i++) response.write('x'.repeat(1024));
      return response.end();
    case '/redirect':
      response.writeHead(302, { location: url.searchParams.get('to') ?? '/echo' });
      return response.end();
    default:
      return json(404, { error: 'unknown route' });
  }
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      hits.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      route(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  hits.length = 0;
});

const invoker = createConnectorInvoker([httpConnector]);
const allowLoopback = { allowedHosts: ['127.0.0.1'] };
const none: ResolvedCredential = { id: 'sim', type: 'http-none', values: {}, ...allowLoopback };

function call(config: Record<string, unknown>, extra: Partial<Parameters<typeof testCall>[0]> = {}) {
  return testCall({
    type: 'http.request',
    credential: none,
    ...extra,
    config: { url: `${base}/echo`, ...config },
  });
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toErrorInfo(error);
  }
  throw new Error('expected the call to fail');
}

describe('http.request against a loopback server', () => {
  it('sends the input as JSON and outputs status, lower-case headers and the parsed body', async () => {
    const input = { order: 'SO1', lines: [{ sku: 'A-1', qty: 2 }] };
    const { output } = await invoker.invoke(call({ query: { page: '2' } }, { input }));
    expect(output).toMatchObject({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-served-by': 'test' },
      body: { method: 'POST', query: { page: '2' }, received: JSON.stringify(input) },
    });
    expect(hits[0]?.headers['content-type']).toBe('application/json');
  });

  it("sends the call's idempotency key as Idempotency-Key, unless the config turns it off", async () => {
    await invoker.invoke(call({}, { input: { a: 1 }, idempotencyKey: 'ex-42/notify' }));
    expect(hits[0]?.headers['idempotency-key']).toBe('ex-42/notify');

    await invoker.invoke(call({ idempotencyHeader: 'X-Request-Key' }, { idempotencyKey: 'ex-42/notify' }));
    expect(hits[1]?.headers['x-request-key']).toBe('ex-42/notify');

    await invoker.invoke(call({ idempotencyHeader: null }));
    expect(hits[2]?.headers['idempotency-key']).toBeUndefined();
  });

  it.each([
    ['http-bearer', { token: 't0k' }, 'authorization', 'Bearer t0k'],
    ['http-basic', { username: 'svc', password: 'pa:ss' }, 'authorization', `Basic ${btoa('svc:pa:ss')}`],
    ['http-header', { name: 'X-Api-Key', value: 'k3y' }, 'x-api-key', 'k3y'],
  ])('applies a %s credential', async (type, values, header, expected) => {
    const credential = { id: 'c', type, values, ...allowLoopback };
    await invoker.invoke(call({ headers: { Authorization: 'from config' } }, { credential }));
    expect(hits[0]?.headers[header]).toBe(expected);
  });

  it('sends no body for GET or when sendInput is false, and reads text and empty bodies', async () => {
    const get = await invoker.invoke(call({ method: 'GET', url: `${base}/text` }, { input: { a: 1 } }));
    expect(get.output).toMatchObject({ status: 200, body: 'plain words' });
    await invoker.invoke(call({ sendInput: false }, { input: { a: 1 } }));
    const empty = await invoker.invoke(call({ method: 'DELETE', url: `${base}/empty` }));
    expect(empty.output).toMatchObject({ status: 204, body: null });
    expect(hits.map((hit) => [hit.method, hit.body])).toEqual([
      ['GET', ''],
      ['POST', ''],
      ['DELETE', ''],
    ]);
  });

  it('turns 429 with Retry-After into a retryable connector error with the delay', async () => {
    expect(await failure(invoker.invoke(call({ url: `${base}/rate-limited` })))).toMatchObject({
      kind: 'connector',
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfterMs: 30_000,
      upstream: { status: 429, body: '{"error":"slow down"}' },
    });
  });

  it('repeats a request that met a 503 in place when it carries an idempotency key, and not when the key is off', async () => {
    const output = (await invoker.invoke(call({ url: `${base}/flaky` }))).output;
    expect(output).toMatchObject({ status: 200, body: { ok: true } });
    expect(hits.filter((hit) => hit.url === '/flaky')).toHaveLength(2);
    hits.length = 0;
    const error = await failure(invoker.invoke(call({ url: `${base}/flaky`, idempotencyHeader: null })));
    expect(error).toMatchObject({ code: 'HTTP_503', retryable: true });
    expect(hits.filter((hit) => hit.url === '/flaky')).toHaveLength(1);
  });

  it('turns 500 into a retryable connector error', async () => {
    expect(await failure(invoker.invoke(call({ url: `${base}/broken` })))).toMatchObject({
      kind: 'connector',
      code: 'HTTP_500',
      retryable: true,
      upstream: { status: 500 },
    });
  });

  it('turns 404 into a connector error that is not retried, keeping a 2 KB excerpt of the body', async () => {
    const error = await failure(invoker.invoke(call({ url: `${base}/missing` })));
    expect(error).toMatchObject({
      kind: 'connector',
      code: 'NOT_FOUND',
      retryable: false,
      upstream: { status: 404 },
    });
    expect(error.upstream?.body).toMatch(/^\{"error":"no such order","detail":"xxx/);
    expect(error.upstream?.body).toHaveLength(2048);
  });

  it('outputs a status listed in successStatuses instead of failing', async () => {
    const { output } = await invoker.invoke(call({ url: `${base}/missing`, successStatuses: [200, 404] }));
    expect(output).toMatchObject({ status: 404, body: { error: 'no such order' } });
  });

  it('gives up after its time limit with a retryable system TIMEOUT', async () => {
    const started = Date.now();
    expect(await failure(invoker.invoke(call({ url: `${base}/slow`, timeoutMs: 150 })))).toMatchObject({
      kind: 'system',
      code: 'TIMEOUT',
      retryable: true,
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a response over the size limit', async () => {
    expect(
      await failure(invoker.invoke(call({ url: `${base}/big`, maxResponseBytes: 8 * 1024 }))),
    ).toMatchObject({
      kind: 'connector',
      code: 'RESPONSE_TOO_LARGE',
      retryable: false,
    });
  });

  it('follows a redirect to a loopback address the credential allows', async () => {
    const target = encodeURIComponent(`${base}/echo?hop=2`);
    const { output } = await invoker.invoke(
      call({ url: `${base}/redirect?to=${target}` }, { input: { a: 1 } }),
    );
    expect(output).toMatchObject({ status: 200, body: { method: 'GET', query: { hop: '2' } } });
    expect(hits.map((hit) => hit.url)).toEqual([`/redirect?to=${target}`, '/echo?hop=2']);
  });

  it('refuses a redirect to a loopback address the credential does not allow', async () => {
    const port = (server.address() as AddressInfo).port;
    for (const to of [`http://127.0.0.2:${port}/echo`, `http://[::1]:${port}/echo`]) {
      const error = await failure(
        invoker.invoke(call({ url: `${base}/redirect?to=${encodeURIComponent(to)}` })),
      );
      expect(error).toMatchObject({ kind: 'user', code: 'BLOCKED_ADDRESS' });
    }
    expect(hits.every((hit) => hit.url.startsWith('/redirect'))).toBe(true);
  });

  it('refuses a loopback target when the node has no credential to allow it', async () => {
    const error = await failure(
      invoker.invoke(testCall({ type: 'http.request', config: { url: `${base}/echo` } })),
    );
    expect(error).toMatchObject({ kind: 'user', code: 'BLOCKED_ADDRESS' });
    expect(error.message).toContain('add "127.0.0.1"');
    expect(hits).toEqual([]);
  });

  it('refuses an invalid config with a sentence naming the field', async () => {
    expect(await failure(invoker.invoke(call({ method: 'TRACE' })))).toMatchObject({
      kind: 'user',
      code: 'INVALID_CONFIG',
      message: 'The config field "method" must be one of "GET", "POST", "PUT", "PATCH", "DELETE".',
    });
    expect(await failure(invoker.invoke(call({ url: 'ftp://example.com/file' })))).toMatchObject({
      code: 'INVALID_CONFIG',
    });
  });

  it('refuses a header credential whose header name is not valid', async () => {
    const credential = {
      id: 'bad',
      type: 'http-header',
      values: { name: 'X Api Key', value: 'k' },
      ...allowLoopback,
    };
    expect(await failure(invoker.invoke(call({}, { credential })))).toMatchObject({
      kind: 'user',
      code: 'CREDENTIAL_INVALID',
    });
    expect(hits).toEqual([]);
  });
});
