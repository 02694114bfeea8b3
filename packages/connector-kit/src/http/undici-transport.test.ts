import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toErrorInfo } from '../errors.js';
import { createHttpClient, createUndiciTransport, type TransportResponse } from './http-client.js';

/**
 * The real transport against an in-process node:http server on loopback, which the tests allow
 * explicitly, as a credential for a simulator would.
 */

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let base: string;
let port: string;
let handler: Handler;
let connections = 0;
const transport = createUndiciTransport();
const client = createHttpClient({ transport });

beforeAll(async () => {
  server = createServer((request, response) => handler(request, response));
  server.on('connection', () => {
    connections++;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = String((server.address() as AddressInfo).port);
  base = `http://127.0.0.1:${port}`;
});

afterEach(() => {
  connections = 0;
});

afterAll(async () => {
  await transport.close();
  server.closeAllConnections();
  server.close();
});

const allowed = { allowedHosts: ['127.0.0.1'] };

async function read(response: TransportResponse): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString();
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toErrorInfo(error);
  }
  throw new Error('expected the request to fail');
}

function hop(path: string, extra: Partial<Parameters<typeof transport>[0]> = {}) {
  return {
    url: new URL(path, base),
    method: 'GET',
    headers: {},
    body: undefined,
    signal: new AbortController().signal,
    allowedHosts: ['127.0.0.1'],
    ...extra,
  };
}

describe('undici transport', () => {
  it('sends method, headers and body as given, with the defaults fetch sent, and never a caller Host', async () => {
    handler = (request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () =>
        response.end(JSON.stringify({ method: request.method, headers: request.headers, body })),
      );
    };
    const response = await transport(
      hop('/echo?x=1', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', host: 'evil.example.com', 'x-trace': 't1' },
        body: '{"n":1}',
      }),
    );
    const echoed = JSON.parse(await read(response));
    expect(echoed).toMatchObject({
      method: 'PUT',
      body: '{"n":1}',
      headers: {
        host: `127.0.0.1:${port}`,
        'content-type': 'application/json',
        'content-length': '7',
        'x-trace': 't1',
        accept: '*/*',
        'user-agent': 'node',
        'accept-encoding': 'gzip, deflate',
      },
    });
  });

  it('returns lower-case headers, joins repeated ones, and returns redirects unfollowed', async () => {
    handler = (_request, response) => {
      response.setHeader('X-Dup', ['a', 'b']);
      response.setHeader('Set-Cookie', ['one=1', 'two=2']);
      response.writeHead(302, { Location: '/elsewhere' }).end('moved');
    };
    const response = await transport(hop('/old'));
    expect(response.status).toBe(302);
    expect(response.headers).toMatchObject({
      location: '/elsewhere',
      'x-dup': 'a, b',
      'set-cookie': 'two=2',
    });
    expect(await read(response)).toBe('moved');
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
    ['br', brotliCompressSync],
  ] as const)('decodes a %s body', async (coding, encode) => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-encoding': coding }).end(encode(Buffer.from('{"ok":true}')));
    };
    const response = await client.request({ url: `${base}/packed`, ...allowed });
    expect(response.json()).toEqual({ ok: true });
  });

  it('passes a body in an unknown coding through as sent', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-encoding': 'snappy' }).end('raw bytes');
    };
    const response = await client.request({ url: `${base}/snappy`, ...allowed });
    expect(response.text()).toBe('raw bytes');
    expect(response.headers['content-encoding']).toBe('snappy');
  });

  it('counts decoded bytes against the size limit, so a small compressed body cannot blow up', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    handler = (_request, response) => {
      response
        .writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) })
        .end(bomb);
    };
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await failure(
      client.request({ url: `${base}/bomb`, maxResponseBytes: 1024 * 1024, ...allowed }),
    );
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', message: expect.stringContaining('1 MB') });
  });

  it('reuses its connections for requests in turn', async () => {
    handler = (_request, response) => response.end('ok');
    const own = createUndiciTransport();
    const ownClient = createHttpClient({ transport: own });
    try {
      for (let i = 0; i < 10; i++) {
        expect((await ownClient.request({ url: `${base}/again`, ...allowed })).text()).toBe('ok');
      }
      // undici may open a second connection while the first is being handed back, never more.
      expect(connections).toBeLessThanOrEqual(2);
    } finally {
      await own.close();
    }
  });

  it('dials loopback only for a credential that allows it, and never lends its connections to another', async () => {
    handler = (_request, response) => response.end('ok');
    const own = createUndiciTransport();
    try {
      expect(await read(await own(hop('/')))).toBe('ok');
      expect(connections).toBe(1);
      // The same origin with an idle connection in the pool: a request whose credential does not
      // allow loopback must not ride on it, whatever an early check let through.
      const error = await failure(own(hop('/', { allowedHosts: [] })));
      expect(error).toMatchObject({ code: 'BLOCKED_ADDRESS', details: { address: '127.0.0.1' } });
      const otherPort = await failure(own(hop('/', { allowedHosts: ['127.0.0.1:1'] })));
      expect(otherPort).toMatchObject({ code: 'BLOCKED_ADDRESS' });
      expect(connections).toBe(1);
    } finally {
      await own.close();
    }
  });
});

