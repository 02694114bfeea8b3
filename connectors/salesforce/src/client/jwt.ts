import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import { userError } from '@waybill/connector-kit';

/**
 * The claims of a JWT bearer assertion (RFC 7523) for Salesforce.
 *
 * @example
 * const claims: AssertionClaims = { consumerKey: '3MVG9…', username: 'bot@acme.com', audience: 'https://login.salesforce.com' };
 */
export interface AssertionClaims {
  consumerKey: string;
  username: string;
  audience: string;
}

/** Salesforce accepts assertions that expire within three minutes; this leaves room for clock skew. */
const LIFETIME_SECONDS = 170;

/**
 * Signs an assertion with RS256 (RSASSA-PKCS1-v1_5 over SHA-256): `iss` is the consumer key,
 * `sub` the username, `aud` the authorisation server, `exp` under three minutes from now.
 *
 * @example
 * const assertion = signAssertion({ consumerKey, username, audience }, privateKeyPem, 'sf-prod');
 * // 'eyJhbGciOiJSUzI1NiJ9.eyJpc3Mi….<signature>'
 */
export function signAssertion(
  claims: AssertionClaims,
  privateKeyPem: string,
  credentialId: string,
  now: number = Date.now(),
): string {
  const key = privateKeyOf(privateKeyPem, credentialId);
  const header = encode({ alg: 'RS256' });
  const payload = encode({
    iss: claims.consumerKey,
    sub: claims.username,
    aud: claims.audience,
    exp: Math.floor(now / 1000) + LIFETIME_SECONDS,
  });
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/**
 * The RSA private key of a PEM text. Keys pasted into a one-line field often arrive with literal
 * "\n" sequences, which are turned back into line breaks. The error never quotes the key.
 *
 * @example
 * privateKeyOf('-----BEGIN PRIVATE KEY-----\nMIIE…\n-----END PRIVATE KEY-----', 'sf-prod').asymmetricKeyType; // 'rsa'
 */
export function privateKeyOf(privateKeyPem: string, credentialId: string): KeyObject {
  const text = privateKeyPem.includes('\\n') ? privateKeyPem.replace(/\\n/g, '\n') : privateKeyPem;
  let key: KeyObject;
  try {
    key = createPrivateKey(text.trim());
  } catch {
    throw userError({
      code: 'SALESFORCE_INVALID_PRIVATE_KEY',
      message: `The private key of the credential "${credentialId}" is not a PEM private key; paste the whole key, from "-----BEGIN PRIVATE KEY-----" (or "BEGIN RSA PRIVATE KEY") to its END line.`,
    });
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw userError({
      code: 'SALESFORCE_INVALID_PRIVATE_KEY',
      message: `The private key of the credential "${credentialId}" is a ${key.asymmetricKeyType ?? 'non-RSA'} key; Salesforce's JWT bearer flow needs an RSA key (RS256).`,
    });
  }
  return key;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
