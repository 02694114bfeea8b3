import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookSignature } from '@waybill/flow';

const ALGORITHMS = { 'hmac-sha256': 'sha256', 'hmac-sha1': 'sha1', 'hmac-sha512': 'sha512' } as const;

/**
 * Checks an HMAC signature over the raw request body in constant time. A missing header, a header
 * of the wrong length or one that does not decode is simply not valid: never an exception, so a
 * bad signature is always a 401 and never a 500.
 *
 * @example
 * verifySignature(rawBody, headers.get('x-hub-signature-256'), secret,
 *   { header: 'x-hub-signature-256', algorithm: 'hmac-sha256', encoding: 'hex', prefix: 'sha256=' }); // true
 */
export function verifySignature(
  body: Uint8Array,
  header: string | null | undefined,
  secret: string,
  config: WebhookSignature,
): boolean {
  if (!header) return false;
  let value = header.trim();
  if (config.prefix) {
    if (!value.startsWith(config.prefix)) return false;
    value = value.slice(config.prefix.length);
  }
  const expected = createHmac(ALGORITHMS[config.algorithm], secret).update(body).digest();
  const given = decode(value, config.encoding);
  // timingSafeEqual throws on different lengths; a wrong length is just a wrong signature.
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

function decode(value: string, encoding: 'hex' | 'base64'): Buffer | undefined {
  if (encoding === 'hex')
    return /^[0-9a-fA-F]*$/.test(value) && value.length % 2 === 0 ? Buffer.from(value, 'hex') : undefined;
  return /^[A-Za-z0-9+/]*={0,2}$/.test(value) ? Buffer.from(value, 'base64') : undefined;
}

/**
 * The signature a sender computes, for tests and for the studio's "send a test webhook".
 *
 * @example
 * signBody('{"a":1}', 'secret', { header: 'x-signature', algorithm: 'hmac-sha256', encoding: 'hex' });
 */
export function signBody(body: string | Uint8Array, secret: string, config: WebhookSignature): string {
  const digest = createHmac(ALGORITHMS[config.algorithm], secret).update(body).digest(config.encoding);
  return `${config.prefix ?? ''}${digest}`;
}
