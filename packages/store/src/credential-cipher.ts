import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CredentialDecryptionError } from './store-errors.js';

/**
 * Credential values at rest: AES-256-GCM with a random 96-bit nonce per encryption. Stored text is
 * `v1:` + base64(nonce ‖ auth tag ‖ ciphertext). The version prefix leaves room for the planned
 * key hierarchy (per-record data keys, rotation) without guessing at old rows. The credential id
 * is bound in as additional authenticated data, so a ciphertext copied onto another credential
 * does not decrypt there.
 */

const FORMAT_V1 = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;

/**
 * Encrypts a credential's values for storage.
 *
 * @example
 * const sealed = sealCredentialValues(key, 'shopify-main', { token: 'shpat_…' }); // 'v1:…'
 */
export function sealCredentialValues(
  key: Buffer,
  credentialId: string,
  values: Record<string, unknown>,
): string {
  assertKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(associatedData(credentialId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
  return `${FORMAT_V1}:${Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
}

/**
 * Decrypts what sealCredentialValues stored. A wrong key or an altered value is a
 * CredentialDecryptionError with a sentence saying so, never a raw crypto error.
 *
 * @example
 * openCredentialValues(key, 'shopify-main', sealed); // { token: 'shpat_…' }
 */
export function openCredentialValues(
  key: Buffer,
  credentialId: string,
  sealed: string,
): Record<string, unknown> {
  assertKey(key);
  const separator = sealed.indexOf(':');
  const version = separator === -1 ? '' : sealed.slice(0, separator);
  if (version !== FORMAT_V1) {
    throw new CredentialDecryptionError(
      `Credential "${credentialId}" is stored in a format this version of Waybill cannot read${version ? ` (${version})` : ''}.`,
    );
  }
  const payload = Buffer.from(sealed.slice(separator + 1), 'base64');
  if (payload.length < NONCE_BYTES + TAG_BYTES) throw unreadable(credentialId);
  const decipher = createDecipheriv('aes-256-gcm', key, payload.subarray(0, NONCE_BYTES));
  decipher.setAAD(associatedData(credentialId));
  decipher.setAuthTag(payload.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  let plaintext: string;
  try {
    plaintext = Buffer.concat([
      decipher.update(payload.subarray(NONCE_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch (error) {
    throw unreadable(credentialId, error);
  }
  const values: unknown = JSON.parse(plaintext);
  if (!values || typeof values !== 'object' || Array.isArray(values)) throw unreadable(credentialId);
  return values as Record<string, unknown>;
}

function associatedData(credentialId: string): Buffer {
  return Buffer.from(`waybill-credential:${credentialId}`, 'utf8');
}

function unreadable(credentialId: string, cause?: unknown): CredentialDecryptionError {
  return new CredentialDecryptionError(
    `Credential "${credentialId}" could not be decrypted: the secret key (WAYBILL_SECRET_KEY or the key file) is not the one it was saved with, or the stored value was altered. Restore the original key, or enter the credential again.`,
    { cause },
  );
}

function assertKey(key: Buffer): void {
  if (key.length !== SECRET_KEY_BYTES) {
    throw new Error(`The secret key must be ${SECRET_KEY_BYTES} bytes; it is ${key.length}.`);
  }
}
