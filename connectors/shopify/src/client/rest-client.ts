import { type BoundHttpClient, connectorError, UPSTREAM_EXCERPT_BYTES } from '@waybill/connector-kit';
import { shopifyStatusError } from '../errors.js';
import type { ShopifyClientOptions, ShopifyConnection } from './graphql-client.js';
import { pageInfoLinks } from './link-header.js';

/**
 * One page of a REST list, with the cursors of the pages around it.
 *
 * @example
 * const page: RestPage = { body: { products: [] }, next: 'eyJsYXN0X2lkIjo…', callLimit: '3/40' };
 */
export interface RestPage {
  body: unknown;
  /** `page_info` of the next page; absent on the last. */
  next?: string;
  previous?: string;
  /** `X-Shopify-Shop-Api-Call-Limit`, e.g. "32/40": how full the REST bucket is. */
  callLimit?: string;
}

/**
 * The Admin REST API of one shop, for what GraphQL does not cover. 429 answers (the REST leaky
 * bucket of 40 requests leaking 2 per second) carry `Retry-After`; the kit's bound client waits
 * them out in place within its budget and hands longer waits to the engine as retryable
 * RATE_LIMITED errors.
 *
 * @example
 * const rest = createShopifyRestClient(ctx.http, connection);
 * const page = await rest.get('products.json', { limit: '50', status: 'active' });
 */
export interface ShopifyRestClient {
  readonly host: string;
  /** GET `/admin/api/<version>/<path>` with the query parameters given. */
  get(path: string, query?: Record<string, string>): Promise<RestPage>;
  /**
   * Every page of a list, following `Link: rel="next"`: `page_info` replaces the filters after
   * the first page (Shopify refuses both together), `limit` is kept. Stops after `maxPages`.
   */
  pages(path: string, query: Record<string, string>, maxPages: number): AsyncGenerator<RestPage>;
}

/**
 * Creates the REST client for one shop.
 *
 * @example
 * for await (const page of createShopifyRestClient(ctx.http, connection).pages('products.json', { limit: '250' }, 10)) {
 *   console.log(page.body);
 * }
 */
export function createShopifyRestClient(
  http: BoundHttpClient,
  connection: ShopifyConnection,
  options: ShopifyClientOptions = {},
): ShopifyRestClient {
  const base = `${connection.baseUrl}/admin/api/${connection.apiVersion}/`;
  const host = new URL(base).host;

  const get = async (path: string, query: Record<string, string> = {}): Promise<RestPage> => {
    const url = new URL(path.replace(/^\/+/, ''), base);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const response = await http.request({
      method: 'GET',
      url,
      headers: { 'x-shopify-access-token': connection.accessToken, accept: 'application/json' },
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      maxResponseBytes: 20 * 1024 * 1024,
      accept: (status) => status !== 429 && status < 500,
    });
    const text = response.text();
    if (response.status < 200 || response.status >= 300) {
      throw shopifyStatusError(
        { status: response.status, url: new URL(response.url), headers: response.headers, body: text },
        connection.credentialId,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw connectorError({
        code: 'INVALID_RESPONSE',
        message: `Shopify at ${host} answered GET ${url.pathname} with something that is not JSON; check the credential's shop domain.`,
        retryable: false,
        upstream: { status: response.status, body: text.slice(0, UPSTREAM_EXCERPT_BYTES) },
      });
    }
    const links = pageInfoLinks(response.headers.link);
    const callLimit = response.headers['x-shopify-shop-api-call-limit'];
    return { body, ...links, ...(callLimit ? { callLimit } : {}) };
  };

  return {
    host,
    get,
    async *pages(path, query, maxPages) {
      let page = await get(path, query);
      yield page;
      for (let count = 1; page.next && count < maxPages; count++) {
        const limit = query.limit;
        page = await get(path, { ...(limit ? { limit } : {}), page_info: page.next });
        yield page;
      }
    },
  };
}
