import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../errors.js';
import { fromResponse } from './fake-transport.js';
import { createHttpClient, type HttpClientOptions } from './http-client.js';

/** In-process: public-looking hosts from a stub resolver, answers from a fake transport. */

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function harness(
  answer: (request: Sent, signal: AbortSignal) => Response | Promise<Response>,
  extra: HttpClientOptions = {},
) {
  const sent: Sent[] = [];
  const client = createHttpClient({
    resolve: async () => ['93.184.216.34'],
    transport: async (hop) => {
      const request: Sent = {
        url: hop.url.href,
        method: hop.method,
        headers: { ...hop.headers },
        body: hop.body === undefined ? undefined : String(hop.body),
      };
      sent.push(request);
      return fromResponse(await answer(request, hop.signal));
    },
    ...extra,
  });
  return { client, sent };
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toErrorInfo(error);
  }
  throw new Error('expected the request to fail');
}

describe('HTTP client outcomes', () => {
  it('returns status, lower-case headers and the body, sending JSON with its content type', async () => {
    const { client, sent } = harness(() =>
      Response.json({ id: 7 }, { status: 201, headers: { 'X-Request-Id': 'abc' } }),
    );
    const response = await client.request({
      method: 'post',
      url: 'https://api.example.com/orders',
      json: { n: 1 },
    });
    expect(response.status).toBe(201);
    expect(response.headers['x-request-id']).toBe('abc');
    expect(response.json()).toEqual({ id: 7 });
    expect(sent[0]).toMatchObject({
      method: 'POST',
      body: '{"n":1}',
      headers: { 'content-type': 'application/json' },
    });
  });

  it('turns 429 into a retryable connector error with the Retry-After delay in seconds', async () => {
    const { client } = harness(
      () => new Response('slow down', { status: 429, headers: { 'retry-after': '7' } }),
    );
    expect(await failure(client.request({ url: 'https://api.example.com/' }))).toEqual({
      kind: 'connector',
      code: 'RATE_LIMITED',
      message:
        'api.example.com is rate limiting our calls (HTTP 429); the call can be retried after 7 seconds.',
      retryable: true,
      retryAfterMs: 7000,
      upstream: { status: 429, body: 'slow down' },
    });
  });

  it('reads a Retry-After HTTP date against the clock', async () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    const { client } = harness(
      () => new Response('', { status: 503, headers: { 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' } }),
      { now: () => now },
    );
    expect(await failure(client.request({ url: 'https://api.example.com/' }))).toMatchObject({
      kind: 'connector',
      code: 'HTTP_503',
      retryable: true,
      retryAfterMs: 30_000,
    });
  });

  it('turns 5xx into a retryable connector error', async () => {
    const { client } = harness(() => new Response('boom', { status: 500 }));
    expect(await failure(client.request({ url: 'https://api.example.com/' }))).toMatchObject({
      kind: 'connector',
      code: 'HTTP_500',
      retryable: true,
      upstream: { status: 500, body: 'boom' },
    });
  });

  it.each([
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [422, 'HTTP_422'],
  ])('turns %i into a connector error that is not retried (%s)', async (status, code) => {
    const { client } = harness(() => new Response('{"error":"no"}', { status }));
    expect(await failure(client.request({ url: 'https://api.example.com/orders/9?token=x' }))).toMatchObject({
      kind: 'connector',
      code,
      retryable: false,
      upstream: { status, body: '{"error":"no"}' },
    });
  });

  it('keeps only the first 2 KB of an error body', async () => {
    const { client } = harness(() => new Response('x'.repeat(10_000), { status: 400 }));
    const error = await failure(client.request({ url: 'https://api.example.com/' }));
    expect(error.upstream?.body).toHaveLength(2048);
  });

  it('returns statuses the caller accepts instead of failing', async () => {
    const { client } = harness(() => new Response('gone', { status: 404 }));
    const response = await client.request({
      url: 'https://api.example.com/',
      accept: (status) => status === 404,
    });
    expect(response.text()).toBe('gone');
  });

  it('refuses a declared body over the size limit before reading it', async () => {
    const { client } = harness(
      () => new Response('x'.repeat(2000), { headers: { 'content-length': '2000' } }),
    );
    expect(
      await failure(client.request({ url: 'https://api.example.com/', maxResponseBytes: 1000 })),
    ).toMatchObject({
      kind: 'connector',
      code: 'RESPONSE_TOO_LARGE',
      retryable: false,
    });
  });

  it('stops reading a streamed body once it passes the size limit', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { client } = harness(() => new Response(endless));
    const error = await failure(
      client.request({ url: 'https://api.example.com/', maxResponseBytes: 10 * 1024 }),
    );
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
    expect(error.message).toContain('10 KB');
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(20);
  });

  it('gives up after the time limit with a retryable TIMEOUT', async () => {
    const { client } = harness(
      (_request, signal) =>
        new Promise<Response>((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    expect(await failure(client.request({ url: 'https://api.example.com/', timeoutMs: 50 }))).toMatchObject({
      kind: 'system',
      code: 'TIMEOUT',
      retryable: true,
    });
  });

  it('counts a stalled body against the time limit', async () => {
    const { client } = harness(
      (_request, signal) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"partial":'));
              signal.addEventListener('abort', () => controller.error(signal.reason));
            },
          }),
        ),
    );
    expect(await failure(client.request({ url: 'https://api.example.com/', timeoutMs: 50 }))).toMatchObject({
      code: 'TIMEOUT',
    });
  });

  it("passes the caller's cancellation through as an AbortError", async () => {
    const controller = new AbortController();
    const { client } = harness(
      (_request, signal) =>
        new Promise<Response>((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason));
          controller.abort();
        }),
    );
    expect(
      await failure(client.request({ url: 'https://api.example.com/', signal: controller.signal })),
    ).toMatchObject({
      code: 'CANCELLED',
    });
  });

  it("cancels every request sharing the caller's signal", async () => {
    const controller = new AbortController();
    let waiting = 0;
    const { client } = harness(
      (_request, signal) =>
        new Promise<Response>((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason));
          if (++waiting === 12) controller.abort();
        }),
    );
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () =>
        failure(client.request({ url: 'https://api.example.com/', signal: controller.signal })),
      ),
    );
    expect(outcomes.map((outcome) => outcome.code)).toEqual(Array(12).fill('CANCELLED'));
  });

  it('reports a refused connection as a retryable network error', async () => {
    const { client } = harness(() => {
      // What undici's request API rejects with: the socket error itself.
      throw Object.assign(new Error('connect ECONNREFUSED 93.184.216.34:443'), { code: 'ECONNREFUSED' });
    });
    expect(await failure(client.request({ url: 'https://api.example.com/' }))).toEqual({
      kind: 'system',
      code: 'NETWORK',
      message: 'Could not reach api.example.com: the connection was refused (ECONNREFUSED).',
      retryable: true,
      upstream: { code: 'ECONNREFUSED' },
    });
  });

  it('refuses a header value that cannot be sent as a user error', async () => {
    const { client, sent } = harness(() => new Response('ok'));
    expect(
      await failure(client.request({ url: 'https://api.example.com/', headers: { 'x-bad': 'a\nb' } })),
    ).toMatchObject({ kind: 'user', code: 'INVALID_HEADER' });
    expect(sent).toEqual([]);
  });
});

