import {
  connectorError,
  errorForStatus,
  parseRetryAfter,
  UPSTREAM_EXCERPT_BYTES,
  userError,
  type WaybillError,
} from '@waybill/connector-kit';

/**
 * Odoo's errors in Waybill's taxonomy. Both protocols serialise a Python exception the same way
 * (`name`, `message`, `arguments`, `context`, `debug`): JSON-RPC inside `error.data` of an HTTP
 * 200 answer, JSON-2 as the body of a 4xx/5xx answer. The mapping goes by the exception name,
 * because that is what says whether the fix is in the flow's data (user) or in Odoo (connector).
 */

/**
 * A serialised Odoo exception, as found in `error.data` (JSON-RPC) or a JSON-2 error body.
 *
 * @example
 * const fault: OdooFault = { name: 'odoo.exceptions.AccessError', message: 'You are not allowed to modify this document.' };
 */
export interface OdooFault {
  name?: string;
  message?: string;
  arguments?: unknown[];
}

/**
 * Where a failing call went, so the error can say which call failed without a traceback.
 *
 * @example
 * const where: OdooCallSite = { model: 'sale.order', method: 'create', host: 'erp.example.com', status: 200 };
 */
export interface OdooCallSite {
  model?: string;
  method?: string;
  host: string;
  /** The HTTP status of the answer (200 for JSON-RPC faults). */
  status: number;
  /** The answer's body with the traceback removed; cut to the upstream excerpt size here. */
  body?: string;
  retryAfterMs?: number;
}

interface Classification {
  kind: 'user' | 'connector';
  code: string;
  retryable: boolean;
}

const USER_ERRORS: Record<string, string> = {
  'odoo.exceptions.AccessDenied': 'ODOO_ACCESS_DENIED',
  'odoo.exceptions.AccessError': 'ODOO_ACCESS_ERROR',
  'odoo.exceptions.ValidationError': 'ODOO_VALIDATION_ERROR',
  'odoo.exceptions.MissingError': 'ODOO_MISSING_RECORD',
  'odoo.exceptions.UserError': 'ODOO_USER_ERROR',
  'odoo.exceptions.RedirectWarning': 'ODOO_USER_ERROR',
  'odoo.exceptions.Warning': 'ODOO_USER_ERROR',
  'odoo.exceptions.except_orm': 'ODOO_USER_ERROR',
  // JSON-2 answers these for an invalid API key, an unknown model or method, or arguments that do
  // not fit the method's signature: all fixed in the credential or the node, not by retrying.
  'werkzeug.exceptions.Unauthorized': 'ODOO_ACCESS_DENIED',
  'werkzeug.exceptions.Forbidden': 'ODOO_ACCESS_ERROR',
  'werkzeug.exceptions.NotFound': 'ODOO_NOT_FOUND',
  'werkzeug.exceptions.BadRequest': 'ODOO_INVALID_REQUEST',
  'werkzeug.exceptions.UnprocessableEntity': 'ODOO_INVALID_REQUEST',
  'werkzeug.exceptions.MethodNotAllowed': 'ODOO_INVALID_REQUEST',
  // The ORM raises ValueError for an unknown field or a malformed domain, and Python raises
  // TypeError for arguments a method does not take: the request is wrong and stays wrong.
  'builtins.ValueError': 'ODOO_INVALID_REQUEST',
  'builtins.TypeError': 'ODOO_INVALID_REQUEST',
};

/** Programming errors inside Odoo (often a custom module): repeating the call fails the same way. */
const DETERMINISTIC_SERVER_ERRORS = new Set([
  'builtins.KeyError',
  'builtins.AttributeError',
  'builtins.IndexError',
  'builtins.NotImplementedError',
  'builtins.AssertionError',
]);

const MAX_MESSAGE_CHARS = 1000;

/**
 * How an Odoo exception name maps into the taxonomy: Odoo's own business exceptions and refused
 * requests are user errors (never retried); anything else is a connector error, retryable unless
 * it is a programming error that would fail again. Odoo rolls the transaction back on every
 * error, so retrying a failed write is safe.
 *
 * @example
 * classifyOdooException('odoo.exceptions.MissingError'); // { kind: 'user', code: 'ODOO_MISSING_RECORD', retryable: false }
 * classifyOdooException('psycopg2.errors.SerializationFailure'); // { kind: 'connector', code: 'ODOO_SERVER_ERROR', retryable: true }
 */
export function classifyOdooException(name: string | undefined): Classification {
  // Bearer (JSON-2) calls have no session; if a proxy still says so, signing in again may help.
  if (name === 'odoo.http.SessionExpiredException') {
    return { kind: 'connector', code: 'ODOO_SESSION_EXPIRED', retryable: true };
  }
  const userCode = name === undefined ? undefined : USER_ERRORS[name];
  if (userCode !== undefined) return { kind: 'user', code: userCode, retryable: false };
  if (name !== undefined && DETERMINISTIC_SERVER_ERRORS.has(name)) {
    return { kind: 'connector', code: 'ODOO_SERVER_ERROR', retryable: false };
  }
  return { kind: 'connector', code: 'ODOO_SERVER_ERROR', retryable: true };
}

/**
 * The taxonomy error for a serialised Odoo exception. The message is Odoo's own message (what a
 * user of Odoo would have seen), never the traceback; the call site goes to `details` and the
 * body excerpt to `upstream`.
 *
 * @example
 * odooFaultError({ name: 'odoo.exceptions.AccessError', message: 'You are not allowed to create Sales Order records.' },
 *   { model: 'sale.order', method: 'create', host: 'erp.example.com', status: 200 });
 * // WaybillError { kind: 'user', code: 'ODOO_ACCESS_ERROR', message: 'You are not allowed to create Sales Order records.' }
 */
