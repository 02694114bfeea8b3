import {
  connectorError,
  errorForStatus,
  UPSTREAM_EXCERPT_BYTES,
  userError,
  type WaybillError,
} from '@waybill/connector-kit';

/**
 * Shopify's errors in Waybill's taxonomy. The Admin API answers in three ways: an HTTP status
 * with `{"errors": ...}` (a bad token, a frozen shop, REST validation), top-level GraphQL `errors`
 * with an `extensions.code` (THROTTLED, ACCESS_DENIED, a query the API version does not know),
 * and `userErrors` inside a mutation's payload (the request was understood and refused for its
 * data). The last are user errors: the flow's data must change; the others say whether waiting
 * (connector, retryable) or the credential (connector, final) fixes them.
 */

/**
 * One entry of a mutation payload's `userErrors` (or a typed variant such as
 * `orderCancelUserErrors`).
 *
 * @example
 * const problem: ShopifyUserError = { field: ['fulfillment', 'trackingInfo', 'url'], message: 'Url is invalid', code: 'INVALID' };
 */
export interface ShopifyUserError {
  field?: readonly string[] | null;
  message: string;
  code?: string | null;
}

/**
 * A top-level GraphQL error as Shopify sends it.
 *
 * @example
 * const error: GraphqlError = { message: 'Throttled', extensions: { code: 'THROTTLED' } };
 */
export interface GraphqlError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * The user error for a mutation whose payload lists `userErrors`: one sentence naming each field
 * path and Shopify's message, the list kept in `details.userErrors`.
 *
 * @example
 * shopifyUserErrors('fulfillmentCreate', [{ field: ['fulfillment', 'trackingInfo', 'url'], message: 'Url is invalid' }]);
 * // WaybillError { kind: 'user', code: 'SHOPIFY_USER_ERROR',
 * //   message: 'Shopify refused fulfillmentCreate: fulfillment.trackingInfo.url: Url is invalid.' }
 */
export function shopifyUserErrors(mutation: string, errors: readonly ShopifyUserError[]): WaybillError {
  const parts = errors.map((error) => {
    const field = error.field && error.field.length > 0 ? `${error.field.join('.')}: ` : '';
    return `${field}${error.message.replace(/[.\s]+$/, '')}`;
  });
  const codes = errors.flatMap((error) => (error.code ? [error.code] : []));
  return userError({
    code: 'SHOPIFY_USER_ERROR',
    message: `Shopify refused ${mutation}: ${parts.join('; ')}.`,
    details: {
      userErrors: errors.map((error) => ({
        field: error.field ? [...error.field] : null,
        message: error.message,
        ...(error.code ? { code: error.code } : {}),
      })),
    },
    ...(codes[0] ? { upstream: { code: codes[0] } } : {}),
  });
}

/**
 * The taxonomy error for top-level GraphQL errors other than THROTTLED (which the client waits
 * out). ACCESS_DENIED and a query the API version does not accept are final connector errors;
 * INTERNAL_SERVER_ERROR is retryable; MAX_COST_EXCEEDED asks for a smaller page size.
 *
 * @example
 * graphqlErrors([{ message: 'Access denied for orders field.', extensions: { code: 'ACCESS_DENIED' } }], 'acme.myshopify.com', '2025-01');
 * // WaybillError { kind: 'connector', code: 'SHOPIFY_ACCESS_DENIED', retryable: false }
 */
