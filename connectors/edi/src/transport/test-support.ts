import { mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ConnectorRuntime,
  createConnectorInvoker,
  defineConnector,
  isWaybillError,
} from '@waybill/connector-kit';
import { ediTransportCredentialTypes } from './credential-types.js';
import { fileArrivedTrigger } from './file-arrived.js';
import type { SftpTestServer } from './sftp-test-server.js';
import { writeFileOperation } from './write-file.js';

/**
 * Helpers shared by the transport tests (not used by production code).
 */

/**
 * A throwaway connector holding only the transport, as the EDI connector will register it.
 *
 * @example
 * describeConnectorContract(transportConnector);
 */
export const transportConnector = defineConnector({
  id: 'edi',
  title: 'EDI',
  operations: [writeFileOperation],
  triggers: [fileArrivedTrigger],
  credentialTypes: [...ediTransportCredentialTypes],
});

/**
 * The kit's invoker over the throwaway connector: calls go through schema checks and defaults.
 *
 * @example
 * const runtime = transportRuntime();
 * await runtime.invoke(testCall({ type: 'edi.writeFile', credential, config: {}, input }));
 */
export function transportRuntime(): ConnectorRuntime {
  return createConnectorInvoker([transportConnector]);
}

/**
 * A fresh temporary directory (its real path) and a function removing it.
 *
 * @example
 * const dir = await temporaryDirectory(); try { … } finally { await dir.remove(); }
 */
export async function temporaryDirectory(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await realpath(await mkdtemp(join(tmpdir(), 'waybill-edi-')));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * A folder credential as the engine resolves it.
 *
 * @example
 * folderCredential('/tmp/x'); // { id: 'folder', type: 'edi-folder', values: { root: '/tmp/x' }, allowedHosts: [] }
 */
export function folderCredential(root: string) {
  return { id: 'folder', type: 'edi-folder', values: { root }, allowedHosts: [] };
}

/**
 * An SFTP credential for the test server, allowed to reach 127.0.0.1.
 *
 * @example
 * sftpCredential(server, { password: 'wrong' });
 */
export function sftpCredential(
  server: SftpTestServer,
  values: Record<string, string> = {},
  allowedHosts = ['127.0.0.1'],
) {
  return {
    id: 'sftp',
    type: 'edi-sftp',
    values: {
      host: server.host,
      port: String(server.port),
      username: server.username,
      password: server.password,
      hostKeySha256: server.hostKeySha256,
      ...values,
    },
    allowedHosts,
  };
}

/**
 * The names in a directory, sorted, temporary ones included (tests check none remain).
 *
 * @example
 * await namesIn('/tmp/x'); // ['PO1.edi']
 */
export async function namesIn(path: string): Promise<string[]> {
  return (await readdir(path)).sort();
}

/**
 * What a promise rejects with, as the taxonomy's code, kind and message.
 *
 * @example
 * await rejection(store.read('../x')); // { code: 'PATH_OUTSIDE_ROOT', kind: 'user', message: 'The path "../x" leads outside …' }
 */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ code: string; kind: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isWaybillError(error))
      return { code: error.info.code, kind: error.info.kind, message: error.info.message };
    return { code: 'NOT_A_WAYBILL_ERROR', kind: 'none', message: String(error) };
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}

/**
 * Every byte value 0–255 followed by an X12-looking tail: what "exact bytes" tests write.
 *
 * @example
 * allBytes().includes(0xff); // true
 */
export function allBytes(): Buffer {
  const bytes = Buffer.alloc(256);
  for (let value = 0; value < 256; value++) bytes[value] = value;
  return Buffer.concat([Buffer.from('ISA*00*', 'latin1'), bytes, Buffer.from('~IEA*1*000000001~', 'latin1')]);
}
