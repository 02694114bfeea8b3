import { createHash } from 'node:crypto';
import { userError } from '@waybill/connector-kit';

/**
 * SSH host key fingerprints in the form `ssh-keygen -l` prints: `SHA256:` and the unpadded base64
 * of the SHA-256 of the key blob. Admins copy them from the server's owner or from
 * `ssh-keyscan host | ssh-keygen -lf -`, in whatever form they get them, so several are accepted.
 */

/**
 * The fingerprint of a host key blob (the key as sent in the SSH handshake).
 *
 * @example
 * fingerprintOf(utils.parseKey(publicKeyText).getPublicSSH()); // 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8'
 */
export function fingerprintOf(keyBlob: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * Brings an admin's fingerprint to the `SHA256:<base64>` form: with or without the `SHA256:`
 * prefix and the base64 padding, or as 64 hex digits (colons allowed). Anything else, an MD5
 * fingerprint included, is a user error, because comparing against it could never succeed.
 *
 * @example
 * normaliseFingerprint('nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8='); // 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8'
 * normaliseFingerprint('MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48'); // throws INVALID_HOST_KEY_FINGERPRINT
 */
export function normaliseFingerprint(text: string): string {
  const trimmed = text.trim();
  const body = trimmed.replace(/^sha256:/i, '');
  const hex = body.replaceAll(':', '');
  if (/^[0-9a-f]{64}$/i.test(hex)) {
    return `SHA256:${Buffer.from(hex, 'hex').toString('base64').replace(/=+$/, '')}`;
  }
  const base64 = body.replace(/=+$/, '');
  if (/^[A-Za-z0-9+/]{43}$/.test(base64)) return `SHA256:${base64}`;
  throw userError({
    code: 'INVALID_HOST_KEY_FINGERPRINT',
    message: `The host key fingerprint "${trimmed.slice(0, 100)}" of the credential is not a SHA-256 fingerprint; enter it as ssh-keygen -l prints it, e.g. SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8.`,
  });
}
