import { type Static, Type } from '@sinclair/typebox';
import { defineOperation, parseTargetUrl } from '@waybill/connector-kit';
import { type OutboundRequest, sendRequest } from '../client.js';
import { credentialHeaders, type HttpCredential, httpCredentialTypes } from '../credential-types.js';
import { successMatcher } from '../success-statuses.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
const DEFAULT_IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * Config of `http.request`. The URL is static on purpose: a URL built from data would let the
 * data choose where the flow sends it.
 *
 * @example
 * const config = { method: 'PUT', url: 'https://wms.example.com/api/stock', query: { site: 'DE1' }, successStatuses: ['2xx', 409] };
 */
export const SendRequestConfigSchema = Type.Object(
  {
    method: Type.Optional(
      Type.Union(
        [
          Type.Literal('GET'),
          Type.Literal('POST'),
          Type.Literal('PUT'),
          Type.Literal('PATCH'),
          Type.Literal('DELETE'),
        ],
        { default: 'POST', description: 'HTTP method.' },
      ),
    ),
    url: Type.String({
      minLength: 1,
      pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
      description:
        'Absolute http or https URL. Private and loopback hosts need the credential to allow them.',
    }),
    query: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'Query parameters, set on top of those in the URL.',
      }),
    ),
    headers: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'Extra request headers; put secrets into a credential instead.',
      }),
    ),
    sendInput: Type.Optional(
      Type.Boolean({
        default: true,
        description:
          'Send the node input as the request body (never for GET); JSON unless it is text with a non-JSON content type.',
      }),
    ),
    timeoutMs: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 300_000,
        default: DEFAULT_TIMEOUT_MS,
        description: 'Time limit in ms.',
      }),
    ),
    maxResponseBytes: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 50 * 1024 * 1024,
        default: DEFAULT_MAX_RESPONSE_BYTES,
        description: 'Largest response body accepted, in bytes.',
      }),
    ),
    responseFormat: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('text')], {
        default: 'json',
        description:
          'json: parse the body as JSON, keeping it as text when it is not JSON; text: keep it as text.',
      }),
    ),
    successStatuses: Type.Optional(
      Type.Array(
        Type.Union([Type.Integer({ minimum: 100, maximum: 599 }), Type.String({ pattern: '^[1-5]xx$' })]),
        {
          minItems: 1,
          description: 'Statuses that count as success, e.g. [200, 404] or ["2xx"]; 2xx when absent.',
        },
      ),
    ),
    idempotencyHeader: Type.Optional(
      Type.Union([Type.String({ pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" }), Type.Null()], {
        default: DEFAULT_IDEMPOTENCY_HEADER,
        description:
          'Header carrying the idempotency key, which stays the same across retries and replays; null sends none.',
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Config of `http.request` as operations read it.
 *
 * @example
 * const config: SendRequestConfig = { url: 'https://api.example.com/orders', method: 'POST' };
 */
export type SendRequestConfig = Static<typeof SendRequestConfigSchema>;

/**
 * Output of `http.request`.
 *
 * @example
 * // { "status": 201, "headers": { "content-type": "application/json" }, "body": { "id": 42 } }
 */
export const SendRequestOutputSchema = Type.Object({
  status: Type.Integer(),
  headers: Type.Record(Type.String(), Type.String()),
  body: Type.Unknown(),
});

/**
 * `http.request`: calls any HTTP API. Marked as a write because it may change the other system;
 * the engine then never repeats a completed call on resume, and retries carry the same
 * idempotency key so an API that honours `Idempotency-Key` applies the request once.
 *
 * @example
 * // flow.json node
 * { "id": "notify", "type": "http.request", "credential": "wms-key",
 *   "config": { "method": "POST", "url": "https://wms.example.com/api/orders" } }
 */
export const sendRequestOperation = defineOperation({
  type: 'http.request',
  title: 'HTTP request',
  description: 'Calls an HTTP API with the node input as JSON body and outputs the status, headers and body.',
  icon: 'globe',
  effect: 'write',
  idempotency: 'native-key',
  idempotencyNote:
    'The idempotency key is sent as a header; the target API must honour it, and idempotencyHeader: null turns it off.',
  configSchema: SendRequestConfigSchema,
  outputSchema: SendRequestOutputSchema,
  credential: { types: httpCredentialTypes, required: false },
  run: async (ctx) =>
    sendRequest(ctx.http, prepareRequest(ctx.config, ctx.input, ctx.idempotencyKey, ctx.credential)),
});

/**
 * Builds the outbound request from config, input, idempotency key and credential (no I/O).
 * Credential headers are applied last so a config header cannot replace them.
 *
 * @example
 * prepareRequest({ url: 'https://api.example.com/orders' }, { n: 1 }, 'ex-1/notify', undefined).headers;
 * // { 'content-type': 'application/json', 'idempotency-key': 'ex-1/notify' }
 */
export function prepareRequest(
  config: SendRequestConfig,
  input: unknown,
  idempotencyKey: string,
  credential: HttpCredential | undefined,
): OutboundRequest {
  const method = config.method ?? 'POST';
  const url = parseTargetUrl(config.url);
  for (const [name, value] of Object.entries(config.query ?? {})) url.searchParams.set(name, value);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers ?? {})) headers[name.toLowerCase()] = value;

  let body: string | undefined;
  if ((config.sendInput ?? true) && method !== 'GET' && input !== undefined && input !== null) {
    const contentType = headers['content-type'];
    if (typeof input === 'string' && contentType !== undefined && !/[/+]json\b/i.test(contentType)) {
      body = input;
    } else {
      body = JSON.stringify(input);
      headers['content-type'] ??= 'application/json';
    }
  }
  headers.accept ??= config.responseFormat === 'text' ? 'text/plain, */*' : 'application/json, */*;q=0.8';

  const idempotencyHeader =
    config.idempotencyHeader === undefined ? DEFAULT_IDEMPOTENCY_HEADER : config.idempotencyHeader;
  if (idempotencyHeader !== null) headers[idempotencyHeader.toLowerCase()] = idempotencyKey;

  const auth = credentialHeaders(credential);
  Object.assign(headers, auth.headers);

  return {
    method,
    // Repeating it is harmless when the method says so or the target deduplicates on the key,
    // so the HTTP client may retry a 5xx or a dropped connection in place.
    idempotent: idempotencyHeader !== null || ['GET', 'PUT', 'DELETE'].includes(method),
    url: url.href,
    headers,
    body,
    sensitiveHeaders: auth.sensitive,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    responseFormat: config.responseFormat ?? 'json',
    accept: successMatcher(config.successStatuses),
  };
}