describe('HTTP client over the undici transport', () => {
  it('stops reading a streamed body past the size limit and drops the connection', async () => {
    let written = 0;
    let closed = false;
    handler = (_request, response) => {
      response.on('close', () => {
        closed = true;
      });
      const pump = () => {
        while (!closed && response.write(Buffer.alloc(16 * 1024))) written += 16 * 1024;
        if (!closed && written < 64 * 1024 * 1024) response.once('drain', pump);
      };
      pump();
    };
    const error = await failure(
      client.request({ url: `${base}/endless`, maxResponseBytes: 64 * 1024, ...allowed }),
    );
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', message: expect.stringContaining('64 KB') });
    await expect.poll(() => closed).toBe(true);
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
    };
    expect(
      await failure(client.request({ url: `${base}/big`, maxResponseBytes: 1000, ...allowed })),
    ).toMatchObject({ code: 'RESPONSE_TOO_LARGE', upstream: { status: 200 } });
  });

  it('keeps the first 2 KB of an error body', async () => {
    handler = (_request, response) => {
      response.writeHead(422).end('e'.repeat(100_000));
    };
    const error = await failure(client.request({ url: `${base}/invalid`, ...allowed }));
    expect(error).toMatchObject({ code: 'HTTP_422', retryable: false });
    expect(error.upstream?.body).toBe('e'.repeat(2048));
  });

  it('counts a stalled body against the time limit', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"partial":');
    };
    expect(await failure(client.request({ url: `${base}/stall`, timeoutMs: 100, ...allowed }))).toMatchObject(
      { code: 'TIMEOUT', retryable: true },
    );
  });

  it('follows a redirect and refuses a hop the credential does not allow, without connecting', async () => {
    handler = (request, response) => {
      if (request.url === '/start') response.writeHead(302, { location: '/end' }).end();
      else if (request.url === '/end')
        response.writeHead(307, { location: `http://127.0.0.2:${port}/` }).end();
    };
    const error = await failure(client.request({ url: `${base}/start`, ...allowed }));
    expect(error).toMatchObject({ code: 'BLOCKED_ADDRESS', details: { address: '127.0.0.2' } });
  });

  it('reports a refused connection as a retryable network error', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const freePort = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    expect(await failure(client.request({ url: `http://127.0.0.1:${freePort}/`, ...allowed }))).toEqual({
      kind: 'system',
      code: 'NETWORK',
      message: `Could not reach 127.0.0.1:${freePort}: the connection was refused (ECONNREFUSED).`,
      retryable: true,
      upstream: { code: 'ECONNREFUSED' },
    });
  });
});
