import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../errors.js';
import { type Connector, createPinnedConnector } from './pinned-connect.js';
import { checkTarget, type HostResolver } from './target-check.js';

/**
 * In-process: DNS is a stub and the socket-opening step is a recorder that never dials, so these
 * tests see which address a connection would go to without sending anything anywhere.
 */

interface Dialled {
  hostname: string;
  host: string | undefined;
  port: string;
  servername: string | undefined;
}

function recorder(outcome: (dialled: Dialled) => Error | undefined = () => undefined) {
  const dialled: Dialled[] = [];
  const fakeSocket = {} as Socket;
  const connector: Connector = (target, callback) => {
    const entry = {
      hostname: target.hostname,
      host: target.host,
      port: target.port,
      servername: target.servername,
    };
    dialled.push(entry);
    const error = outcome(entry);
    if (error) callback(error, null);
    else callback(null, fakeSocket);
  };
  return { connector, dialled, fakeSocket };
}

/** A resolver that gives each answer in turn, then keeps giving the last. */
function answering(...answers: string[][]): HostResolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (host: string) => {
    calls.push(host);
    return answers[Math.min(calls.length - 1, answers.length - 1)] ?? [];
  };
  return Object.assign(resolve, { calls });
}

function connect(
  connector: Connector,
  target: { hostname: string; port?: string; protocol?: string; host?: string },
): Promise<{ error: Error | null; socket: unknown }> {
  const protocol = target.protocol ?? 'https:';
  const port = target.port ?? '';
  return new Promise((resolve) => {
    connector(
      {
        hostname: target.hostname,
        host: target.host ?? (port ? `${target.hostname}:${port}` : target.hostname),
        protocol,
        port,
      },
      (error, socket) => resolve({ error, socket }),
    );
  });
}

describe('pinned connections', () => {
  it('refuses a host whose connect-time answer is private although the early check saw a public one', async () => {
    const resolve = answering(['93.184.216.34'], ['127.0.0.1']);
    const url = new URL('https://rebind.example.com/orders');
    const signal = new AbortController().signal;
    await checkTarget(url, { allowedHosts: [], resolve, signal });

    const { connector, dialled } = recorder();
    const pinned = createPinnedConnector({ allowedHosts: [], resolve, connector });
    const { error, socket } = await connect(pinned, { hostname: 'rebind.example.com' });

    expect(toErrorInfo(error)).toMatchObject({
      kind: 'user',
      code: 'BLOCKED_ADDRESS',
      details: { host: 'rebind.example.com', address: '127.0.0.1', range: 'loopback' },
    });
    expect(socket).toBeNull();
    expect(resolve.calls).toEqual(['rebind.example.com', 'rebind.example.com']);
    expect(dialled).toEqual([]);
  });

  it('dials the address it checked and keeps the host name for TLS', async () => {
    const { connector, dialled, fakeSocket } = recorder();
    const pinned = createPinnedConnector({
      allowedHosts: [],
      resolve: answering(['93.184.216.34']),
      connector,
    });
    const { error, socket } = await connect(pinned, { hostname: 'api.example.com', port: '8443' });
    expect(error).toBeNull();
    expect(socket).toBe(fakeSocket);
    expect(dialled).toEqual([
      {
        hostname: '93.184.216.34',
        host: 'api.example.com:8443',
        port: '8443',
        servername: 'api.example.com',
      },
    ]);
  });

  it('refuses the whole name when any of its connect-time addresses is private', async () => {
    const { connector, dialled } = recorder();
    const pinned = createPinnedConnector({
      allowedHosts: [],
      resolve: answering(['93.184.216.34', '10.0.0.1']),
      connector,
    });
    const { error } = await connect(pinned, { hostname: 'split.example.com' });
    expect(toErrorInfo(error)).toMatchObject({ code: 'BLOCKED_ADDRESS', details: { address: '10.0.0.1' } });
    expect(dialled).toEqual([]);
  });

  it("applies the credential's allowed hosts, port included", async () => {
    const { connector, dialled } = recorder();
    const pinned = createPinnedConnector({
      allowedHosts: ['sim.local:8069'],
      resolve: answering(['127.0.0.1']),
      connector,
    });
    expect(
      (await connect(pinned, { hostname: 'sim.local', port: '8069', protocol: 'http:' })).error,
    ).toBeNull();
    const refused = await connect(pinned, { hostname: 'sim.local', port: '6379', protocol: 'http:' });
    expect(toErrorInfo(refused.error)).toMatchObject({ code: 'BLOCKED_ADDRESS' });
    expect(dialled.map((entry) => `${entry.hostname}:${entry.port}`)).toEqual(['127.0.0.1:8069']);
  });

  it('checks an address in the URL without asking DNS, IPv6 included', async () => {
    const resolve = answering(['93.184.216.34']);
    const { connector, dialled } = recorder();
    const pinned = createPinnedConnector({ allowedHosts: ['[::1]:3000'], resolve, connector });
    expect((await connect(pinned, { hostname: '::1', port: '3000', host: '[::1]:3000' })).error).toBeNull();
    const refused = await connect(pinned, { hostname: '::1', port: '3001', host: '[::1]:3001' });
    expect(toErrorInfo(refused.error)).toMatchObject({
      code: 'BLOCKED_ADDRESS',
      details: { address: '::1' },
    });
    expect(resolve.calls).toEqual([]);
    expect(dialled).toEqual([{ hostname: '::1', host: '[::1]:3000', port: '3000', servername: undefined }]);
  });

  it('refuses a cloud metadata endpoint even when the credential allows it', async () => {
    const { connector, dialled } = recorder();
    const pinned = createPinnedConnector({
      allowedHosts: ['sneaky.example.com'],
      resolve: answering(['169.254.169.254']),
      connector,
    });
    const { error } = await connect(pinned, { hostname: 'sneaky.example.com', protocol: 'http:' });
    expect(toErrorInfo(error)).toMatchObject({ code: 'BLOCKED_ADDRESS', details: { range: 'metadata' } });
    expect(dialled).toEqual([]);
  });

  it('tries the next checked address when one refuses the connection, and reports the last failure', async () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}:443`), { code: 'ECONNREFUSED' });
    const firstFails = recorder((entry) =>
      entry.hostname === '2606:4700::1111' ? refused(entry.hostname) : undefined,
    );
    const pinned = createPinnedConnector({
      allowedHosts: [],
      resolve: answering(['2606:4700::1111', '93.184.216.34']),
      connector: firstFails.connector,
    });
    expect((await connect(pinned, { hostname: 'dual.example.com' })).error).toBeNull();
    expect(firstFails.dialled.map((entry) => entry.hostname)).toEqual(['2606:4700::1111', '93.184.216.34']);

    const allFail = recorder((entry) => refused(entry.hostname));
    const failing = createPinnedConnector({
      allowedHosts: [],
      resolve: answering(['2606:4700::1111', '93.184.216.34']),
      connector: allFail.connector,
    });
    const { error } = await connect(failing, { hostname: 'dual.example.com' });
    expect(error?.message).toBe('connect ECONNREFUSED 93.184.216.34:443');
    expect(allFail.dialled).toHaveLength(2);
  });

  it('reports a name that does not resolve at connect time as a network error', async () => {
    const { connector } = recorder();
    const pinned = createPinnedConnector({
      allowedHosts: [],
      resolve: async (host) => {
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      },
      connector,
    });
    const { error } = await connect(pinned, { hostname: 'gone.example.com' });
    expect(toErrorInfo(error)).toMatchObject({
      kind: 'system',
      code: 'NETWORK',
      upstream: { code: 'ENOTFOUND' },
    });
  });
});