export function graphqlErrors(errors: readonly GraphqlError[], host: string, version: string): WaybillError {
  const first = errors[0] ?? { message: 'Unknown error' };
  const code = first.extensions?.code;
  const text = errors.map((error) => error.message.trim().split('\n')[0]).join('; ');
  const upstream = { ...(code ? { code } : {}), body: excerpt(JSON.stringify({ errors })) };
  if (code === 'ACCESS_DENIED') {
    return connectorError({
      code: 'SHOPIFY_ACCESS_DENIED',
      message: `Shopify at ${host} denied access: ${text}; grant the app the access scope it names (e.g. read_orders, write_fulfillments) and reinstall it.`,
      retryable: false,
      upstream,
    });
  }
  if (code === 'MAX_COST_EXCEEDED') {
    return userError({
      code: 'SHOPIFY_QUERY_TOO_COSTLY',
      message: `Shopify at ${host} refused a query as too costly (${text}); lower the node's page size.`,
      upstream,
    });
  }
  if (code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE') {
    return connectorError({
      code: 'SHOPIFY_INTERNAL_ERROR',
      message: `Shopify at ${host} failed to answer (${text}); the call can be retried.`,
      retryable: true,
      upstream,
    });
  }
  return connectorError({
    code: 'SHOPIFY_INVALID_QUERY',
    message: `Shopify API version ${version} at ${host} did not accept the connector's query (${text}); check the credential's API version.`,
    retryable: false,
    upstream,
  });
}

/**
 * The taxonomy error for an HTTP status the Admin API answered instead of a result, with
 * Shopify's reasons spelled out (a frozen or locked shop, a token that stopped working when the
 * app was reinstalled); other statuses as the kit maps them.
 *
 * @example
 * shopifyStatusError({ status: 401, url: new URL('https://acme.myshopify.com/admin/api/2025-01/graphql.json'), headers: {}, body: '{"errors":"[API] Invalid API key or access token"}' }, 'shopify-acme');
 * // WaybillError { kind: 'connector', code: 'UNAUTHORIZED', retryable: false }
 */
export function shopifyStatusError(
  response: { status: number; url: URL; headers: Readonly<Record<string, string>>; body: string },
  credentialId: string,
): WaybillError {
  const { status, url } = response;
  const host = url.host;
  const upstream = { status, body: excerpt(response.body) };
  const reasons = errorsText(response.body);
  const because = reasons ? ` (${reasons})` : '';
  switch (status) {
    case 401:
      return connectorError({
        code: 'UNAUTHORIZED',
        message: `Shopify at ${host} did not accept the access token${because}; check the Admin API access token in the credential "${credentialId}" (reinstalling the app issues a new one).`,
        retryable: false,
        upstream,
      });
    case 402:
      return connectorError({
        code: 'SHOPIFY_SHOP_FROZEN',
        message: `The shop ${host} is frozen for an unpaid bill (HTTP 402); the shop owner must settle it in the Shopify admin.`,
        retryable: false,
        upstream,
      });
    case 403:
      return connectorError({
        code: 'FORBIDDEN',
        message: `Shopify at ${host} refused access${because}; grant the app the access scope this call needs and reinstall it.`,
        retryable: false,
        upstream,
      });
    case 404:
      return connectorError({
        code: 'NOT_FOUND',
        message: `Shopify at ${host} has nothing at ${url.pathname} (HTTP 404); check the credential's shop domain and API version.`,
        retryable: false,
        upstream,
      });
    case 423:
      return connectorError({
        code: 'SHOPIFY_SHOP_LOCKED',
        message: `The shop ${host} is locked (HTTP 423); Shopify support or the shop owner must unlock it.`,
        retryable: false,
        upstream,
      });
    case 400:
    case 422:
      return userError({
        code: `SHOPIFY_HTTP_${status}`,
        message: `Shopify at ${host} rejected the request${because}; check the node's input and config.`,
        upstream,
      });
    default:
      return errorForStatus({ ...response, body: upstream.body });
  }
}

/** The `errors` member of a Shopify error body as one line: a string, or field → messages. */
function errorsText(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || !('errors' in parsed)) return '';
    const errors = parsed.errors;
    if (typeof errors === 'string') return errors;
    if (typeof errors === 'object' && errors !== null) {
      return Object.entries(errors)
        .map(
          ([field, messages]) =>
            `${field} ${Array.isArray(messages) ? messages.join(', ') : String(messages)}`,
        )
        .join('; ');
    }
  } catch {
    // An HTML error page from a proxy: the excerpt in upstream is all there is.
  }
  return '';
}

function excerpt(text: string): string {
  return text.length > UPSTREAM_EXCERPT_BYTES ? text.slice(0, UPSTREAM_EXCERPT_BYTES) : text;
}
