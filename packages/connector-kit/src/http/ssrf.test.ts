import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../errors.js';
import { fromResponse } from './fake-transport.js';
import { createHttpClient, createUndiciTransport } from './http-client.js';

/**
 * Every test here runs in-process: DNS is a stub and the transport is a fake that records what it
 * was asked to send, so no traffic ever goes to a private address.
 */

const dns: Record<string, string[]> = {
  'api.example.com': ['93.184.216.34'],
  'redirector.example.com': ['93.184.216.35'],
  'intranet.example.com': ['10.0.0.1'],
  'split.example.com': ['93.184.216.36', '192.168.1.20'],
  'v6-local.example.com': ['2606:4700::1111', 'fd12:3456::1'],
  'sim.local': ['127.0.0.1'],
};

function harness(routes: Record<string, () => Response> = {}) {
  const sent: string[] = [];
  const resolved: string[] = [];
  const client = createHttpClient({
    resolve: async (host) => {
      resolved.push(host);
      const addresses = dns[host];
      if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return addresses;
    },
    transport: async (hop) => {
      const url = hop.url.href;
      sent.push(url);
      const route = routes[url];
      return fromResponse(route ? route() : new Response('{"ok":true}', { status: 200 }));
    },
  });
  return { client, sent, resolved };
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toErrorInfo(error);
  }
  throw new Error('expected the request to fail');
}

