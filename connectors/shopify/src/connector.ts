import { defineConnector } from '@waybill/connector-kit';
import { shopifyCredentialTypes } from './credential-types.js';
import { shopifyOperations } from './operations/index.js';
import { shopifyWebhookTrigger } from './triggers/webhook.js';

/**
 * The Shopify connector: orders (read, list changes, cancel, refund), fulfilments with tracking,
 * inventory levels, the product catalog, the canonical order mapping, and the `shopify.webhook`
 * trigger; over the Admin GraphQL API (REST for the catalog listing).
 *
 * No connector-wide rate limit: GraphQL calls keep to Shopify's query cost bucket themselves
 * (client/throttle.ts), and the one REST operation declares REST's 2 requests per second.
 *
 * @example
 * const invoker = createConnectorInvoker([shopifyConnector, odooConnector]);
 */
export const shopifyConnector = defineConnector({
  id: 'shopify',
  title: 'Shopify',
  description: 'Orders, fulfilments, inventory, refunds and webhooks of a Shopify shop.',
  icon: 'shopify',
  operations: shopifyOperations,
  triggers: [shopifyWebhookTrigger],
  credentialTypes: [...shopifyCredentialTypes],
});
