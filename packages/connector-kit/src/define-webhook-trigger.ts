import type { Static, TSchema } from '@sinclair/typebox';
import type { CredentialType } from './credential-type.js';
import type { CredentialFor, OperationCredential } from './define-operation.js';

/** A delivery as it reached Waybill: the raw bytes its signature was computed over, and its headers. */
export interface WebhookDelivery {
  rawBody: Uint8Array;
  headers: Headers;
  method: string;
  query: URLSearchParams;
}

/**
 * What a webhook trigger's `verify` receives: its checked config, its credential (the secret the
 * sender signs with) and the delivery.
 *
 * @example
 * verify: (ctx) => { if (!signed(ctx.delivery, ctx.credential.values.secret)) throw new WebhookRejection(401, 'INVALID_SIGNATURE', '…'); }
 */
export interface WebhookVerifyContext<TConfig, TCredential> {
  config: TConfig;
  credential: TCredential;
  delivery: WebhookDelivery;
  /** Milliseconds since the epoch, for staleness checks. */
  now: number;
}

/**
 * A delivery refused before anything is stored: a wrong signature (401), a stale or malformed
 * delivery (400). The message is a sentence for the sender's developers and the intake log.
 *
 * @example
 * throw new WebhookRejection(401, 'INVALID_SIGNATURE', 'The X-Shopify-Hmac-Sha256 header does not match the body.');
 */
export class WebhookRejection extends Error {
  override readonly name = 'WebhookRejection';
  constructor(
    readonly status: 400 | 401 | 403 | 409 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * accept: store and run it; ignore: answer 200 without running (a topic this flow does not take,
 * a test ping), so the sender stops retrying.
 */
export type WebhookVerdict = 'accept' | 'ignore';

/**
 * A trigger for deliveries an external system pushes to `POST /hooks/<flow>`, with the system's
 * own way of proving them (Shopify's HMAC header, a Salesforce outbound message…). Intake calls
 * `verify` on the raw body before storing anything. `verify` uses method syntax so specific
 * triggers stay assignable to the general type.
 *
 * @example
 * const triggers: WebhookTrigger[] = [shopifyWebhook];
 */
export interface WebhookTrigger<
  TConfig extends TSchema = TSchema,
  TTypes extends readonly CredentialType[] = readonly CredentialType[],
  TRequired extends boolean = boolean,
> {
  kind: 'webhook';
  /** `<connector>.<name>`, e.g. `shopify.webhook`. */
  type: string;
  title: string;
  description: string;
  configSchema: TConfig;
  credential?: OperationCredential<TTypes, TRequired>;
  verify(
    ctx: WebhookVerifyContext<Static<TConfig>, CredentialFor<TTypes, TRequired>>,
  ): WebhookVerdict | undefined | Promise<WebhookVerdict | undefined>;
  /** The delivery's own id (e.g. a webhook-id header), used when the flow sets no dedupe expression. */
  dedupeKey?(delivery: WebhookDelivery): string | undefined;
}

/**
 * Declares a webhook trigger with `ctx.config` and `ctx.credential` typed from its schema and
 * credential types.
 *
 * @example
 * export const shopifyWebhook = defineWebhookTrigger({ type: 'shopify.webhook', title: 'Shopify webhook', description: '…',
 *   configSchema: Type.Object({}), credential: { types: [shopifyAdmin], required: true },
 *   verify: (ctx) => checkHmac(ctx.delivery, ctx.credential.values.webhookSecret),
 *   dedupeKey: (delivery) => delivery.headers.get('x-shopify-webhook-id') ?? undefined });
 */
export function defineWebhookTrigger<
  TConfig extends TSchema,
  const TTypes extends readonly CredentialType[] = readonly [],
  TRequired extends boolean = false,
>(
  definition: Omit<WebhookTrigger<TConfig, TTypes, TRequired>, 'kind'>,
): WebhookTrigger<TConfig, TTypes, TRequired> {
  return { kind: 'webhook', ...definition };
}
