import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { buildConnector } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toErrorInfo } from '../errors.js';
import { createHttpClient, createUndiciTransport } from './http-client.js';

/**
 * Dialling the checked address instead of the name must not weaken TLS: the name is still sent
 * as SNI and the certificate is still checked against it. An in-process HTTPS server on loopback
 * with a self-signed certificate for api.test (fixtures/, valid for a century), a stub resolver,
 * and a credential that allows the name.
 */

const cert = readFileSync(new URL('./fixtures/api-test-cert.pem', import.meta.url));
const key = readFileSync(new URL('./fixtures/api-test-key.pem', import.meta.url));
const server = createServer({ key, cert }, (request, response) =>
  response.end(`hello ${request.headers.host}`),
);
const serverNames: (string | false | null)[] = [];
server.on('secureConnection', (socket) => serverNames.push(socket.servername));
const resolve = async (host: string) => (host.endsWith('.test') ? ['127.0.0.1'] : []);
const transport = createUndiciTransport({ resolve, connector: buildConnector({ ca: cert }) });
const client = createHttpClient({ resolve, transport });
let port: number;

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await transport.close();
  server.close();
});

describe('TLS through pinned connections', () => {
  it('sends the host name as SNI and accepts a certificate for it', async () => {
    const response = await client.request({ url: `https://api.test:${port}/`, allowedHosts: ['api.test'] });
    expect(response.text()).toBe(`hello api.test:${port}`);
    expect(serverNames).toEqual(['api.test']);
  });

  it('refuses a certificate issued for another name', async () => {
    const error = await client
      .request({ url: `https://other.test:${port}/`, allowedHosts: ['other.test'] })
      .then(() => undefined, toErrorInfo);
    expect(error).toMatchObject({
      kind: 'system',
      code: 'NETWORK',
      upstream: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
      message: expect.stringContaining('its TLS certificate is for another host name'),
    });
  });
});
