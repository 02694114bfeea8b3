import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyPair } from '../../testing/simulator-harness.js';
import { createSalesforceSimulator } from '../simulator.js';

/**
 * The simulator's token endpoint in-process: both grants, and Salesforce's OAuth error bodies for
 * each way a request can be wrong.
 */

const keys = keyPair();
const other = keyPair();
const client = {
  consumerKey: 'jwt-app',
  consumerSecret: 'jwt-secret',
  publicKeyPem: keys.publicKeyPem,
  username: 'integration@waybill-sim.example',
};
const AUDIENCE = 'http://localhost';

function post(sim: ReturnType<typeof createSalesforceSimulator>, form: Record<string, string>, headers = {}) {
  return sim.app.request('/services/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
}

function assertion(claims: Record<string, unknown>, privateKeyPem = keys.privateKeyPem, alg = 'RS256') {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ alg })}.${part(claims)}`;
  return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), privateKeyPem).toString('base64url')}`;
}

const fresh = () => ({
  iss: 'jwt-app',
  sub: 'integration@waybill-sim.example',
  aud: AUDIENCE,
  exp: Math.floor(Date.now() / 1000) + 120,
});

describe('the simulated token endpoint', () => {
  const sim = createSalesforceSimulator({
    clients: [
      { consumerKey: 'cc-app', consumerSecret: 'cc-secret', username: 'integration@waybill-sim.example' },
      client,
    ],
  });

  it('issues a token with the instance URL for the client credentials grant, in the form or in HTTP Basic', async () => {
    const response = await post(sim, {
      grant_type: 'client_credentials',
      client_id: 'cc-app',
      client_secret: 'cc-secret',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toEqual({
      access_token: expect.stringMatching(/^00DWb0000000001!AQ/),
      scope: 'api',
      instance_url: 'http://localhost',
      id: expect.stringMatching(/^http:\/\/localhost\/id\/00DWb0000000001\w{3}\/005Wb\w+$/),
      token_type: 'Bearer',
      signature: expect.any(String),
      issued_at: expect.stringMatching(/^\d+$/),
    });
    const basic = await post(
      sim,
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${Buffer.from('cc-app:cc-secret').toString('base64')}` },
    );
    expect(basic.status).toBe(200);
  });

  it('refuses an unknown client, a wrong secret and an unknown grant with OAuth error bodies', async () => {
    const unknown = await post(sim, {
      grant_type: 'client_credentials',
      client_id: 'nope',
      client_secret: 'x',
    });
    expect([unknown.status, await unknown.json()]).toEqual([
      400,
      { error: 'invalid_client_id', error_description: 'client identifier invalid' },
    ]);
    const wrong = await post(sim, {
      grant_type: 'client_credentials',
      client_id: 'cc-app',
      client_secret: 'not-it',
    });
    expect(await wrong.json()).toEqual({
      error: 'invalid_client',
      error_description: 'invalid client credentials',
    });
    const grant = await post(sim, { grant_type: 'password', username: 'u', password: 'p' });
    expect(await grant.json()).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'grant type not supported',
    });
  });

  it('refuses client credentials for an app without a run-as user', async () => {
    const lone = createSalesforceSimulator({ clients: [{ consumerKey: 'k', consumerSecret: 's' }] });
    const response = await post(lone, {
      grant_type: 'client_credentials',
      client_id: 'k',
      client_secret: 's',
    });
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'no client credentials user enabled',
    });
  });

  it('issues a token for a JWT assertion signed with the registered key', async () => {
    const response = await post(sim, {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: assertion(fresh()),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ token_type: 'Bearer', instance_url: 'http://localhost', scope: 'api' });
    expect(body).not.toHaveProperty('signature');
  });

  it.each([
    [
      'a signature by another key',
      () => assertion(fresh(), other.privateKeyPem),
      'invalid_grant',
      'invalid assertion',
    ],
    [
      'an HS256 header',
      () => assertion(fresh(), keys.privateKeyPem, 'HS256'),
      'invalid_grant',
      'invalid assertion',
    ],
    ['garbage', () => 'not.a.jwt', 'invalid_grant', 'invalid assertion'],
    [
      'an unknown issuer',
      () => assertion({ ...fresh(), iss: 'nobody' }),
      'invalid_client_id',
      'client identifier invalid',
    ],
    [
      'another audience',
      () => assertion({ ...fresh(), aud: 'https://login.salesforce.com' }),
      'invalid_grant',
      'audience is invalid',
    ],
    [
      'a past expiry',
      () => assertion({ ...fresh(), exp: Math.floor(Date.now() / 1000) - 5 }),
      'invalid_grant',
      'expired authorization code',
    ],
    [
      'a user who did not approve the app',
      () => assertion({ ...fresh(), sub: 'admin@waybill-sim.example' }),
      'invalid_grant',
      "user hasn't approved this consumer",
    ],
  ])('refuses an assertion with %s', async (_case, make, error, description) => {
    const response = await post(sim, {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: make(),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error, error_description: description });
  });

  it('checks the expiry against its own clock, so a clock ahead of the client makes a fresh assertion expired', async () => {
    const ahead = createSalesforceSimulator({
      clients: [client],
      now: () => new Date(Date.now() + 10 * 60_000),
    });
    const response = await post(ahead, {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: assertion(fresh()),
    });
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'expired authorization code',
    });
  });
});
