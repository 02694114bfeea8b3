import { defineCredentialType } from '@waybill/connector-kit';

/**
 * The shared secret of inbound webhooks: a `core.webhook` trigger checks each delivery's HMAC
 * signature with it, or takes deliveries only at `/hooks/<flow>/<secret>`. Registered by the HTTP
 * connector so it appears in the catalog and the studio's credential form; no outbound call uses
 * it, so it has no test.
 *
 * @example
 * const credential = { id: 'shopify-hooks', type: 'webhook-secret', values: { secret: 'whsec_…' }, allowedHosts: [] };
 */
export const webhookSecret = defineCredentialType({
  type: 'webhook-secret',
  title: 'Webhook secret',
  description: 'The secret a sender signs webhook deliveries with (or puts in the secret path).',
  fields: [
    {
      name: 'secret',
      label: 'Secret',
      secret: true,
      required: true,
      description: 'As the sending system shows it, e.g. the signing secret of a Shopify webhook.',
    },
  ],
});
