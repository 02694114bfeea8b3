import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openCredentialValues, sealCredentialValues } from './credential-cipher.js';
import { CredentialDecryptionError } from './store-errors.js';

const key = randomBytes(32);

describe('credential cipher', () => {
  it('round-trips values and uses a fresh nonce every time', () => {
    const values = { token: 'shpat_secret', nested: { port: 8069 } };
    const a = sealCredentialValues(key, 'c1', values);
    const b = sealCredentialValues(key, 'c1', values);
    expect(a).toMatch(/^v1:/);
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
      /could not be decrypted: the secret key/,
    );
    expect(() => openCredentialValues(key, 'c1', 'v1:AAAA')).toThrow(/could not be decrypted/);
    expect(() => openCredentialValues(key, 'c1', 'v9:AAAA')).toThrow(
      /format this version of Waybill cannot read \(v9\)/,
    );
  });
});
