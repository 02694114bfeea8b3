import { createHash } from 'node:crypto';
import {
  type BoundHttpClient,
  connectorError,
  errorForStatus,
  type HttpResponse,
  UPSTREAM_EXCERPT_BYTES,
  userError,
} from '@waybill/connector-kit';
import { faultOf, odooFaultError, stripDebug } from '../errors.js';
import { baseUrl, checkNames } from './names.js';
import type { OdooClient, OdooClientFactory, OdooClientOptions, OdooConnection } from './odoo-client.js';

type JsonRpcConnection = Extract<OdooConnection, { protocol: 'jsonrpc' }>;

/** JSON-RPC error code Odoo uses for an expired session. */
const SESSION_EXPIRED = 100;

/**
 * The user id per credential: `authenticate` costs Odoo a password hash check, so it runs once
 * per credential and process, not once per call. Keyed by credential id; the fingerprint of the
 * values makes an edited credential authenticate again. The promise is cached so that concurrent
 * first calls share one authentication.
 */
const uidCache = new Map<string, { fingerprint: string; uid: Promise<number> }>();

/**
 * Forgets every cached user id, for tests that change users behind a credential.
 *
 * @example
 * afterEach(() => clearJsonRpcSessions());
 */
export function clearJsonRpcSessions(): void {
  uidCache.clear();
}

/** A JSON-RPC `error` member, kept whole so the caller can tell a session expiry from a fault. */
class RpcFault extends Error {
  constructor(
    readonly code: number | undefined,
    readonly data: unknown,
    readonly body: string,
  ) {
    super('Odoo JSON-RPC error');
  }
}

/**
 * The JSON-RPC client (`POST /jsonrpc`, services `common` and `object`). It authenticates with
 * `common.authenticate` once per credential, sends the uid and password with every
 * `object.execute_kw`, and on error code 100 (session expired) authenticates again and repeats
 * the call once.
 *
 * @example
 * const client = createJsonRpcClient(ctx.http, { protocol: 'jsonrpc', credentialId: 'odoo', url: 'https://erp.example.com',
 *   database: 'erp', login: 'bot', password: 'k3y' });
 * await client.call('res.partner', 'search_count', { domain: [] });
 */
export const createJsonRpcClient: OdooClientFactory<'jsonrpc'> = (http, connection, options = {}) => {
  const endpoint = `${baseUrl(connection.url)}/jsonrpc`;
  const host = new URL(endpoint).host;
  const fingerprint = fingerprintOf(connection);
  let nextId = 1;

  async function rpc(service: string, method: string, args: unknown[]): Promise<unknown> {
    const envelope = { jsonrpc: '2.0', method: 'call', params: { service, method, args }, id: nextId++ };
    const response = await post(http, endpoint, envelope, options);
    if (response.status < 200 || response.status >= 300) throw statusError(response);
    const answer: unknown = response.json();
    if (!isRecord(answer)) throw invalidResponse(host, response);
    if (answer.error !== undefined && answer.error !== null) {
      const error = isRecord(answer.error) ? answer.error : {};
      throw new RpcFault(
        typeof error.code === 'number' ? error.code : undefined,
        error.data,
        stripDebug(response.text()),
      );
    }
    if (!('result' in answer)) throw invalidResponse(host, response);
    return answer.result;
  }

  async function authenticate(): Promise<number> {
    let result: unknown;
    try {
      result = await rpc('common', 'authenticate', [
        connection.database,
        connection.login,
        connection.password,
        {},
      ]);
    } catch (error) {
      throw translate(error, host, { method: 'authenticate' });
    }
    if (typeof result === 'number' && Number.isInteger(result) && result > 0) return result;
    throw userError({
      code: 'ODOO_ACCESS_DENIED',
      message: `Odoo at ${host} refused the login "${connection.login}" on the database "${connection.database}"; check the login, the password or API key and the database name in the credential "${connection.credentialId}".`,
      upstream: { status: 200, code: 'odoo.exceptions.AccessDenied' },
    });
  }

  function uid(): Promise<number> {
    const cached = uidCache.get(connection.credentialId);
    if (cached && cached.fingerprint === fingerprint) return cached.uid;
    const pending = authenticate();
    uidCache.set(connection.credentialId, { fingerprint, uid: pending });
    // A failed authentication must not stick: the next call should try again.
    pending.catch(() => {
      if (uidCache.get(connection.credentialId)?.uid === pending) uidCache.delete(connection.credentialId);
    });
    return pending;
  }

  function forget(stale: Promise<number>): void {
    if (uidCache.get(connection.credentialId)?.uid === stale) uidCache.delete(connection.credentialId);
  }

  async function executeKw(
    model: string,
    method: string,
    args: readonly unknown[] = [],
    kwargs: Record<string, unknown> = {},
  ): Promise<unknown> {
    checkNames(model, method);
    const site = { model, method };
    const send = async (user: Promise<number>) =>
      rpc('object', 'execute_kw', [
        connection.database,
        await user,
        connection.password,
        model,
        method,
        [...args],
        kwargs,
      ]);
    const first = uid();
    try {
      return await send(first);
    } catch (error) {
      if (!(error instanceof RpcFault) || error.code !== SESSION_EXPIRED) throw translate(error, host, site);
    }
    forget(first);
    try {
      return await send(uid());
    } catch (error) {
      if (error instanceof RpcFault && error.code === SESSION_EXPIRED) {
        throw connectorError({
          code: 'ODOO_SESSION_EXPIRED',
          message: `Odoo at ${host} reported the session as expired again right after signing in anew; the call can be retried.`,
          retryable: true,
          upstream: { status: 200, code: String(SESSION_EXPIRED), body: error.body },
        });
      }
      throw translate(error, host, site);
    }
  }

  const client: OdooClient = {
    protocol: 'jsonrpc',
    host,
    executeKw,
    call(model, method, named = {}) {
      const { ids, ...kwargs } = named;
      // Record methods take their ids as the first positional argument; @api.model methods none.
      return executeKw(model, method, ids === undefined ? [] : [[...ids]], kwargs);
    },
    async serverVersion() {
      try {
        const info = await rpc('common', 'version', []);
        return isRecord(info) && typeof info.server_version === 'string' ? info.server_version : undefined;
      } catch (error) {
        throw translate(error, host, { method: 'version' });
      }
    },
  };
  return client;
};