describe('HTTP client redirects', () => {
  it('follows a redirect and reports the final URL', async () => {
    const { client, sent } = harness((request) =>
      request.url.endsWith('/old')
        ? new Response(null, { status: 301, headers: { location: '/new' } })
        : new Response('here'),
    );
    const response = await client.request({ url: 'https://api.example.com/old' });
    expect(response.url).toBe('https://api.example.com/new');
    expect(sent.map((request) => request.url)).toEqual([
      'https://api.example.com/old',
      'https://api.example.com/new',
    ]);
  });

  it('continues a POST as a GET without body after 303, and keeps method and body after 307', async () => {
    const answer = (status: number) => (request: Sent) =>
      request.url.endsWith('/submit')
        ? new Response(null, { status, headers: { location: '/result' } })
        : new Response('done');
    const seeOther = harness(answer(303));
    await seeOther.client.request({ method: 'POST', url: 'https://api.example.com/submit', json: { a: 1 } });
    expect(seeOther.sent[1]).toMatchObject({ method: 'GET', body: undefined });
    expect(seeOther.sent[1]?.headers['content-type']).toBeUndefined();

    const temporary = harness(answer(307));
    await temporary.client.request({ method: 'POST', url: 'https://api.example.com/submit', json: { a: 1 } });
    expect(temporary.sent[1]).toMatchObject({ method: 'POST', body: '{"a":1}' });
  });

  it('drops credentials when a redirect leaves the origin', async () => {
    const { client, sent } = harness((request) =>
      request.url.startsWith('https://api.example.com')
        ? new Response(null, { status: 302, headers: { location: 'https://cdn.example.net/file' } })
        : new Response('file'),
    );
    await client.request({
      url: 'https://api.example.com/file',
      headers: { authorization: 'Bearer t', 'x-api-key': 'k', accept: 'text/plain' },
      sensitiveHeaders: ['X-Api-Key'],
    });
    expect(sent[0]?.headers).toMatchObject({ authorization: 'Bearer t', 'x-api-key': 'k' });
    expect(sent[1]?.headers).toEqual({ accept: 'text/plain' });
  });

  it('stops after five redirects', async () => {
    const { client, sent } = harness(
      (request) => new Response(null, { status: 302, headers: { location: `${request.url}x` } }),
    );
    expect(await failure(client.request({ url: 'https://api.example.com/' }))).toMatchObject({
      kind: 'connector',
      code: 'TOO_MANY_REDIRECTS',
      retryable: false,
    });
    expect(sent).toHaveLength(6);
  });

  it('refuses a redirect to another scheme', async () => {
    const { client } = harness(
      () => new Response(null, { status: 302, headers: { location: 'file:///etc/passwd' } }),
    );
    expect(await failure(client.request({ url: 'https://api.example.com/' }))).toMatchObject({
      code: 'INVALID_REDIRECT',
    });
  });
});
