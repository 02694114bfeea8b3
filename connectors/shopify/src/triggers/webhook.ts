import { Type } from '@sinclair/typebox';
import { defineWebhookTrigger, type WebhookDelivery, WebhookRejection } from '@waybill/connector-kit';
import { shopifyCredentialTypes } from '../credential-types.js';
import { verifyShopifyHmac } from '../webhook/verify-hmac.js';

/**
 * The topics `shopify.webhook` takes when the flow names none: what an order-to-cash flow
 * listens to.
 *
 * @example
 * DEFAULT_WEBHOOK_TOPICS.includes('orders/create'); // true
 */
export const DEFAULT_WEBHOOK_TOPICS = [
  'orders/create',
  'orders/updated',
  'orders/cancelled',
  'fulfillments/create',
  'refunds/create',
  'inventory_levels/update',
] as const;

/**
 * Config of `shopify.webhook`.
 *
 * @example
 * const config = { topics: ['orders/create'], maxAgeSeconds: 3600 };
 */
export const ShopifyWebhookConfigSchema = Type.Object(
  {
    topics: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z_]+/[a-z_]+$' }), {
        minItems: 1,
        uniqueItems: true,
        default: [...DEFAULT_WEBHOOK_TOPICS],
        description:
          'Topics (X-Shopify-Topic) that start the flow; other topics are answered 200 and not run, so Shopify stops resending them.',
      }),
    ),
    maxAgeSeconds: Type.Optional(
      Type.Integer({
        minimum: 60,
        description:
          'Deliveries triggered longer ago than this (X-Shopify-Triggered-At; retries keep the original time) are answered 200 and not run. Unset: any age.',
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * `shopify.webhook`: starts the flow for each webhook Shopify delivers to the flow's hook URL.
 * Before anything is stored, the delivery's X-Shopify-Hmac-Sha256 is checked over the raw body
 * with the credential's webhook secret (401 when missing, malformed or wrong); a delivery for
 * another shop than the credential's is refused (403); a topic the flow does not take, or one
 * older than `maxAgeSeconds`, is answered 200 without running: refusing it would only make
 * Shopify retry a delivery that can never become acceptable, and after 8 failed tries Shopify
 * deletes the subscription. Deliveries are deduplicated by X-Shopify-Webhook-Id, which stays the
 * same across Shopify's retries, unless the flow sets its own dedupe expression.
 *
 * @example
 * { "trigger": { "type": "shopify.webhook", "credential": "shopify-acme",
 *   "config": { "topics": ["orders/create"] }, "businessKey": "body.name" } }
 */
export const shopifyWebhookTrigger = defineWebhookTrigger({
  type: 'shopify.webhook',
  title: 'Shopify webhook',
  description:
    'Starts the flow for each signed Shopify webhook delivery (orders, fulfillments, refunds, inventory levels).',
  configSchema: ShopifyWebhookConfigSchema,
  credential: { types: shopifyCredentialTypes, required: true },
  verify(ctx) {
    const { delivery, credential, config } = ctx;
    const check = verifyShopifyHmac(
      delivery.rawBody,
      delivery.headers.get('x-shopify-hmac-sha256'),
      credential.values.webhookSecret,
    );
    if (!check.valid) {
      throw new WebhookRejection(
        401,
        check.reason === 'missing-secret' ? 'WEBHOOK_SECRET_MISSING' : 'INVALID_SIGNATURE',
        check.message,
      );
    }
    const expectedShop = myshopifyDomainOf(credential.values.shop);
    const shop = delivery.headers.get('x-shopify-shop-domain')?.trim().toLowerCase();
    if (expectedShop && shop && shop !== expectedShop) {
      // One app's client secret signs for every shop it is installed on, so a valid signature
      // does not say the delivery is for this credential's shop.
      throw new WebhookRejection(
        403,
        'WRONG_SHOP',
        `The delivery comes from the shop ${shop}, not ${expectedShop} of this flow's credential; point that shop's webhook subscription at its own flow.`,
      );
    }
    const topic = delivery.headers.get('x-shopify-topic')?.trim() ?? '';
    const topics: readonly string[] = config.topics ?? DEFAULT_WEBHOOK_TOPICS;
    if (!topics.includes(topic)) return 'ignore';
    if (config.maxAgeSeconds !== undefined) {
      const triggeredAt = Date.parse(delivery.headers.get('x-shopify-triggered-at') ?? '');
      if (Number.isNaN(triggeredAt)) {
        throw new WebhookRejection(
          400,
          'MISSING_TRIGGERED_AT',
          'The delivery has no readable X-Shopify-Triggered-At header, so its age cannot be checked; Shopify sends one with every webhook.',
        );
      }
      if (ctx.now - triggeredAt > config.maxAgeSeconds * 1000) return 'ignore';
    }
    return 'accept';
  },
  dedupeKey: (delivery: WebhookDelivery) => delivery.headers.get('x-shopify-webhook-id') ?? undefined,
});

/** The `<shop>.myshopify.com` of a credential's shop, or undefined for a custom URL (the simulator). */
function myshopifyDomainOf(shop: string): string | undefined {
  const text = shop.trim().toLowerCase();
  if (/^[a-z0-9][a-z0-9-]*$/.test(text)) return `${text}.myshopify.com`;
  try {
    const host = new URL(/^https?:\/\//.test(text) ? text : `https://${text}`).hostname;
    return host.endsWith('.myshopify.com') ? host : undefined;
  } catch {
    return undefined;
  }
}
