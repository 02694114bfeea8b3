import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createKeyring, type Keyring, SECRET_KEY_BYTES } from './keyring.js';
import { CredentialDecryptionError } from './store-errors.js';

/**
 * Credential values at rest, in a two-level key hierarchy: each credential's values are encrypted
 * with a data key of its own (AES-256-GCM, random 96-bit nonce), and the data key is wrapped with
 * a master key (WAYBILL_SECRET_KEY or the key file). Rotating the master key rewraps the small data
 * keys only; the values' ciphertext stays as it is. Stored text:
 *
 *   v2:<master key id>:<base64(nonce ‖ tag ‖ wrapped data key)>:<base64(nonce ‖ tag ‖ ciphertext)>
 *
 * The credential id is bound in as additional authenticated data at both levels, so a ciphertext
 * copied onto another credential does not decrypt there. `v1:` rows (values encrypted with the
 * master key directly) are still read, and rotation turns them into v2.
 */

const FORMAT_V1 = 'v1';
const FORMAT_V2 = 'v2';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export { SECRET_KEY_BYTES };

type KeyInput = Buffer | Keyring;
const ringOf = (key: KeyInput): Keyring => (Buffer.isBuffer(key) ? createKeyring([key]) : key);

/**
 * Encrypts a credential's values for storage under the active master key.
 *
 * @example
 * const sealed = sealCredentialValues(keyring, 'shopify-main', { token: 'shpat_…' }); // 'v2:…'
 */
export function sealCredentialValues(
  key: KeyInput,
  credentialId: string,
  values: Record<string, unknown>,
): string {
  const ring = ringOf(key);
  const dataKey = randomBytes(SECRET_KEY_BYTES);
  const body = encrypt(dataKey, Buffer.from(JSON.stringify(values), 'utf8'), associatedData(credentialId));
  return `${FORMAT_V2}:${ring.activeId}:${wrap(ring.active, dataKey, credentialId)}:${body}`;
}

/**
 * Decrypts what sealCredentialValues stored. A wrong key or an altered value is a
 * CredentialDecryptionError with a sentence saying so, never a raw crypto error.
 *
 * @example
 * openCredentialValues(keyring, 'shopify-main', sealed); // { token: 'shpat_…' }
 */
export function openCredentialValues(
  key: KeyInput,
  credentialId: string,
  sealed: string,
): Record<string, unknown> {
  const ring = ringOf(key);
  const [version, ...parts] = sealed.split(':');
  let plaintext: Buffer;
  if (version === FORMAT_V2 && parts.length === 3) {
    const [masterId = '', wrapped = '', body = ''] = parts;
    const master = ring.get(masterId);
    if (!master) throw unknownKey(credentialId, masterId);
    const dataKey = decrypt(master, wrapped, dataKeyData(credentialId), credentialId);
    plaintext = decrypt(dataKey, body, associatedData(credentialId), credentialId);
  } else if (version === FORMAT_V1 && parts.length === 1) {
    plaintext = openV1(ring, credentialId, parts[0] ?? '');
  } else {
    throw new CredentialDecryptionError(
      `Credential "${credentialId}" is stored in a format this version of Waybill cannot read${version ? ` (${version})` : ''}.`,
    );
  }
  const values: unknown = JSON.parse(plaintext.toString('utf8'));
  if (!values || typeof values !== 'object' || Array.isArray(values)) throw unreadable(credentialId);
  return values as Record<string, unknown>;
}

/**
 * The stored text re-keyed under the active master key: a v2 credential gets its data key
 * rewrapped (the values' ciphertext is kept), a v1 credential is encrypted afresh. Undefined when
 * it already uses the active key.
 *
 * @example
 * const rotated = rewrapCredentialValues(keyring, 'shopify-main', row.secret); // 'v2:<new id>:…' or undefined
 */
export function rewrapCredentialValues(
  ring: Keyring,
  credentialId: string,
  sealed: string,
): string | undefined {
  const [version, masterId, wrapped, body] = sealed.split(':');
  if (version === FORMAT_V2 && masterId === ring.activeId) return undefined;
  if (version !== FORMAT_V2 || masterId === undefined || wrapped === undefined || body === undefined) {
    return sealCredentialValues(ring, credentialId, openCredentialValues(ring, credentialId, sealed));
  }
  const master = ring.get(masterId);
  if (!master) throw unknownKey(credentialId, masterId);
  const dataKey = decrypt(master, wrapped, dataKeyData(credentialId), credentialId);
  return `${FORMAT_V2}:${ring.activeId}:${wrap(ring.active, dataKey, credentialId)}:${body}`;
}

/**
 * The id of the master key a stored credential is wrapped with; undefined for v1 rows.
 *
 * @example
 * sealedKeyId('v2:66687aadf862bd77:…'); // '66687aadf862bd77'
 */
export function sealedKeyId(sealed: string): string | undefined {
  const [version, masterId] = sealed.split(':');
  return version === FORMAT_V2 ? masterId : undefined;
}

function wrap(master: Buffer, dataKey: Buffer, credentialId: string): string {
  return encrypt(master, dataKey, dataKeyData(credentialId));
}

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]).toString('base64');
}

function decrypt(key: Buffer, encoded: string, aad: Buffer, credentialId: string): Buffer {
  const payload = Buffer.from(encoded, 'base64');
  if (payload.length < NONCE_BYTES + TAG_BYTES) throw unreadable(credentialId);
  const decipher = createDecipheriv('aes-256-gcm', key, payload.subarray(0, NONCE_BYTES));
  decipher.setAAD(aad);
  decipher.setAuthTag(payload.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(payload.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  } catch (error) {
    throw unreadable(credentialId, error);
  }
}

/** v1 rows name no key: any key of the ring may be the one they were saved with. */
function openV1(ring: Keyring, credentialId: string, encoded: string): Buffer {
  let failure: unknown;
  for (const key of ring.all) {
    try {
      return decrypt(key, encoded, associatedData(credentialId), credentialId);
    } catch (error) {
      failure = error;
    }
  }
  throw failure instanceof CredentialDecryptionError ? failure : unreadable(credentialId, failure);
}

function dataKeyData(credentialId: string): Buffer {
  return Buffer.from(`waybill-data-key:${credentialId}`, 'utf8');
}

function unknownKey(credentialId: string, masterId: string): CredentialDecryptionError {
  return new CredentialDecryptionError(
    `Credential "${credentialId}" is wrapped with the master key ${masterId}, which this process does not have; add that key to WAYBILL_SECRET_KEY or the key file (after a rotation, restart processes started before it).`,
    { keyId: masterId },
  );
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
