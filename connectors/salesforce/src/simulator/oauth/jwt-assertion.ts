import { createPublicKey, verify } from 'node:crypto';
import type { SimClient } from './sessions.js';

/**
 * Checks a JWT bearer assertion (RFC 7523) as Salesforce does: RS256 over `header.claims` with
 * the connected app's certificate, `iss` = the consumer key, `aud` = the authorisation server,
 * `exp` not passed, `sub` = a user who approved the app. Each refusal is the OAuth error body
 * Salesforce sends (HTTP 400).
 */

/**
 * Either the user the assertion signs in, or the OAuth error to answer.
 *
 * @example
 * const outcome: AssertionOutcome = { ok: false, error: 'invalid_grant', description: 'audience is invalid' };
 */
export type AssertionOutcome =
  | { ok: true; client: SimClient; username: string }
  | { ok: false; error: string; description: string };

/**
 * Verifies an assertion against the registered clients.
 *
 * @example
 * checkAssertion(assertion, { clients, audiences: ['http://127.0.0.1:53122'], now: Date.now() });
 */
export function checkAssertion(
  assertion: string,
  context: { clients: readonly SimClient[]; audiences: readonly string[]; now: number },
): AssertionOutcome {
  const invalid = { ok: false, error: 'invalid_grant', description: 'invalid assertion' } as const;
  const parts = assertion.split('.');
  const [headerPart, claimsPart, signaturePart] = parts;
  if (parts.length !== 3 || !headerPart || !claimsPart || !signaturePart) return invalid;
  const header = decode(headerPart);
  const claims = decode(claimsPart);
  if (!header || !claims || header.alg !== 'RS256') return invalid;
  const client = context.clients.find((candidate) => candidate.consumerKey === claims.iss);
  if (!client) return { ok: false, error: 'invalid_client_id', description: 'client identifier invalid' };
  if (
    !client.publicKeyPem ||
    !signatureHolds(client.publicKeyPem, `${headerPart}.${claimsPart}`, signaturePart)
  ) {
    return invalid;
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  const wanted = new Set(context.audiences.map(trimSlash));
  if (!audiences.some((audience) => typeof audience === 'string' && wanted.has(trimSlash(audience)))) {
    return { ok: false, error: 'invalid_grant', description: 'audience is invalid' };
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= context.now) {
    return { ok: false, error: 'invalid_grant', description: 'expired authorization code' };
  }
  if (typeof claims.sub !== 'string' || claims.sub.toLowerCase() !== client.username?.toLowerCase()) {
    return { ok: false, error: 'invalid_grant', description: "user hasn't approved this consumer" };
  }
  return { ok: true, client, username: client.username };
}

function signatureHolds(publicKeyPem: string, signed: string, signature: string): boolean {
  try {
    return verify(
      'RSA-SHA256',
      Buffer.from(signed),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    return false;
  }
}

function decode(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value))
      : undefined;
  } catch {
    return undefined;
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
