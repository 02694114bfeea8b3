import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { salesforceConnector } from './connector.js';
import {
  failure,
  flows,
  JWT_KEYS,
  keyPair,
  recordsIn,
  useSalesforceSimulator,
} from './testing/simulator-harness.js';

/**
 * Signing in to the Salesforce simulator over real HTTP with both OAuth flows: credential tests,
 * every refusal as a sentence naming what to check, and the session refreshed once when
 * Salesforce answers 401 INVALID_SESSION_ID.
 */

const server = useSalesforceSimulator();
const invoker = createConnectorInvoker([salesforceConnector]);
const signal = new AbortController().signal;
const tokenCalls = () => server.sim.calls.filter((call) => call.path === '/services/oauth2/token');
const count = (credential = server.credential()) =>
  invoker.invoke(
    testCall({
      type: 'salesforce.query',
      config: { soql: 'SELECT Id, Name FROM Account' },
      input: null,
      credential,
    }),
  );

describe.each(flows)('signing in with the %s flow', (flow) => {
  it('tests the credential with a token and the org limits, answered as a sentence', async () => {
    const result = await invoker.testCredential(server.credential(flow, { id: `test-${flow}` }), signal);
    const as =
      flow === 'jwt-bearer'
        ? 'the JWT bearer flow as "integration@waybill-sim.example"'
        : 'the client credentials flow';
    expect(result).toEqual({
      ok: true,
      message: `Salesforce at ${new URL(server.url).host} signed in with ${as} (API v60.0) and reports 14,999 of 15,000 daily API requests left.`,
    });
  });

  it('signs in once and reuses the session for later calls', async () => {
    const credential = server.credential(flow, { id: `reuse-${flow}` });
    expect(recordsIn((await count(credential)).output, 'records')).toHaveLength(10);
    await count(credential);
    expect(tokenCalls()).toHaveLength(1);
  });

  it('signs in again and repeats the call once when the session expired', async () => {
    const credential = server.credential(flow, { id: `expiry-${flow}` });
    await count(credential);
    server.sim.expireTokens();
    expect(recordsIn((await count(credential)).output, 'records')).toHaveLength(10);
    const queries = server.sim.calls.filter((call) => call.path.endsWith('/query'));
    expect(queries.map((call) => call.status)).toEqual([200, 401, 200]);
    expect(tokenCalls()).toHaveLength(2);
  });

  it('gives up with a sentence when a fresh session is refused too', async () => {
    const credential = server.credential(flow, { id: `refused-${flow}` });
    server.sim.failNext({ kind: 'session-expired', matchPath: '/query', count: 2 });
    expect(await failure(count(credential))).toMatchObject({
      kind: 'connector',
      code: 'SALESFORCE_SESSION_REFUSED',
      retryable: false,
      message: expect.stringMatching(
        /refused a session it had just issued for the credential "refused-.+"; check the connected app's IP relaxation/,
      ),
    });
    expect(tokenCalls()).toHaveLength(2);
  });

  it('signs in again when the credential is edited, without waiting for a 401', async () => {
    const credential = server.credential(flow, { id: `edited-${flow}` });
    await count(credential);
    await count({ ...credential, values: { ...credential.values, apiVersion: '61.0' } });
    expect(tokenCalls()).toHaveLength(2);
    expect(server.sim.calls.filter((call) => call.path.endsWith('/query')).map((call) => call.path)).toEqual([
      '/services/data/v60.0/query',
      '/services/data/v61.0/query',
    ]);
  });
});

