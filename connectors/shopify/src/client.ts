import type { BoundHttpClient } from '@waybill/connector-kit';
import {
  createShopifyGraphqlClient,
  type ShopifyClientOptions,
  type ShopifyConnection,
  type ShopifyGraphqlClient,
} from './client/graphql-client.js';
import { createShopifyRestClient, type ShopifyRestClient } from './client/rest-client.js';

/**
 * The Shopify connector's only I/O: the Admin GraphQL API and, for what it does not cover, the
 * Admin REST API, both through the kit's bound HTTP client, so the credential's allowed hosts,
 * time limits, size limits and network error mapping apply to every call.
 */

export {
  bucketKeyOf,
  createShopifyGraphqlClient,
  type ShopifyClientOptions,
  type ShopifyConnection,
  type ShopifyGraphqlClient,
} from './client/graphql-client.js';
export { pageInfoLinks } from './client/link-header.js';
export { createShopifyRestClient, type RestPage, type ShopifyRestClient } from './client/rest-client.js';
export {
  createThrottleRegistry,
  type QueryCost,
  refillWaitMs,
  sharedThrottle,
  type ThrottleRegistry,
  type ThrottleStatus,
} from './client/throttle.js';

/**
 * Both clients for one shop.
 *
 * @example
 * const { graphql, rest } = createShopifyClients(ctx.http, connectionOf(ctx.credential), { log: ctx.log });
 */
export function createShopifyClients(
  http: BoundHttpClient,
  connection: ShopifyConnection,
  options?: ShopifyClientOptions,
): { graphql: ShopifyGraphqlClient; rest: ShopifyRestClient } {
  return {
    graphql: createShopifyGraphqlClient(http, connection, options),
    rest: createShopifyRestClient(http, connection, options),
  };
}
