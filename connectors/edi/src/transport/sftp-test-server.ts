import { timingSafeEqual } from 'node:crypto';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection, ParsedKey } from 'ssh2';
import ssh2 from 'ssh2';
import { fingerprintOf } from './host-key.js';
import { type SftpTestFaults, serveSftp } from './sftp-test-handlers.js';

// ssh2 is CommonJS: Node's ESM loader gives only its default export.
const { Server, utils } = ssh2;

/**
 * A real SFTP server for tests: ssh2's SSH server on 127.0.0.1 with a fresh host key, password
 * and public-key login, and an SFTP subsystem served from a temporary directory. Clients reach it
 * over TCP exactly as they reach a partner's server.
 */

/**
 * Options of the test server.
 *
 * @example
 * const server = await startSftpTestServer({ username: 'acme', password: 'secret' });
 */
export interface SftpTestServerOptions {
  username?: string;
  password?: string;
  /** The directory served (and the login directory); a fresh temporary one when absent. */
  root?: string;
}

/**
 * A running test server and what a credential needs to reach it.
 *
 * @example
 * const server = await startSftpTestServer();
 * const values = { host: server.host, port: String(server.port), username: server.username,
 *   password: server.password, hostKeySha256: server.hostKeySha256 };
 * await server.close();
 */
export interface SftpTestServer {
  host: string;
  port: number;
  /** The real path of the served directory, which is also the login directory. */
  root: string;
  username: string;
  password: string;
  /** `SHA256:…` of the server's host key. */
  hostKeySha256: string;
  /** An unencrypted OpenSSH private key the server accepts for `username`. */
  clientPrivateKey: string;
  /** An encrypted private key the server accepts, and its passphrase. */
  encryptedClientKey: { privateKey: string; passphrase: string };
  /** Flip these to make the server fail or stall requests. */
  faults: SftpTestFaults;
  close(): Promise<void>;
}

/**
 * Starts a test SFTP server on 127.0.0.1 on a free port.
 *
 * @example
 * const server = await startSftpTestServer();
 * // credential: { type: 'edi-sftp', allowedHosts: ['127.0.0.1'], values: { host: server.host, port: String(server.port), … } }
 */
export async function startSftpTestServer(options: SftpTestServerOptions = {}): Promise<SftpTestServer> {
  const username = options.username ?? 'edi';
  const password = options.password ?? 'correct horse battery staple';
  const ownsRoot = options.root === undefined;
  const root = await realpath(options.root ?? (await mkdtemp(join(tmpdir(), 'waybill-sftp-'))));
  const hostKey = utils.generateKeyPairSync('ed25519');
  const clientKey = utils.generateKeyPairSync('ed25519');
  const passphrase = 'key passphrase';
  const encryptedKey = utils.generateKeyPairSync('ed25519', { passphrase, cipher: 'aes256-ctr', rounds: 4 });
  const acceptedKeys = [clientKey.public, encryptedKey.public].map(publicKeyOf);
  const faults: SftpTestFaults = {};
  const connections = new Set<Connection>();

  const server = new Server({ hostKeys: [hostKey.private] }, (client) => {
    connections.add(client);
    // ssh2 has it at run time, its types do not; without it Nagle's algorithm slows every answer.
    if ('setNoDelay' in client && typeof client.setNoDelay === 'function') client.setNoDelay(true);
    client.on('close', () => connections.delete(client));
    client.on('error', () => client.end());
    client.on('authentication', (context) => {
      if (context.username !== username) return context.reject();
      if (context.method === 'password') {
        return sameText(context.password, password) ? context.accept() : context.reject();
      }
      if (context.method === 'publickey') {
        const key = acceptedKeys.find((accepted) => accepted.getPublicSSH().equals(context.key.data));
        if (!key) return context.reject();
        // Without a signature the client only asks whether this key would do.
        if (!context.signature || !context.blob) return context.accept();
        return key.verify(context.blob, context.signature, context.hashAlgo)
          ? context.accept()
          : context.reject();
      }
      context.reject(['password', 'publickey']);
    });
    client.on('ready', () => {
      client.on('session', (accept) => {
        const session = accept();
        session.on('sftp', (acceptSftp) => serveSftp(acceptSftp(), root, faults));
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : 0;

  return {
    host: '127.0.0.1',
    port,
    root,
    username,
    password,
    hostKeySha256: fingerprintOf(publicKeyOf(hostKey.public).getPublicSSH()),
    clientPrivateKey: clientKey.private,
    encryptedClientKey: { privateKey: encryptedKey.private, passphrase },
    faults,
    async close() {
      for (const connection of connections) connection.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownsRoot) await rm(root, { recursive: true, force: true });
    },
  };
}

function publicKeyOf(text: string): ParsedKey {
  const parsed = utils.parseKey(text);
  if (parsed instanceof Error) throw parsed;
  return parsed;
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