describe('outbound address checks', () => {
  it.each([
    ['http://127.0.0.1/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://[::1]/', '::1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://0.0.0.0:8080/', '0.0.0.0'],
    ['http://10.1.2.3/', '10.1.2.3'],
    ['http://172.16.0.9/', '172.16.0.9'],
    ['http://192.168.0.1/', '192.168.0.1'],
    ['http://100.64.0.1/', '100.64.0.1'],
    ['http://169.254.10.10/', '169.254.10.10'],
    ['http://[fe80::1]/', 'fe80::1'],
    ['http://[fc00::1]/', 'fc00::1'],
    ['http://224.0.0.1/', '224.0.0.1'],
    ['http://255.255.255.255/', '255.255.255.255'],
    ['http://[64:ff9b::a00:1]/', '64:ff9b::a00:1'],
    ['http://[2002:7f00:1::]/', '2002:7f00:1::'],
  ])('refuses %s without sending anything', async (url, address) => {
    const { client, sent } = harness();
    const error = await failure(client.request({ url }));
    expect(error).toMatchObject({ kind: 'user', code: 'BLOCKED_ADDRESS', retryable: false });
    expect((error.details as { address: string }).address).toBe(address);
    expect(sent).toEqual([]);
  });

  it('names the host and tells how to allow it', async () => {
    const { client } = harness();
    const error = await failure(client.request({ url: 'http://127.0.0.1:8069/jsonrpc' }));
    expect(error.message).toBe(
      'Refused to call 127.0.0.1: it is a loopback address, which flows may not reach. If this host is meant to be reachable (a simulator or an on-premises system), add "127.0.0.1" (or "127.0.0.1:8069" for this port only) to the allowed hosts of the credential the node uses.',
    );
  });

  it('refuses the cloud metadata endpoint even when its address is allowed', async () => {
    const { client, sent } = harness();
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/']) {
      const error = await failure(
        client.request({ url, allowedHosts: ['169.254.169.254', '[fd00:ec2::254]'] }),
      );
      expect(error).toMatchObject({ code: 'BLOCKED_ADDRESS', details: { range: 'metadata' } });
      expect(error.message).toContain('may never reach');
    }
    expect(sent).toEqual([]);
  });

  it('refuses metadata.google.internal by name, before asking DNS', async () => {
    const { client, sent, resolved } = harness();
    const error = await failure(
      client.request({ url: 'http://metadata.google.internal/computeMetadata/v1/' }),
    );
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(resolved).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('refuses a name that resolves to a private address', async () => {
    const { client, sent } = harness();
    const error = await failure(client.request({ url: 'https://intranet.example.com/orders' }));
    expect(error).toMatchObject({
      code: 'BLOCKED_ADDRESS',
      details: { host: 'intranet.example.com', address: '10.0.0.1' },
    });
    expect(error.message).toContain('intranet.example.com (10.0.0.1)');
    expect(sent).toEqual([]);
  });

  it('refuses a name when any one of its addresses is private', async () => {
    const { client, sent } = harness();
    expect(await failure(client.request({ url: 'https://split.example.com/' }))).toMatchObject({
      code: 'BLOCKED_ADDRESS',
      details: { address: '192.168.1.20' },
    });
    expect(await failure(client.request({ url: 'https://v6-local.example.com/' }))).toMatchObject({
      code: 'BLOCKED_ADDRESS',
      details: { address: 'fd12:3456::1' },
    });
    expect(sent).toEqual([]);
  });

  it('refuses a redirect from a public host to loopback and never follows it', async () => {
    const { client, sent } = harness({
      'https://redirector.example.com/go': () =>
        new Response(null, { status: 302, headers: { location: 'http://127.0.0.1:6379/' } }),
    });
    const error = await failure(client.request({ url: 'https://redirector.example.com/go' }));
    expect(error).toMatchObject({ code: 'BLOCKED_ADDRESS', details: { address: '127.0.0.1' } });
    expect(sent).toEqual(['https://redirector.example.com/go']);
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    const { client, sent } = harness({
      'https://redirector.example.com/go': () =>
        new Response(null, { status: 307, headers: { location: 'https://intranet.example.com/admin' } }),
    });
    expect(await failure(client.request({ url: 'https://redirector.example.com/go' }))).toMatchObject({
      code: 'BLOCKED_ADDRESS',
    });
    expect(sent).toEqual(['https://redirector.example.com/go']);
  });

  it('lets an exact allowed host through, and only that host', async () => {
    const { client, sent } = harness();
    const response = await client.request({
      url: 'http://sim.local:8069/health',
      allowedHosts: ['sim.local'],
    });
    expect(response.status).toBe(200);
    expect(sent).toEqual(['http://sim.local:8069/health']);
    expect(
      await failure(client.request({ url: 'http://127.0.0.1:8069/health', allowedHosts: ['sim.local'] })),
    ).toMatchObject({ code: 'BLOCKED_ADDRESS' });
    expect(sent).toHaveLength(1);
  });

  it('honours the port in a host:port allowance', async () => {
    const { client, sent } = harness();
    await client.request({ url: 'http://127.0.0.1:8069/', allowedHosts: ['127.0.0.1:8069'] });
    expect(
      await failure(client.request({ url: 'http://127.0.0.1:6379/', allowedHosts: ['127.0.0.1:8069'] })),
    ).toMatchObject({ code: 'BLOCKED_ADDRESS' });
    expect(sent).toEqual(['http://127.0.0.1:8069/']);
  });

  it('reaches public hosts without any allowance', async () => {
    const { client, sent } = harness();
    const response = await client.request({ url: 'https://api.example.com/orders' });
    expect(response.json()).toEqual({ ok: true });
    expect(sent).toEqual(['https://api.example.com/orders']);
  });

  it('refuses non-http schemes and URLs carrying a password', async () => {
    const { client, sent } = harness();
    expect(await failure(client.request({ url: 'file:///etc/passwd' }))).toMatchObject({
      code: 'INVALID_URL',
    });
    expect(await failure(client.request({ url: 'gopher://api.example.com/' }))).toMatchObject({
      code: 'INVALID_URL',
    });
    expect(await failure(client.request({ url: 'https://u:p@api.example.com/' }))).toMatchObject({
      code: 'INVALID_URL',
    });
    expect(sent).toEqual([]);
  });

  it('reports a name that does not resolve as a retryable network error', async () => {
    const { client } = harness();
    expect(await failure(client.request({ url: 'https://nowhere.example.com/' }))).toMatchObject({
      kind: 'system',
      code: 'NETWORK',
      retryable: true,
      upstream: { code: 'ENOTFOUND' },
    });
  });
});

describe('DNS rebinding through the default transport', () => {
  /**
   * The real undici transport with a stub resolver and a socket-opening step that records the
   * address it is given and then fails like a refused connection, so nothing is ever dialled.
   */
  function rebinding(answers: string[][]) {
    let calls = 0;
    const resolve = async () => answers[Math.min(calls++, answers.length - 1)] ?? [];
    const dialled: string[] = [];
    const transport = createUndiciTransport({
      resolve,
      connector: (target, callback) => {
        dialled.push(target.hostname);
        callback(
          Object.assign(new Error(`connect ECONNREFUSED ${target.hostname}:443`), { code: 'ECONNREFUSED' }),
          null,
        );
      },
    });
    const client = createHttpClient({ resolve, transport });
    return { client, transport, dialled, resolutions: () => calls };
  }

  it('refuses a host that answers the check with a public address and the connection with a private one', async () => {
    const { client, transport, dialled, resolutions } = rebinding([['93.184.216.34'], ['127.0.0.1']]);
    try {
      const error = await failure(client.request({ url: 'https://rebind.example.com/admin' }));
      expect(error).toMatchObject({
        kind: 'user',
        code: 'BLOCKED_ADDRESS',
        details: { host: 'rebind.example.com', address: '127.0.0.1' },
      });
      expect(resolutions()).toBe(2);
      expect(dialled).toEqual([]);
    } finally {
      await transport.close();
    }
  });

  it('dials the address that passed the connection-time check', async () => {
    const { client, transport, dialled } = rebinding([['93.184.216.34'], ['93.184.216.77']]);
    try {
      expect(await failure(client.request({ url: 'https://rebind.example.com/' }))).toMatchObject({
        code: 'NETWORK',
        message: 'Could not reach rebind.example.com: the connection was refused (ECONNREFUSED).',
      });
      expect(dialled).toEqual(['93.184.216.77']);
    } finally {
      await transport.close();
    }
  });
});
