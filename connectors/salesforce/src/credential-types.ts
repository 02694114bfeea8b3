import { type CredentialTest, defineCredentialType, type TypedCredential } from '@waybill/connector-kit';
import { apiVersionOf, defaultAudience, loginUrlOf, type SalesforceConnection } from './client/connection.js';
import { createSalesforceClient } from './client/rest-client.js';

/**
 * The Salesforce credential types: the two OAuth 2.0 flows meant for server-to-server
 * integrations. Both sign in at the login URL's token endpoint and then call the instance URL
 * the token answer names; a private or loopback host (the simulator on 127.0.0.1) needs its host
 * in the credential record's allowed hosts.
 */

const API_VERSION_FIELD = {
  name: 'apiVersion',
  label: 'API version',
  secret: false,
  required: false,
  description: 'REST API version, e.g. 60.0 (the default).',
} as const;

const CONSUMER_KEY_FIELD = {
  name: 'consumerKey',
  label: 'Consumer key',
  secret: false,
  required: true,
  description: "The connected app's consumer key (Setup, App Manager, View, Manage Consumer Details).",
} as const;

/**
 * The OAuth 2.0 client credentials flow: the connected app's consumer key and secret, acting as
 * the app's Run As user. Salesforce accepts it only at the org's My Domain URL.
 *
 * @example
 * const credential = { id: 'sf-prod', type: 'salesforce-client-credentials', allowedHosts: [],
 *   values: { loginUrl: 'https://acme.my.salesforce.com', consumerKey: '3MVG9…', consumerSecret: '…' } };
 */
export const salesforceClientCredentials = defineCredentialType({
  type: 'salesforce-client-credentials',
  title: 'Salesforce (client credentials)',
  description: "Signs in with a connected app's consumer key and secret as its Run As user.",
  fields: [
    {
      name: 'loginUrl',
      label: 'My Domain URL',
      secret: false,
      required: true,
      description:
        "The org's My Domain URL, e.g. https://acme.my.salesforce.com; login.salesforce.com does not offer this flow.",
    },
    CONSUMER_KEY_FIELD,
    { name: 'consumerSecret', label: 'Consumer secret', secret: true, required: true },
    API_VERSION_FIELD,
  ],
  test: testWith((id, values) => {
    const { loginUrl, consumerKey, consumerSecret } = values;
    if (!loginUrl || !consumerKey || !consumerSecret) return undefined;
    return {
      flow: 'client-credentials',
      credentialId: id,
      loginUrl: loginUrlOf(loginUrl, id),
      consumerKey,
      consumerSecret,
      apiVersion: apiVersionOf(values.apiVersion, id),
    };
  }),
});

/**
 * The OAuth 2.0 JWT bearer flow: an assertion signed with the private key of the certificate
 * uploaded to the connected app, for a pre-authorised user.
 *
 * @example
 * const credential = { id: 'sf-prod', type: 'salesforce-jwt-bearer', allowedHosts: [],
 *   values: { loginUrl: 'https://login.salesforce.com', consumerKey: '3MVG9…', username: 'integration@acme.com', privateKey: '-----BEGIN PRIVATE KEY-----…' } };
 */
export const salesforceJwtBearer = defineCredentialType({
  type: 'salesforce-jwt-bearer',
  title: 'Salesforce (JWT bearer)',
  description:
    'Signs in as a pre-authorised user with an assertion signed by the connected app’s certificate key.',
  fields: [
    {
      name: 'loginUrl',
      label: 'Login URL',
      secret: false,
      required: true,
      description:
        'https://login.salesforce.com, https://test.salesforce.com for a sandbox, or the My Domain URL.',
    },
    CONSUMER_KEY_FIELD,
    {
      name: 'username',
      label: 'Username',
      secret: false,
      required: true,
      description: 'The Salesforce user to act as.',
    },
    {
      name: 'privateKey',
      label: 'Private key (PEM)',
      secret: true,
      required: true,
      description: 'The RSA private key of the certificate uploaded to the connected app.',
    },
    {
      name: 'audience',
      label: 'Audience',
      secret: false,
      required: false,
      description:
        'Default https://login.salesforce.com (https://test.salesforce.com for sandbox login URLs).',
    },
    API_VERSION_FIELD,
  ],
  test: testWith((id, values) => {
    const { loginUrl, consumerKey, username, privateKey } = values;
    if (!loginUrl || !consumerKey || !username || !privateKey) return undefined;
    const url = loginUrlOf(loginUrl, id);
    return {
      flow: 'jwt-bearer',
      credentialId: id,
      loginUrl: url,
      consumerKey,
      username,
      privateKeyPem: privateKey,
      audience: values.audience?.trim() || defaultAudience(url),
      apiVersion: apiVersionOf(values.apiVersion, id),
    };
  }),
});

