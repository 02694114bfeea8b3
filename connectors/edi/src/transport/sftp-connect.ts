import {
  connectorError,
  type HostResolver,
  type LogLine,
  systemResolver,
  userError,
  type WaybillError,
} from '@waybill/connector-kit';
import type { ConnectConfig, SFTPWrapper } from 'ssh2';
import ssh2 from 'ssh2';
import { fingerprintOf, normaliseFingerprint } from './host-key.js';
import { resolveSftpHost } from './sftp-host.js';
import { timeoutError } from './store-errors.js';

// ssh2 is CommonJS: Node's ESM loader gives only its default export.
const { Client, utils } = ssh2;

/**
 * What an SFTP connection needs. Secrets (password, private key, passphrase) go to ssh2 only and
 * never into messages or logs.
 *
 * @example
 * const options: SftpConnectOptions = { host: 'sftp.partner.example', port: 22, username: 'acme',
 *   password: 's3cret', hostKeySha256: 'SHA256:nThbg6kX…', allowedHosts: [] };
 */
export interface SftpConnectOptions {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string;
  passphrase?: string;
  /** The expected host key; without it any key is accepted (and its fingerprint logged). */
  hostKeySha256?: string;
  allowedHosts: readonly string[];
  resolve?: HostResolver;
  /** DNS, TCP, handshake and login together; 20 s by default. */
  connectTimeoutMs?: number;
  signal?: AbortSignal;
  log?: (line: LogLine) => void;
}

/**
 * An open SSH connection with its SFTP channel.
 *
 * @example
 * const session = await connectSftp(options);
 * try { session.sftp.readdir('.', (error, list) => {}); } finally { session.close(); }
 */
export interface SftpSession {
  sftp: SFTPWrapper;
  /** The fingerprint the server presented, `SHA256:…`. */
  hostKeySha256: string;
  /** `sftp://user@host:port`, for messages. */
  location: string;
  close(): void;
}

const RETRY_NEXT_ADDRESS = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/**
 * Connects and opens the SFTP subsystem: checks the host against the address rules, verifies the
 * host key when the credential pins one, and tries each resolved address in turn when one refuses
 * the connection (e.g. `localhost` resolving to ::1 first while the server listens on IPv4 only).
 *
 * @example
 * const session = await connectSftp({ host: '127.0.0.1', port, username: 'edi', password: 'pw',
 *   allowedHosts: ['127.0.0.1'], signal });
 */
export async function connectSftp(options: SftpConnectOptions): Promise<SftpSession> {
  const { host, port, username } = options;
  const location = `sftp://${username}@${host.includes(':') ? `[${host}]` : host}:${port}`;
  const timeoutMs = options.connectTimeoutMs ?? 20_000;
  const expected = options.hostKeySha256 ? normaliseFingerprint(options.hostKeySha256) : undefined;
  const auth = authOf(options, location);
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let addresses: string[];
  try {
    addresses = await resolveSftpHost(host, port, {
      allowedHosts: options.allowedHosts,
      resolve: options.resolve ?? systemResolver,
      signal,
    });
  } catch (error) {
    if (deadline.aborted && !options.signal?.aborted) throw timeoutError('connecting', location, timeoutMs);
    throw error;
  }
  let lastError: unknown;
  for (const address of addresses) {
    try {
      const session = await connectOnce(
        { ...auth, host: address, port, username, readyTimeout: timeoutMs },
        {
          expected,
          location,
          signal,
          timeoutMs,
          deadline,
        },
      );
      options.log?.({
        level: 'info',
        message: `Connected to ${location}; its host key is ${session.hostKeySha256}.`,
      });
      if (!expected) {
        options.log?.({
          level: 'warn',
          message: `The credential pins no host key; add ${session.hostKeySha256} to it so that a different server is refused.`,
        });
      }
      return session;
    } catch (error) {
      lastError = error;
      if (!(error instanceof ConnectRefused)) throw error;
    }
  }
  throw lastError instanceof ConnectRefused ? lastError.toWaybill() : lastError;
}

