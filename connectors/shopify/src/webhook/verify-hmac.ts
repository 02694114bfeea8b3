import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The outcome of checking a delivery's `X-Shopify-Hmac-Sha256` header: valid, or why not, as a
 * stable reason and a sentence for the intake log.
 *
 * @example
 * const result: HmacCheck = { valid: false, reason: 'mismatch', message: 'The X-Shopify-Hmac-Sha256 header does not match the body …' };
 */
export type HmacCheck =
  | { valid: true }
  | {
      valid: false;
      reason: 'missing-header' | 'missing-secret' | 'malformed' | 'wrong-length' | 'mismatch';
      message: string;
    };

const SHA256_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Checks Shopify's webhook signature: the base64 HMAC-SHA256 of the raw body keyed with the app's
 * client secret, compared in constant time. Pure and total: a missing, malformed or
 * wrong-length header is an answer, never an exception, so intake can turn it into a 401.
 *
 * @example
 * const header = createHmac('sha256', secret).update(body).digest('base64');
 * verifyShopifyHmac(body, header, secret); // { valid: true }
 * verifyShopifyHmac(body, 'AAAA', secret); // { valid: false, reason: 'wrong-length', message: '…' }
 */
export function verifyShopifyHmac(
  rawBody: Uint8Array | string,
  header: string | null | undefined,
  secret: string | undefined,
): HmacCheck {
  if (!secret) {
    return {
      valid: false,
      reason: 'missing-secret',
      message:
        "The credential has no webhook secret, so the delivery's signature cannot be checked; enter the app's client secret in the credential.",
    };
  }
  const value = header?.trim() ?? '';
  if (value === '') {
    return {
      valid: false,
      reason: 'missing-header',
      message:
        'The delivery has no X-Shopify-Hmac-Sha256 header; only deliveries signed by Shopify are taken.',
    };
  }
  if (!BASE64.test(value) || value.length % 4 !== 0) {
    return {
      valid: false,
      reason: 'malformed',
      message: 'The X-Shopify-Hmac-Sha256 header is not base64; only deliveries signed by Shopify are taken.',
    };
  }
  const given = Buffer.from(value, 'base64');
  if (given.length !== SHA256_BYTES) {
    return {
      valid: false,
      reason: 'wrong-length',
      message: `The X-Shopify-Hmac-Sha256 header holds ${given.length} bytes instead of the 32 of an HMAC-SHA256; only deliveries signed by Shopify are taken.`,
    };
  }
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  if (!timingSafeEqual(given, expected)) {
    return {
      valid: false,
      reason: 'mismatch',
      message:
        "The X-Shopify-Hmac-Sha256 header does not match the body; check that the credential's webhook secret is the client secret of the app that sends these webhooks.",
    };
  }
  return { valid: true };
}

/**
 * The header value Shopify would send for a body: base64 HMAC-SHA256 with the client secret. Used
 * by the simulator and tests.
 *
 * @example
 * signShopifyWebhook('{"id":1}', 'secret'); // 'x2S…='
 */
export function signShopifyWebhook(rawBody: Uint8Array | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}
