import {
  type BoundHttpClient,
  connectorError,
  type HttpResponse,
  UPSTREAM_EXCERPT_BYTES,
} from '@waybill/connector-kit';
import { errorEntriesOf, salesforceApiError } from '../errors.js';
import type { SalesforceConnection } from './connection.js';
import { forgetSession, type SalesforceSession, sessionFor } from './token.js';

/**
 * One call to the REST API.
 *
 * @example
 * const call: SalesforceCall = { method: 'PATCH', path: 'sobjects/Account/External_Id__c/CUST-0001',
 *   json: { Name: 'Acme Retail Inc.' }, action: 'the upsert of Account by External_Id__c', idempotent: true };
 */
export interface SalesforceCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to `/services/data/vXX.X/`, or an absolute path starting with `/services/` (nextRecordsUrl). */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
  /** Sending it twice does no harm (reads, upserts by external id), so failures may be retried in place. */
  idempotent?: boolean;
  /** What the call does, for error sentences: "the query", "the upsert of Contact by External_Id__c". */
  action: string;
  /** Statuses answered as results instead of errors, e.g. 300 and 404 for a lookup. */
  accept?: readonly number[];
  timeoutMs?: number;
}

/**
 * A REST answer: the status and the parsed JSON body (null for 204).
 *
 * @example
 * const answer: SalesforceAnswer = { status: 201, body: { id: '001…', success: true, errors: [], created: true } };
 */
export interface SalesforceAnswer {
  status: number;
  body: unknown;
}

/**
 * The REST client of one connection.
 *
 * @example
 * const salesforce: SalesforceClient = createSalesforceClient(ctx.http, connectionOf(ctx.credential));
 */
export interface SalesforceClient {
  readonly apiVersion: string;
  /** Host of the login URL, for sentences. */
  readonly host: string;
  request(call: SalesforceCall): Promise<SalesforceAnswer>;
}

/**
 * The REST client: signs in once per credential (see token.ts), sends `Authorization: Bearer`
 * to the session's instance URL, and on 401 INVALID_SESSION_ID signs in again and repeats the
 * call once. Refusals become taxonomy errors from Salesforce's error array; 429 and 5xx stay the
 * kit's retryable errors (with Retry-After, retried in place when the call is idempotent).
 *
 * @example
 * const salesforce = createSalesforceClient(ctx.http, connection);
 * const { body } = await salesforce.request({ method: 'GET', path: 'limits', action: 'reading the org limits', idempotent: true });
 */
export function createSalesforceClient(
  http: BoundHttpClient,
  connection: SalesforceConnection,
): SalesforceClient {
  const host = new URL(connection.loginUrl).host;
  const base = `/services/data/v${connection.apiVersion}/`;

  const send = async (session: SalesforceSession, call: SalesforceCall): Promise<HttpResponse> => {
    const path = call.path.startsWith('/services/') ? call.path : `${base}${call.path}`;
    const query = call.query ? `?${new URLSearchParams(call.query).toString().replace(/\+/g, '%20')}` : '';
    return http.request({
      method: call.method,
      url: `${session.instanceUrl}${path}${query}`,
      headers: {
        accept: 'application/json',
        ...call.headers,
        authorization: `Bearer ${session.accessToken}`,
      },
      ...(call.json !== undefined ? { json: call.json } : {}),
      accept: (status) => status < 500 && status !== 429,
      ...(call.idempotent !== undefined ? { idempotent: call.idempotent } : {}),
      timeoutMs: call.timeoutMs ?? 60_000,
      // A page of 2,000 wide records can run to several megabytes.
      maxResponseBytes: 25 * 1024 * 1024,
    });
  };

  return {
    apiVersion: connection.apiVersion,
    host,
    async request(call) {
      const first = sessionFor(http, connection);
      let response = await send(await first, call);
      if (response.status === 401) {
        forgetSession(connection.credentialId, first);
        response = await send(await sessionFor(http, connection), call);
        if (response.status === 401) throw refusedSession(response, connection, host);
      }
      const body = bodyOf(response);
      const ok = response.status >= 200 && response.status < 300;
      if (ok || call.accept?.includes(response.status)) return { status: response.status, body };
      const entries = errorEntriesOf(body) ?? [
        { errorCode: response.status === 404 ? 'NOT_FOUND' : `HTTP_${response.status}`, message: '' },
      ];
      throw salesforceApiError(entries, {
        host: new URL(response.url).host,
        action: call.action,
        status: response.status,
        body: response.text(),
        headers: response.headers,
      });
    },
  };
}

function bodyOf(response: HttpResponse): unknown {
  const text = response.text();
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    throw connectorError({
      code: 'SALESFORCE_INVALID_RESPONSE',
      message: `Salesforce at ${new URL(response.url).host} answered with something that is not JSON (HTTP ${response.status}); check that the credential's login URL is a Salesforce org.`,
      retryable: false,
      upstream: { status: response.status, body: text.slice(0, UPSTREAM_EXCERPT_BYTES) },
    });
  }
}

function refusedSession(response: HttpResponse, connection: SalesforceConnection, host: string) {
  return connectorError({
    code: 'SALESFORCE_SESSION_REFUSED',
    message: `Salesforce at ${host} refused a session it had just issued for the credential "${connection.credentialId}"; check the connected app's IP relaxation and session policies and that the API user has "API Enabled".`,
    retryable: false,
    upstream: {
      status: 401,
      code: 'INVALID_SESSION_ID',
      body: response.text().slice(0, UPSTREAM_EXCERPT_BYTES),
    },
  });
}
