import {
  type CredentialTest,
  type CredentialTestResult,
  defineCredentialType,
  type TypedCredential,
  toErrorInfo,
} from '@waybill/connector-kit';
import { openFileStore } from './open-store.js';

/**
 * The credential types of the EDI file transport. A folder credential names the one directory
 * tree its nodes may touch; an SFTP credential names the server, the login and optionally the
 * directory tree on it. The SFTP host follows the address rules of HTTP calls: a private or
 * loopback server (on-premises, or the test server on 127.0.0.1) needs its host in the
 * credential record's allowed hosts.
 */

/**
 * A local or mounted directory, set by an admin. Every path a node names is resolved inside it;
 * `..`, absolute paths and symlinks that lead out of it are refused.
 *
 * @example
 * const credential = { id: 'acme-folder', type: 'edi-folder', values: { root: '/srv/edi/acme' }, allowedHosts: [] };
 */
export const ediFolder = defineCredentialType({
  type: 'edi-folder',
  title: 'EDI folder',
  description:
    'A directory on the Waybill server (or a share mounted on it) where interchanges are exchanged.',
  fields: [
    {
      name: 'root',
      label: 'Root folder',
      secret: false,
      required: true,
      description: 'Absolute path, e.g. /srv/edi/acme; nodes can reach only files below it.',
    },
  ],
  test: (context) => testStore('edi-folder', context),
});

/**
 * An SFTP server, with a password or a private key (optionally encrypted), the host key
 * fingerprint to insist on, and the directory to work in.
 *
 * @example
 * const credential = { id: 'acme-sftp', type: 'edi-sftp', allowedHosts: [],
 *   values: { host: 'sftp.acme.example', port: '22', username: 'waybill', privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----…',
 *     hostKeySha256: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8', root: 'edi' } };
 */
export const ediSftp = defineCredentialType({
  type: 'edi-sftp',
  title: 'EDI SFTP server',
  description: "A trading partner's or a VAN's SFTP server.",
  fields: [
    { name: 'host', label: 'Host', secret: false, required: true, description: 'e.g. sftp.partner.example' },
    { name: 'port', label: 'Port', secret: false, required: false, description: '22 when empty.' },
    { name: 'username', label: 'User name', secret: false, required: true },
    { name: 'password', label: 'Password', secret: true, required: false },
    {
      name: 'privateKey',
      label: 'Private key',
      secret: true,
      required: false,
      description: 'OpenSSH or PEM private key, used instead of (or besides) the password.',
    },
    { name: 'passphrase', label: 'Key passphrase', secret: true, required: false },
    {
      name: 'hostKeySha256',
      label: 'Host key fingerprint',
      secret: false,
      required: false,
      description:
        'SHA256:… as `ssh-keygen -l` prints it. When set, any other server key is refused; when empty, any key is accepted and logged.',
    },
    {
      name: 'root',
      label: 'Root directory',
      secret: false,
      required: false,
      description: 'Absolute, or relative to the login directory; the login directory when empty.',
    },
  ],
  test: (context) => testStore('edi-sftp', context),
});

/**
 * Every credential type the EDI transport accepts.
 *
 * @example
 * ediTransportCredentialTypes.map((credentialType) => credentialType.type); // ['edi-folder', 'edi-sftp']
 */
export const ediTransportCredentialTypes = [ediFolder, ediSftp] as const;

/**
 * What the transport operation and trigger declare as their credential: one of the two, required.
 *
 * @example
 * defineOperation({ ..., credential: EDI_TRANSPORT_CREDENTIAL, run: async (ctx) => openFileStore(ctx.credential) });
 */
export const EDI_TRANSPORT_CREDENTIAL = { types: ediTransportCredentialTypes, required: true } as const;

/**
 * A transport credential as an operation sees it.
 *
 * @example
 * const credential: EdiTransportCredential = { id: 'acme', type: 'edi-folder', values: { root: '/srv/edi' }, allowedHosts: [] };
 */
export type EdiTransportCredential = TypedCredential<(typeof ediTransportCredentialTypes)[number]>;

/** Connects (for SFTP: resolves, checks the address, verifies the host key, signs in) and lists the root. */
async function testStore(
  type: 'edi-folder' | 'edi-sftp',
  context: Parameters<CredentialTest>[0],
): Promise<CredentialTestResult> {
  try {
    const store = await openFileStore(
      { type, values: context.values, allowedHosts: context.allowedHosts },
      { signal: context.signal },
    );
    try {
      const files = await store.list('');
      const count = `${files.length} file${files.length === 1 ? '' : 's'}`;
      if (!store.hostKeySha256)
        return { ok: true, message: `The folder ${store.location} is readable; it holds ${count}.` };
      return {
        ok: true,
        message:
          `Signed in to ${store.location} (host key ${store.hostKeySha256}) and listed ${count}.` +
          (context.values.hostKeySha256
            ? ''
            : ' Enter this host key fingerprint in the credential so that a different server is refused.'),
      };
    } finally {
      await store.close();
    }
  } catch (error) {
    return { ok: false, message: toErrorInfo(error).message };
  }
}
