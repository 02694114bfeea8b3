import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { salesforceConnector } from './connector.js';
import { DAILY_LIMIT_RETRY_MS } from './errors.js';
import { failure, useSalesforceSimulator } from './testing/simulator-harness.js';

/**
 * How the connector treats Salesforce's failures over real HTTP: the org's API allowance, server
 * failures, record locks and calls the org's setup refuses.
 */

const server = useSalesforceSimulator();
const invoker = createConnectorInvoker([salesforceConnector]);
const query = (credential = server.credential()) =>
  invoker.invoke(
    testCall({
      type: 'salesforce.query',
      config: { soql: 'SELECT Id FROM Account LIMIT 1' },
      input: null,
      credential,
    }),
  );
const upsert = () =>
  invoker.invoke(
    testCall({
      type: 'salesforce.upsert',
      config: { object: 'Account', externalIdField: 'External_Id__c' },
      input: { externalId: 'CUST-0001', fields: { Phone: '+1 212-555-0100' } },
      credential: server.credential(),
    }),
  );

describe('Salesforce failures', () => {
  it('makes the used-up daily allowance a connector error retried an hour later', async () => {
    server.sim.failNext({ kind: 'request-limit', matchPath: '/query' });
    const error = await failure(query());
    expect(error).toMatchObject({
      kind: 'connector',
      code: 'SALESFORCE_REQUEST_LIMIT_EXCEEDED',
      retryable: true,
      retryAfterMs: DAILY_LIMIT_RETRY_MS,
      upstream: { status: 403, code: 'REQUEST_LIMIT_EXCEEDED' },
    });
    expect(error.message).toMatch(
      /^Salesforce at 127\.0\.0\.1:\d+ refused the query because the org has used up its rolling 24-hour API request allowance \(TotalRequests Limit exceeded\); the call will be tried again later/,
    );
    // Not retried in place: waiting an hour is the engine's job, as a delayed job.
    expect(server.sim.calls.filter((call) => call.path.endsWith('/query'))).toHaveLength(1);
  });

  it('retries a read in place after a 503 and succeeds when Salesforce recovers', async () => {
    server.sim.failNext({ kind: 'http-503', matchPath: '/query' });
    const result = await query();
    expect(result.output).toMatchObject({ totalSize: 1 });
    expect(
      server.sim.calls.filter((call) => call.path.endsWith('/query')).map((call) => call.status),
    ).toEqual([503, 200]);
  });

  it('makes a 500 that outlasts the in-place retries a retryable connector error', async () => {
    server.sim.failNext({ kind: 'http-500', matchPath: '/sobjects/', count: 5 });
    expect(await failure(upsert())).toMatchObject({
      kind: 'connector',
      code: 'HTTP_500',
      retryable: true,
      upstream: { status: 500 },
    });
    expect(server.sim.calls.filter((call) => call.method === 'PATCH')).toHaveLength(3);
  });

  it('makes a record lock a retryable connector error', async () => {
    server.sim.failNext({ kind: 'lock-row', matchMethod: 'PATCH' });
    expect(await failure(upsert())).toMatchObject({
      kind: 'connector',
      code: 'SALESFORCE_UNABLE_TO_LOCK_ROW',
      retryable: true,
      retryAfterMs: 2000,
      message: expect.stringContaining(
        'could not complete the upsert of Account by External_Id__c "CUST-0001" just now: unable to obtain exclusive access',
      ),
    });
  });

  it('makes a setup refusal a connector error that is not retried', async () => {
    server.sim.failNext({
      kind: 'error',
      status: 403,
      errorCode: 'API_DISABLED_FOR_ORG',
      message: 'The REST API is not enabled for this Organization.',
    });
    expect(await failure(query())).toMatchObject({
      kind: 'connector',
      code: 'SALESFORCE_API_DISABLED_FOR_ORG',
      retryable: false,
      message: expect.stringContaining(
        "The REST API is not enabled for this Organization; the org's edition has no API access",
      ),
    });
  });

  it('makes an API version the org does not serve a user error pointing at the version', async () => {
    const credential = server.credential('client-credentials', {
      id: 'ancient',
      values: { apiVersion: '20.0' },
    });
    expect(await failure(query(credential))).toMatchObject({
      kind: 'user',
      code: 'SALESFORCE_NOT_FOUND',
      message:
        'Salesforce refused the query: The requested resource does not exist; check the object, the record id or external id and the API version.',
    });
    const malformed = server.credential('client-credentials', {
      id: 'malformed',
      values: { apiVersion: 'spring' },
    });
    expect(await failure(query(malformed))).toMatchObject({
      kind: 'user',
      code: 'SALESFORCE_INVALID_API_VERSION',
    });
  });

  it('makes a 503 from the token endpoint a retryable error', async () => {
    server.sim.failNext({ kind: 'http-503', matchPath: '/services/oauth2/token', count: 3 });
    expect(await failure(query(server.credential('client-credentials', { id: 'token-down' })))).toMatchObject(
      {
        kind: 'connector',
        code: 'HTTP_503',
        retryable: true,
      },
    );
  });
});

describe('an org that runs out of API calls', () => {
  const small = useSalesforceSimulator({ dailyApiRequests: 2 });

  it('answers the call past the allowance with the same retry-later error', async () => {
    const credential = small.credential('client-credentials', { id: 'spender' });
    await query(credential);
    await query(credential);
    expect(small.sim.apiUsage()).toEqual({ used: 2, max: 2 });
    expect(await failure(query(credential))).toMatchObject({
      kind: 'connector',
      code: 'SALESFORCE_REQUEST_LIMIT_EXCEEDED',
      retryable: true,
      retryAfterMs: DAILY_LIMIT_RETRY_MS,
    });
  });
});
