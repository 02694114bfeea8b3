import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, normaliseFingerprint } from './host-key.js';
import { rejection } from './test-support.js';

// ssh2 is CommonJS: Node's ESM loader gives only its default export.
const { utils } = ssh2;

describe('host key fingerprints', () => {
  it('are computed as ssh-keygen -l prints them', () => {
    const key = utils.parseKey(utils.generateKeyPairSync('ed25519').public);
    if (key instanceof Error) throw key;
    expect(fingerprintOf(key.getPublicSSH())).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('are accepted with or without prefix and padding, or as hex', () => {
    const base64 = 'nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8';
    const expected = `SHA256:${base64}`;
    expect(normaliseFingerprint(expected)).toBe(expected);
    expect(normaliseFingerprint(` ${base64}= `)).toBe(expected);
    const hex = Buffer.from(`${base64}=`, 'base64').toString('hex');
    expect(normaliseFingerprint(hex.replace(/(..)(?!$)/g, '$1:'))).toBe(expected);
  });

  it('refuse MD5 and other forms with a user error', async () => {
    for (const text of ['MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48', 'SHA256:short', '']) {
      expect(await rejection(Promise.resolve().then(() => normaliseFingerprint(text)))).toMatchObject({
        code: 'INVALID_HOST_KEY_FINGERPRINT',
      });
    }
  });
});
