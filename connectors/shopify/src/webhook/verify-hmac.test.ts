import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signShopifyWebhook, verifyShopifyHmac } from './verify-hmac.js';

/**
 * Signature vectors for Shopify's webhook HMAC: base64(HMAC-SHA256(client secret, raw body)).
 * The first vector is RFC 4231's test case 2 (key "Jefe"), its hex digest written in base64, so
 * it does not come from the code under test.
 */

const RFC_4231_BODY = 'what do ya want for nothing?';
const RFC_4231_DIGEST = Buffer.from(
  '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  'hex',
).toString('base64');

const secret = 'hush';
const body = '{"id":450789469,"name":"#1001"}';
const digest = createHmac('sha256', secret).update(body, 'utf8').digest('base64');

describe('verifyShopifyHmac', () => {
  it('accepts the signature Shopify computes over the raw body', () => {
    expect(RFC_4231_DIGEST).toBe('W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=');
    expect(verifyShopifyHmac(RFC_4231_BODY, RFC_4231_DIGEST, 'Jefe')).toEqual({ valid: true });
    expect(digest).toBe('Y3S0OcgdRab3yE7clVq/m9rzY5a6y13OKkjMFe0FjeI=');
    expect(verifyShopifyHmac(body, digest, secret)).toEqual({ valid: true });
    expect(verifyShopifyHmac(new TextEncoder().encode(body), digest, secret)).toEqual({ valid: true });
    expect(signShopifyWebhook(body, secret)).toBe(digest);
  });

  it('refuses a body changed by a single byte', () => {
    expect(verifyShopifyHmac(body.replace('1001', '1002'), digest, secret)).toMatchObject({
      valid: false,
      reason: 'mismatch',
    });
    // Re-serialised JSON is a different body: verification must run on the bytes as received.
    expect(verifyShopifyHmac(JSON.stringify(JSON.parse(body), null, 1), digest, secret)).toMatchObject({
      valid: false,
      reason: 'mismatch',
    });
  });

  it('refuses a signature made with another secret, saying which secret to check', () => {
    const result = verifyShopifyHmac(body, signShopifyWebhook(body, 'other'), secret);
    expect(result).toEqual({
      valid: false,
      reason: 'mismatch',
      message:
        "The X-Shopify-Hmac-Sha256 header does not match the body; check that the credential's webhook secret is the client secret of the app that sends these webhooks.",
    });
  });

  it('refuses a signature of the wrong length without throwing', () => {
    const short = Buffer.from('0123456789abcdef').toString('base64');
    expect(verifyShopifyHmac(body, short, secret)).toMatchObject({ valid: false, reason: 'wrong-length' });
    expect(verifyShopifyHmac(body, `${digest.slice(0, -1)}AA==`, secret)).toMatchObject({ valid: false });
  });

  it('refuses a missing or empty header', () => {
    expect(verifyShopifyHmac(body, null, secret)).toMatchObject({ valid: false, reason: 'missing-header' });
    expect(verifyShopifyHmac(body, undefined, secret)).toMatchObject({
      valid: false,
      reason: 'missing-header',
    });
    expect(verifyShopifyHmac(body, '   ', secret)).toMatchObject({ valid: false, reason: 'missing-header' });
  });

  it('refuses a header that is not base64, hex digests included', () => {
    const hex = createHmac('sha256', secret).update(body).digest('hex');
    expect(verifyShopifyHmac(body, '***not base64***', secret)).toMatchObject({
      valid: false,
      reason: 'malformed',
    });
    expect(verifyShopifyHmac(body, hex, secret)).toMatchObject({ valid: false });
    expect(verifyShopifyHmac(body, 'abc', secret)).toMatchObject({ valid: false, reason: 'malformed' });
  });

  it('cannot verify without a secret and says so', () => {
    expect(verifyShopifyHmac(body, digest, undefined)).toMatchObject({
      valid: false,
      reason: 'missing-secret',
    });
    expect(verifyShopifyHmac(body, digest, '')).toMatchObject({ valid: false, reason: 'missing-secret' });
  });
});
