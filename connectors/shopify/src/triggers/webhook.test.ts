import { createConnectorInvoker, type ResolvedCredential, WebhookRejection } from '@waybill/connector-kit';
import { describe, expect, it } from 'vitest';
import { shopifyConnector } from '../connector.js';
import { signShopifyWebhook } from '../webhook/verify-hmac.js';

/** The shopify.webhook trigger's verdicts on deliveries, as webhook intake asks for them. */

const invoker = createConnectorInvoker([shopifyConnector]);
const secret = 'shpss_client_secret';
const credential = (values: Record<string, string> = {}): ResolvedCredential => ({
  id: 'shopify-acme',
  type: 'shopify-admin',
  values: { shop: 'acme.myshopify.com', accessToken: 'shpat_x', webhookSecret: secret, ...values },
  allowedHosts: [],
});
const body = new TextEncoder().encode('{"id":450789469,"name":"#1001"}');
const now = Date.parse('2025-03-02T10:00:00Z');
const headers = (overrides: Record<string, string | undefined> = {}) => {
  const all: Record<string, string | undefined> = {
    'x-shopify-topic': 'orders/create',
    'x-shopify-hmac-sha256': signShopifyWebhook(body, secret),
    'x-shopify-shop-domain': 'acme.myshopify.com',
    'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    'x-shopify-triggered-at': '2025-03-02T09:59:58Z',
    ...overrides,
  };
  const result = new Headers();
  for (const [name, value] of Object.entries(all)) if (value !== undefined) result.set(name, value);
  return result;
};
const verify = (
  options: {
    headers?: Headers;
    config?: Record<string, unknown>;
    credential?: ResolvedCredential;
    rawBody?: Uint8Array;
  } = {},
) =>
  invoker.verifyWebhook({
    type: 'shopify.webhook',
    config: options.config ?? {},
    credential: options.credential ?? credential(),
    delivery: {
      rawBody: options.rawBody ?? body,
      headers: options.headers ?? headers(),
      method: 'POST',
      query: new URLSearchParams(),
    },
    now,
  });
const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebhookRejection)
      return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the delivery to be refused');
};

describe('shopify.webhook', () => {
  it('accepts a delivery signed with the credential’s client secret for a topic the flow takes', async () => {
    expect(await verify()).toBe('accept');
    expect(await verify({ config: { topics: ['orders/create', 'orders/updated'] } })).toBe('accept');
  });

  it('answers 200 without running a topic the flow does not take', async () => {
    expect(await verify({ headers: headers({ 'x-shopify-topic': 'products/update' }) })).toBe('ignore');
    expect(await verify({ config: { topics: ['refunds/create'] } })).toBe('ignore');
  });

  it('refuses a bad, missing, short or non-base64 signature with 401 and a sentence, never another error', async () => {
    const cases = [
      headers({ 'x-shopify-hmac-sha256': signShopifyWebhook(body, 'another secret') }),
      headers({ 'x-shopify-hmac-sha256': undefined }),
      headers({ 'x-shopify-hmac-sha256': 'c2hvcnQ=' }),
      headers({ 'x-shopify-hmac-sha256': '%%%' }),
    ];
    const results = await Promise.all(cases.map((delivery) => rejection(verify({ headers: delivery }))));
    expect(results.map((result) => [result.status, result.code])).toEqual([
      [401, 'INVALID_SIGNATURE'],
      [401, 'INVALID_SIGNATURE'],
      [401, 'INVALID_SIGNATURE'],
      [401, 'INVALID_SIGNATURE'],
    ]);
    expect(results.every((result) => /\.$/.test(result.message) && !result.message.includes(secret))).toBe(
      true,
    );
    expect(await rejection(verify({ rawBody: new TextEncoder().encode('{"id":1}') }))).toMatchObject({
      status: 401,
    });
  });

  it('refuses with 401 when the credential has no webhook secret, saying where to enter it', async () => {
    const { webhookSecret: _none, ...values } = credential().values;
    const result = await rejection(verify({ credential: { ...credential(), values } }));
    expect(result).toEqual({
      status: 401,
      code: 'WEBHOOK_SECRET_MISSING',
      message:
        "The credential has no webhook secret, so the delivery's signature cannot be checked; enter the app's client secret in the credential.",
    });
  });

  it("refuses with 403 a delivery for another shop signed with the same app's secret", async () => {
    const result = await rejection(
      verify({ headers: headers({ 'x-shopify-shop-domain': 'other-shop.myshopify.com' }) }),
    );
    expect(result).toMatchObject({ status: 403, code: 'WRONG_SHOP' });
    expect(result.message).toBe(
      "The delivery comes from the shop other-shop.myshopify.com, not acme.myshopify.com of this flow's credential; point that shop's webhook subscription at its own flow.",
    );
  });

  it('lets a stale delivery go with 200 when the flow sets maxAgeSeconds, and refuses one without a time', async () => {
    const config = { maxAgeSeconds: 3600 };
    expect(await verify({ config })).toBe('accept');
    expect(
      await verify({ config, headers: headers({ 'x-shopify-triggered-at': '2025-03-02T08:00:00Z' }) }),
    ).toBe('ignore');
    expect(
      await rejection(verify({ config, headers: headers({ 'x-shopify-triggered-at': undefined }) })),
    ).toMatchObject({
      status: 400,
      code: 'MISSING_TRIGGERED_AT',
    });
  });

  it('deduplicates by X-Shopify-Webhook-Id', () => {
    const trigger = shopifyConnector.triggers?.find((candidate) => candidate.type === 'shopify.webhook');
    const dedupe = trigger && 'dedupeKey' in trigger ? trigger.dedupeKey : undefined;
    expect(
      dedupe?.({ rawBody: body, headers: headers(), method: 'POST', query: new URLSearchParams() }),
    ).toBe('b54557e4-bdd9-4b37-8a5f-bf7d70bcd043');
  });

  it('takes the simulator as shop without checking the shop domain', async () => {
    expect(await verify({ credential: credential({ shop: 'http://127.0.0.1:8081' }) })).toBe('accept');
  });
});