describe('refused sign-ins', () => {
  const refusal = async (credential: ReturnType<typeof server.credential>) => {
    const tested = await invoker.testCredential(credential, signal);
    const failed = await failure(count(credential));
    expect(failed.message).toBe(tested?.message);
    expect(tested?.ok).toBe(false);
    return failed;
  };

  it('names the consumer key and secret for a wrong secret, without quoting it', async () => {
    const error = await refusal(
      server.credential('client-credentials', {
        id: 'wrong-secret',
        values: { consumerSecret: 'hunter2-wrong' },
      }),
    );
    expect(error).toMatchObject({
      kind: 'user',
      code: 'SALESFORCE_INVALID_CLIENT',
      upstream: { status: 400, code: 'invalid_client' },
    });
    expect(error.message).toMatch(
      /^Salesforce at 127\.0\.0\.1:\d+ refused the consumer key and secret of the credential "wrong-secret" \(invalid_client: invalid client credentials\); copy both again/,
    );
    expect(JSON.stringify(error)).not.toContain('hunter2-wrong');
  });

  it('names the consumer key when Salesforce does not know it', async () => {
    const error = await refusal(
      server.credential('jwt-bearer', { id: 'unknown-key', values: { consumerKey: 'who-am-i' } }),
    );
    expect(error).toMatchObject({ code: 'SALESFORCE_INVALID_CLIENT' });
    expect(error.message).toContain('does not know the consumer key of the credential "unknown-key"');
  });

  it('names the private key and the certificate when the signature does not verify', async () => {
    const other = keyPair().privateKeyPem;
    const error = await refusal(
      server.credential('jwt-bearer', { id: 'wrong-key', values: { privateKey: other } }),
    );
    expect(error).toMatchObject({
      kind: 'user',
      code: 'SALESFORCE_INVALID_GRANT',
      upstream: { code: 'invalid_grant' },
    });
    expect(error.message).toContain(
      'check that the private key belongs to the certificate uploaded to the connected app',
    );
    expect(JSON.stringify(error)).not.toContain('PRIVATE KEY');
  });

  it("names the server's clock when the assertion arrives expired", async () => {
    server.sim.setClock(() => new Date(Date.now() + 5 * 60_000));
    try {
      const error = await refusal(server.credential('jwt-bearer', { id: 'skewed' }));
      expect(error.message).toContain(
        'found the signed assertion of the credential "skewed" already expired (invalid_grant: expired authorization code); check that this server\'s clock is right',
      );
    } finally {
      server.sim.setClock(undefined);
    }
  });

  it('names the audience when it is not the authorisation server', async () => {
    const error = await refusal(
      server.credential('jwt-bearer', {
        id: 'wrong-audience',
        values: { audience: 'https://login.salesforce.com' },
      }),
    );
    expect(error.message).toContain(
      'refused the audience "https://login.salesforce.com" of the credential "wrong-audience" (invalid_grant: audience is invalid)',
    );
  });

  it('names the username when the user has not approved the app', async () => {
    const error = await refusal(
      server.credential('jwt-bearer', {
        id: 'wrong-user',
        values: { username: 'admin@waybill-sim.example' },
      }),
    );
    expect(error.message).toContain(
      'says the user "admin@waybill-sim.example" of the credential "wrong-user" has not approved the connected app',
    );
  });

  it('refuses a private key that is not a PEM key before calling Salesforce', async () => {
    const error = await refusal(
      server.credential('jwt-bearer', { id: 'not-pem', values: { privateKey: 'MIIE-this-is-not-pem' } }),
    );
    expect(error).toMatchObject({ kind: 'user', code: 'SALESFORCE_INVALID_PRIVATE_KEY' });
    expect(error.message).not.toContain('MIIE');
    expect(tokenCalls()).toHaveLength(0);
  });

  it('accepts a key pasted with literal \\n sequences', async () => {
    const oneLine = JWT_KEYS.privateKeyPem.trim().replace(/\n/g, '\\n');
    const result = await invoker.testCredential(
      server.credential('jwt-bearer', { id: 'one-line', values: { privateKey: oneLine } }),
      signal,
    );
    expect(result?.ok).toBe(true);
  });

  it('asks for every required field before testing', async () => {
    const credential = server.credential('client-credentials', { id: 'empty' });
    const result = await invoker.testCredential({ ...credential, values: { loginUrl: server.url } }, signal);
    expect(result).toEqual({
      ok: false,
      message: 'Fill in every required field of the credential, then test again.',
    });
  });
});
