import { createHash } from 'node:crypto';
import {
  type BoundHttpClient,
  connectorError,
  type HttpResponse,
  UPSTREAM_EXCERPT_BYTES,
} from '@waybill/connector-kit';
import { oauthError } from '../oauth-errors.js';
import type { SalesforceConnection } from './connection.js';
import { signAssertion } from './jwt.js';

/**
 * A signed-in session: the access token and the instance the data API lives on.
 *
 * @example
 * const session: SalesforceSession = { accessToken: '00DWb…!AQ…', instanceUrl: 'https://acme.my.salesforce.com' };
 */
export interface SalesforceSession {
  accessToken: string;
  instanceUrl: string;
}

/**
 * Sessions per credential id. A token costs a round trip and Salesforce keeps a session alive as
 * long as it is used, so one token serves every call of a credential until Salesforce answers 401.
 * The fingerprint (a hash of the values, never the values) makes an edited credential sign in
 * again; the promise is cached so concurrent first calls share one sign-in.
 */
const sessions = new Map<string, { fingerprint: string; session: Promise<SalesforceSession> }>();

/**
 * Forgets every cached session, for tests that change the org behind a credential.
 *
 * @example
 * afterEach(() => clearSalesforceSessions());
 */
export function clearSalesforceSessions(): void {
  sessions.clear();
}

/**
 * The cached session of a connection, signing in when there is none (or the credential changed).
 *
 * @example
 * const session = await sessionFor(ctx.http, connection);
 */
export function sessionFor(
  http: BoundHttpClient,
  connection: SalesforceConnection,
): Promise<SalesforceSession> {
  const fingerprint = fingerprintOf(connection);
  const cached = sessions.get(connection.credentialId);
  if (cached && cached.fingerprint === fingerprint) return cached.session;
  const pending = requestToken(http, connection);
  sessions.set(connection.credentialId, { fingerprint, session: pending });
  // A failed sign-in must not stick: the next call signs in again.
  pending.catch(() => forgetSession(connection.credentialId, pending));
  return pending;
}

/**
 * Drops a session Salesforce no longer accepts, unless a newer one already replaced it.
 *
 * @example
 * forgetSession('sf-prod', stale);
 */
export function forgetSession(credentialId: string, stale: Promise<SalesforceSession>): void {
  if (sessions.get(credentialId)?.session === stale) sessions.delete(credentialId);
}

/**
 * Asks the token endpoint for an access token with the connection's grant.
 *
 * @example
 * await requestToken(ctx.http, connection); // { accessToken: '00D…', instanceUrl: 'https://acme.my.salesforce.com' }
 */
export async function requestToken(
  http: BoundHttpClient,
  connection: SalesforceConnection,
): Promise<SalesforceSession> {
  const url = `${connection.loginUrl}/services/oauth2/token`;
  const host = new URL(url).host;
  const form =
    connection.flow === 'client-credentials'
      ? new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: connection.consumerKey,
          client_secret: connection.consumerSecret,
        })
      : new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion: signAssertion(connection, connection.privateKeyPem, connection.credentialId),
        });
  const response = await http.request({
    method: 'POST',
    url,
    body: form,
    headers: { accept: 'application/json' },
    // 429 and 5xx stay the kit's retryable errors; OAuth refusals (400, 401) are read here.
    accept: (status) => status < 500 && status !== 429,
    // Asking for a token twice does no harm, so dropped connections are retried in place.
    idempotent: true,
    timeoutMs: 30_000,
    maxResponseBytes: 64 * 1024,
  });
  const answer = parse(response);
  if (response.status >= 200 && response.status < 300 && answer) {
    const { access_token: accessToken, instance_url: instanceUrl } = answer;
    if (typeof accessToken === 'string' && accessToken !== '' && typeof instanceUrl === 'string') {
      return { accessToken, instanceUrl: instanceUrl.replace(/\/+$/, '') };
    }
  }
  if (answer && typeof answer.error === 'string') {
    throw oauthError(
      {
        error: answer.error,
        ...(typeof answer.error_description === 'string'
          ? { error_description: answer.error_description }
          : {}),
      },
      response.status,
      {
        credentialId: connection.credentialId,
        flow: connection.flow,
        host,
        ...(connection.flow === 'jwt-bearer'
          ? { username: connection.username, audience: connection.audience }
          : {}),
      },
    );
  }
  throw connectorError({
    code: 'SALESFORCE_INVALID_TOKEN_RESPONSE',
    message: `Salesforce at ${host} answered the token request with HTTP ${response.status} but no access token; check that the login URL of the credential "${connection.credentialId}" is a Salesforce login or My Domain URL.`,
    retryable: false,
    // The body of a successful answer holds a token; only a failed one is kept.
    upstream: {
      status: response.status,
      ...(answer?.access_token ? {} : { body: response.text().slice(0, UPSTREAM_EXCERPT_BYTES) }),
    },
  });
}

function parse(response: HttpResponse): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(response.text());
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value))
      : undefined;
  } catch {
    return undefined;
  }
}

function fingerprintOf(connection: SalesforceConnection): string {
  return createHash('sha256').update(JSON.stringify(connection)).digest('hex');
}
