import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  openCredentialValues,
  rewrapCredentialValues,
  sealCredentialValues,
  sealedKeyId,
} from './credential-cipher.js';
import { createKeyring, keyId } from './keyring.js';
import { CredentialDecryptionError } from './store-errors.js';

const key = randomBytes(32);

describe('credential cipher', () => {
  it('round-trips values and uses a fresh nonce every time', () => {
    const values = { token: 'shpat_secret', nested: { port: 8069 } };
    const a = sealCredentialValues(key, 'c1', values);
    const b = sealCredentialValues(key, 'c1', values);
    expect(a).toMatch(new RegExp(`^v2:${keyId(key)}:`));
    expect(a).not.toBe(b);
    expect(a).not.toContain('shpat_secret');
    expect(openCredentialValues(key, 'c1', a)).toEqual(values);
  });

  it('refuses a ciphertext moved onto another credential', () => {
    const sealed = sealCredentialValues(key, 'c1', { token: 't' });
    expect(() => openCredentialValues(key, 'c2', sealed)).toThrow(CredentialDecryptionError);
  });

  it('explains a wrong key, a damaged value and an unknown format in sentences', () => {
    const sealed = sealCredentialValues(key, 'c1', { token: 't' });
    expect(() => openCredentialValues(randomBytes(32), 'c1', sealed)).toThrow(
      new RegExp(`wrapped with the master key ${keyId(key)}, which this process does not have`),
    );
    expect(() => openCredentialValues(key, 'c1', 'v1:AAAA')).toThrow(/could not be decrypted/);
    expect(() => openCredentialValues(key, 'c1', 'v9:AAAA')).toThrow(
      /format this version of Waybill cannot read \(v9\)/,
    );
  });

  it('rotates by rewrapping the data key only, leaving the values ciphertext as it was', () => {
    const newer = randomBytes(32);
    const sealed = sealCredentialValues(key, 'c1', { token: 'shpat_secret' });
    const ring = createKeyring([newer, key]);
    const rotated = rewrapCredentialValues(ring, 'c1', sealed);
    expect(rotated && sealedKeyId(rotated)).toBe(keyId(newer));
    expect(rotated?.split(':')[3]).toBe(sealed.split(':')[3]);
    expect(openCredentialValues(newer, 'c1', rotated ?? '')).toEqual({ token: 'shpat_secret' });
    expect(rewrapCredentialValues(ring, 'c1', rotated ?? '')).toBeUndefined();
  });

  it('reads values stored in the v1 format with any key of the ring, and rotates them to v2', () => {
    const legacy = encryptV1(key, 'c1', { password: 'hunter2' });
    const ring = createKeyring([randomBytes(32), key]);
    expect(openCredentialValues(ring, 'c1', legacy)).toEqual({ password: 'hunter2' });
    const rotated = rewrapCredentialValues(ring, 'c1', legacy);
    expect(rotated && sealedKeyId(rotated)).toBe(ring.activeId);
    expect(openCredentialValues(ring, 'c1', rotated ?? '')).toEqual({ password: 'hunter2' });
  });
});

/** The v1 format as earlier versions wrote it: values encrypted with the master key directly. */
function encryptV1(master: Buffer, credentialId: string, values: Record<string, unknown>): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master, nonce);
  cipher.setAAD(Buffer.from(`waybill-credential:${credentialId}`, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
}