/**
 * Every credential type the Salesforce connector accepts.
 *
 * @example
 * salesforceCredentialTypes.map((type) => type.type); // ['salesforce-client-credentials', 'salesforce-jwt-bearer']
 */
export const salesforceCredentialTypes = [salesforceClientCredentials, salesforceJwtBearer] as const;

/**
 * A Salesforce credential as an operation sees it.
 *
 * @example
 * const credential: SalesforceCredential = { id: 'sf', type: 'salesforce-client-credentials', allowedHosts: [],
 *   values: { loginUrl: 'https://acme.my.salesforce.com', consumerKey: 'k', consumerSecret: 's' } };
 */
export type SalesforceCredential = TypedCredential<(typeof salesforceCredentialTypes)[number]>;

/**
 * The connection a credential describes.
 *
 * @example
 * connectionOf(credential).flow; // 'client-credentials'
 */
export function connectionOf(credential: SalesforceCredential): SalesforceConnection {
  const { id } = credential;
  if (credential.type === 'salesforce-client-credentials') {
    const { loginUrl, consumerKey, consumerSecret, apiVersion } = credential.values;
    return {
      flow: 'client-credentials',
      credentialId: id,
      loginUrl: loginUrlOf(loginUrl, id),
      consumerKey,
      consumerSecret,
      apiVersion: apiVersionOf(apiVersion, id),
    };
  }
  const { loginUrl, consumerKey, username, privateKey, audience, apiVersion } = credential.values;
  const url = loginUrlOf(loginUrl, id);
  return {
    flow: 'jwt-bearer',
    credentialId: id,
    loginUrl: url,
    consumerKey,
    username,
    privateKeyPem: privateKey,
    audience: audience?.trim() || defaultAudience(url),
    apiVersion: apiVersionOf(apiVersion, id),
  };
}

/**
 * A credential test: sign in, then read the org's limits, which proves API access without
 * touching business data and tells how much of the daily allowance is left.
 */
function testWith(
  connect: (id: string, values: Record<string, string | undefined>) => SalesforceConnection | undefined,
): CredentialTest {
  return async ({ id, values, http }) => {
    const connection = connect(id, values);
    if (!connection)
      return { ok: false, message: 'Fill in every required field of the credential, then test again.' };
    const salesforce = createSalesforceClient(http, connection);
    const { body } = await salesforce.request({
      method: 'GET',
      path: 'limits',
      action: 'reading the org limits',
      idempotent: true,
      timeoutMs: 15_000,
    });
    const daily = dailyRequests(body);
    const flow =
      connection.flow === 'client-credentials'
        ? 'the client credentials flow'
        : `the JWT bearer flow as "${connection.username}"`;
    const allowance = daily
      ? ` and reports ${daily.remaining.toLocaleString('en-US')} of ${daily.max.toLocaleString('en-US')} daily API requests left`
      : '';
    return {
      ok: true,
      message: `Salesforce at ${salesforce.host} signed in with ${flow} (API v${connection.apiVersion})${allowance}.`,
    };
  };
}

function dailyRequests(body: unknown): { max: number; remaining: number } | undefined {
  if (typeof body !== 'object' || body === null || !('DailyApiRequests' in body)) return undefined;
  const daily = body.DailyApiRequests;
  if (typeof daily !== 'object' || daily === null || !('Max' in daily) || !('Remaining' in daily))
    return undefined;
  const { Max: max, Remaining: remaining } = daily;
  return typeof max === 'number' && typeof remaining === 'number' ? { max, remaining } : undefined;
}