export function odooFaultError(fault: OdooFault, site: OdooCallSite): WaybillError {
  const classification = classifyOdooException(fault.name);
  const text = faultMessage(fault);
  // Odoo's own words for a refused API key ("Invalid apikey.") do not say what to fix.
  const refusedKey = fault.name === 'werkzeug.exceptions.Unauthorized';
  const message = refusedKey
    ? `Odoo at ${site.host} did not accept the API key${text ? ` (${sentence(text)})` : ''}; check the API key in the credential, and that its user is active.`
    : text
      ? sentence(text)
      : `Odoo at ${site.host} failed${callName(site)} with ${fault.name ?? 'an unnamed error'}.`;
  const init = {
    code: classification.code,
    message,
    upstream: {
      status: site.status,
      ...(fault.name ? { code: fault.name } : {}),
      ...(site.body !== undefined ? { body: site.body.slice(0, UPSTREAM_EXCERPT_BYTES) } : {}),
    },
    details: {
      ...(site.model ? { model: site.model } : {}),
      ...(site.method ? { method: site.method } : {}),
      ...(fault.name ? { exception: fault.name } : {}),
    },
  };
  if (classification.kind === 'user') return userError(init);
  return connectorError({
    ...init,
    retryable: classification.retryable,
    ...(site.retryAfterMs !== undefined ? { retryAfterMs: site.retryAfterMs } : {}),
  });
}

/**
 * The taxonomy error for a JSON-2 answer outside 2xx: 429 and gateway failures (no Odoo
 * exception in the body) keep the kit's HTTP mapping with Retry-After; an answer that carries a
 * serialised exception maps by its name, keeping the HTTP status in `upstream`.
 *
 * @example
 * json2StatusError({ status: 403, url: new URL('https://erp.example.com/json/2/sale.order/create'), headers: {},
 *   body: '{"name":"odoo.exceptions.AccessError","message":"Not allowed."}' }, { model: 'sale.order', method: 'create' });
 * // WaybillError { kind: 'user', code: 'ODOO_ACCESS_ERROR', message: 'Not allowed.', upstream: { status: 403, ... } }
 */
export function json2StatusError(
  response: {
    status: number;
    url: URL;
    headers: Readonly<Record<string, string>>;
    body: string;
    now?: number;
  },
  call: { model?: string; method?: string },
): WaybillError {
  const fault = parseFault(response.body);
  if (response.status === 404 && fault === undefined) {
    // Odoo before 19 (or a proxy that does not route /json/2) answers an HTML 404 page.
    return connectorError({
      code: 'ODOO_NO_JSON2',
      message: `Odoo at ${response.url.host} has no JSON-2 API (it needs Odoo 19 or later); use an "Odoo (JSON-RPC)" credential for this server.`,
      retryable: false,
      upstream: { status: 404, body: response.body.slice(0, UPSTREAM_EXCERPT_BYTES) },
    });
  }
  if (response.status === 429 || fault === undefined) {
    return errorForStatus({ ...response, body: stripDebug(response.body) });
  }
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], response.now);
  return odooFaultError(fault, {
    ...call,
    host: response.url.host,
    status: response.status,
    body: stripDebug(response.body),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

/**
 * Reads a serialised exception out of a value, or undefined when it is not one.
 *
 * @example
 * faultOf({ name: 'odoo.exceptions.UserError', message: 'Nothing to invoice.', debug: '…' });
 * // { name: 'odoo.exceptions.UserError', message: 'Nothing to invoice.', arguments: undefined }
 */
export function faultOf(value: unknown): OdooFault | undefined {
  if (!isRecord(value)) return undefined;
  const name = typeof value.name === 'string' ? value.name : undefined;
  const message = typeof value.message === 'string' ? value.message : undefined;
  if (name === undefined && message === undefined) return undefined;
  return { name, message, arguments: Array.isArray(value.arguments) ? value.arguments : undefined };
}

/**
 * A JSON body with every `debug` member (Odoo's traceback) removed, cut to the excerpt size: the
 * traceback says nothing a support person can act on and may quote data from other records.
 *
 * @example
 * stripDebug('{"name":"builtins.ValueError","message":"Invalid field","debug":"Traceback…"}');
 * // '{"name":"builtins.ValueError","message":"Invalid field"}'
 */
export function stripDebug(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    return JSON.stringify(parsed, (key, value: unknown) => (key === 'debug' ? undefined : value)).slice(
      0,
      UPSTREAM_EXCERPT_BYTES,
    );
  } catch {
    return body.slice(0, UPSTREAM_EXCERPT_BYTES);
  }
}

function parseFault(body: string): OdooFault | undefined {
  try {
    return faultOf(JSON.parse(body));
  } catch {
    return undefined;
  }
}

function faultMessage(fault: OdooFault): string | undefined {
  const message = fault.message?.trim();
  if (message) return message;
  const first = fault.arguments?.[0];
  return typeof first === 'string' && first.trim() ? first.trim() : undefined;
}

function callName(site: OdooCallSite): string {
  return site.model && site.method ? ` on ${site.model}.${site.method}` : '';
}

function sentence(text: string): string {
  const cut = text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
  return /[.!?…)]$/.test(cut) ? cut : `${cut}.`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