/** The login part of ssh2's config; a key that cannot be read fails here, before any connection. */
function authOf(
  options: SftpConnectOptions,
  location: string,
): Pick<ConnectConfig, 'password' | 'privateKey' | 'passphrase'> {
  const { password, privateKey, passphrase } = options;
  if (!password && !privateKey) {
    throw userError({
      code: 'CREDENTIAL_INCOMPLETE',
      message: `The SFTP credential for ${location} has neither a password nor a private key; fill in one of them.`,
    });
  }
  if (!privateKey) return { password };
  const parsed = utils.parseKey(privateKey, passphrase);
  if (parsed instanceof Error || !parsed.isPrivateKey()) {
    const text = parsed instanceof Error ? parsed.message : '';
    throw /passphrase|decrypt/i.test(text)
      ? userError({
          code: 'INVALID_PASSPHRASE',
          message: `The private key of the SFTP credential for ${location} is encrypted and its passphrase is ${passphrase ? 'wrong' : 'missing'}; enter the key's passphrase in the credential.`,
        })
      : userError({
          code: 'INVALID_PRIVATE_KEY',
          message: `The private key of the SFTP credential for ${location} could not be read; paste the whole private key (OpenSSH or PEM format, including its BEGIN and END lines).`,
        });
  }
  return { privateKey, ...(passphrase ? { passphrase } : {}), ...(password ? { password } : {}) };
}

interface AttemptContext {
  expected: string | undefined;
  location: string;
  signal: AbortSignal;
  deadline: AbortSignal;
  timeoutMs: number;
}

function connectOnce(config: ConnectConfig, context: AttemptContext): Promise<SftpSession> {
  const { expected, location, signal } = context;
  return new Promise<SftpSession>((resolve, reject) => {
    const client = new Client();
    let seen: string | undefined;
    let settled = false;
    const finish = (error: unknown, session?: SftpSession) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (session) return resolve(session);
      client.end();
      reject(error);
    };
    const onAbort = () => {
      client.destroy();
      finish(
        context.deadline.aborted ? timeoutError('connecting', location, context.timeoutMs) : signal.reason,
      );
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    client.on('error', (error) => finish(describeConnectError(error, { ...context, seen, config })));
    client.on('close', () =>
      finish(
        connectorError({
          code: 'NETWORK',
          message: `The SFTP server at ${location} closed the connection during login; retry later.`,
        }),
      ),
    );
    client.on('ready', () => {
      client.sftp((error, sftp) => {
        if (error) {
          return finish(
            connectorError({
              code: 'SFTP_UNAVAILABLE',
              message: `The server at ${location} accepted the login but refused to start SFTP (${error.message}); ask its owner to enable the SFTP subsystem for this account.`,
              retryable: false,
            }),
          );
        }
        finish(undefined, { sftp, hostKeySha256: seen ?? '', location, close: () => client.end() });
      });
    });
    client.connect({
      ...config,
      hostVerifier: (key: Buffer) => {
        seen = fingerprintOf(key);
        return expected === undefined || seen === expected;
      },
    });
    // SFTP is request and answer: Nagle's algorithm would hold each small request back for an ACK.
    client.setNoDelay(true);
  });
}

/** A refused TCP connection: the next resolved address may still answer. */
class ConnectRefused extends Error {
  constructor(
    readonly code: string,
    readonly location: string,
  ) {
    super(code);
  }
  toWaybill(): WaybillError {
    return connectorError({
      code: 'NETWORK',
      message: `Nothing accepted the connection at ${this.location} (${this.code}); check the host and port of the credential, or retry when the server is up.`,
      upstream: { code: this.code },
    });
  }
}

function describeConnectError(
  error: Error & { level?: string; code?: unknown },
  context: AttemptContext & { seen: string | undefined; config: ConnectConfig },
): unknown {
  const { location, expected, seen, config } = context;
  const code = typeof error.code === 'string' ? error.code : '';
  if (error.level === 'handshake' && /Host denied/.test(error.message) && expected) {
    return userError({
      code: 'HOST_KEY_MISMATCH',
      message: `The SFTP server at ${location} presented the host key ${seen ?? 'unknown'}, but the credential expects ${expected}; if the server's key was changed on purpose, put the new fingerprint into the credential, otherwise do not connect: someone may be intercepting the connection.`,
      details: { seen, expected },
    });
  }
  if (error.level === 'client-authentication') {
    const method = config.privateKey
      ? config.password
        ? 'password or private key'
        : 'private key'
      : 'password';
    return userError({
      code: 'AUTHENTICATION_FAILED',
      message: `The SFTP server at ${location} did not accept the user "${config.username ?? ''}" with the ${method} of the credential; check the user name and the ${method}.`,
    });
  }
  if (error.level === 'client-timeout' || /Timed out while waiting for handshake/.test(error.message)) {
    return timeoutError('connecting', location, context.timeoutMs);
  }
  if (error.level === 'client-socket' && RETRY_NEXT_ADDRESS.has(code))
    return new ConnectRefused(code, location);
  return connectorError({
    code: 'NETWORK',
    message: `The connection to the SFTP server at ${location} failed (${code || error.message}); retry, and if it keeps failing check the host and port.`,
    ...(code ? { upstream: { code } } : {}),
  });
}
