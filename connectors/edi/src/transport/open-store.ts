import { type HostResolver, type LogLine, userError } from '@waybill/connector-kit';
import type { FileStore } from './file-store.js';
import { openFolderStore } from './folder-client.js';
import { openSftpStore } from './sftp-client.js';

/**
 * A transport credential as stored: its type and its values as text. Both the typed credential an
 * operation receives and the raw values a credential test receives fit this shape.
 *
 * @example
 * const credential: TransportCredential = { type: 'edi-folder', values: { root: '/srv/edi/acme' }, allowedHosts: [] };
 */
export interface TransportCredential {
  type: string;
  values: Readonly<Record<string, string | undefined>>;
  allowedHosts: readonly string[];
}

/**
 * How a store is opened for one call.
 *
 * @example
 * const options: OpenStoreOptions = { signal: ctx.signal, log: ctx.log };
 */
export interface OpenStoreOptions {
  signal?: AbortSignal;
  log?: (line: LogLine) => void;
  /** DNS for SFTP hosts; the system resolver by default. */
  resolve?: HostResolver;
  connectTimeoutMs?: number;
  operationTimeoutMs?: number;
}

/**
 * Opens the file store an `edi-folder` or `edi-sftp` credential describes. Close it when done.
 *
 * @example
 * const store = await openFileStore(ctx.credential, { signal: ctx.signal, log: ctx.log });
 * try { return await store.list('inbound'); } finally { await store.close(); }
 */
export async function openFileStore(
  credential: TransportCredential,
  options: OpenStoreOptions = {},
): Promise<FileStore> {
  const { values } = credential;
  if (credential.type === 'edi-folder') {
    return openFolderStore({ root: required(values.root, 'Root folder'), ...signalOf(options) });
  }
  if (credential.type === 'edi-sftp') {
    return openSftpStore({
      host: required(values.host, 'Host'),
      port: portOf(values.port),
      username: required(values.username, 'User name'),
      ...(values.password ? { password: values.password } : {}),
      ...(values.privateKey ? { privateKey: values.privateKey } : {}),
      ...(values.passphrase ? { passphrase: values.passphrase } : {}),
      ...(values.hostKeySha256 ? { hostKeySha256: values.hostKeySha256 } : {}),
      ...(values.root ? { root: values.root } : {}),
      allowedHosts: credential.allowedHosts,
      ...signalOf(options),
      ...(options.log ? { log: options.log } : {}),
      ...(options.resolve ? { resolve: options.resolve } : {}),
      ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
      ...(options.operationTimeoutMs ? { operationTimeoutMs: options.operationTimeoutMs } : {}),
    });
  }
  throw userError({
    code: 'CREDENTIAL_TYPE_MISMATCH',
    message: `The credential type "${credential.type}" is not a file transport; choose an EDI folder or EDI SFTP credential.`,
  });
}

/**
 * The SFTP port of a credential: 22 when empty.
 *
 * @example
 * portOf(undefined); // 22
 * portOf('2222');    // 2222
 * portOf('ssh');     // throws INVALID_PORT
 */
export function portOf(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return 22;
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(port >= 1 && port <= 65_535)) {
    throw userError({
      code: 'INVALID_PORT',
      message: `The port "${text.slice(0, 20)}" of the credential is not a TCP port; enter a number from 1 to 65535 (SFTP usually listens on 22).`,
    });
  }
  return port;
}

function required(value: string | undefined, label: string): string {
  if (value === undefined || value.trim() === '') {
    throw userError({
      code: 'CREDENTIAL_INCOMPLETE',
      message: `The credential has no value for "${label}"; fill it in on the credentials page.`,
    });
  }
  return value.trim();
}

function signalOf(options: OpenStoreOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