interface CallSite {
  model?: string;
  method?: string;
}

/**
 * Posts one JSON body to Odoo. Every status comes back so that the caller can map it: JSON-RPC
 * faults arrive as HTTP 200, while 429 and 5xx come from Odoo.sh or a proxy in front of Odoo.
 *
 * @example
 * const response = await post(ctx.http, 'https://erp.example.com/jsonrpc', envelope, {});
 */
export async function post(
  http: BoundHttpClient,
  url: string,
  json: unknown,
  options: OdooClientOptions,
  headers: Record<string, string> = {},
): Promise<HttpResponse> {
  const response = await http.request({
    method: 'POST',
    url,
    json,
    headers: { accept: 'application/json', 'user-agent': 'Waybill', ...headers },
    timeoutMs: options.timeoutMs ?? 30_000,
    maxResponseBytes: options.maxResponseBytes ?? 20 * 1024 * 1024,
    accept: () => true,
  });
  return response;
}

function translate(error: unknown, host: string, site: CallSite): unknown {
  if (!(error instanceof RpcFault)) return error;
  const fault = faultOf(error.data) ?? { name: undefined, message: undefined };
  return odooFaultError(fault, { ...site, host, status: 200, body: error.body });
}

/**
 * Non-2xx answers (a proxy, Odoo.sh rate limiting) keep the kit's mapping, with Retry-After and
 * the body excerpt without Odoo's traceback.
 *
 * @example
 * if (response.status >= 300) throw statusError(response); // 429 → RATE_LIMITED, retryAfterMs from Retry-After
 */
export function statusError(response: HttpResponse): Error {
  return errorForStatus({
    status: response.status,
    url: new URL(response.url),
    headers: response.headers,
    body: stripDebug(response.text()).slice(0, UPSTREAM_EXCERPT_BYTES),
  });
}

function invalidResponse(host: string, response: HttpResponse): Error {
  return connectorError({
    code: 'INVALID_RESPONSE',
    message: `Odoo at ${host} answered with something that is not a JSON-RPC response; check the credential's URL.`,
    retryable: false,
    upstream: { status: response.status, body: response.text().slice(0, UPSTREAM_EXCERPT_BYTES) },
  });
}

function fingerprintOf(connection: JsonRpcConnection): string {
  return createHash('sha256')
    .update([connection.url, connection.database, connection.login, connection.password].join('\u0000'))
    .digest('hex');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
