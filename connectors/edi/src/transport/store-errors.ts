import { connectorError, systemError, userError, type WaybillError } from '@waybill/connector-kit';

/**
 * The errors of the file stores, as sentences that name the path and the place (`location`,
 * never a secret) and say what to change. Both stores use these, so a flow sees the same codes
 * whether its partner is a folder or an SFTP server.
 */

/**
 * A path that would leave the credential's root (`..`, an absolute path, a link pointing out).
 *
 * @example
 * throw outsideRootError('../etc/passwd', '/srv/edi');
 */
export function outsideRootError(path: string, location: string): WaybillError {
  return userError({
    code: 'PATH_OUTSIDE_ROOT',
    message: `The path "${path}" leads outside the root folder of the credential (${location}); use a path inside it, without "..", a leading "/" or a link that points elsewhere.`,
    details: { path },
  });
}

/**
 * A file name that is not a plain name.
 *
 * @example
 * throw invalidNameError('a/b.edi', 'contains "/"');
 */
export function invalidNameError(name: string, why: string): WaybillError {
  return userError({
    code: 'INVALID_FILE_NAME',
    message: `The file name "${name.slice(0, 200)}" ${why}; use a plain name such as PO1001.edi.`,
    details: { name: name.slice(0, 200) },
  });
}

/**
 * The target of a write or rename is taken and may not be replaced.
 *
 * @example
 * throw fileExistsError('outbound/PO1.edi', 'sftp://edi@partner.example.com:22');
 */
export function fileExistsError(path: string, location: string): WaybillError {
  return userError({
    code: 'FILE_EXISTS',
    message: `A file named "${path}" already exists in ${location}; remove or rename it, or allow overwriting.`,
    details: { path },
  });
}

/**
 * Nothing at the path (or its directory does not exist).
 *
 * @example
 * throw notFoundError('inbound/PO1.edi', '/srv/edi');
 */
export function notFoundError(path: string, location: string): WaybillError {
  return userError({
    code: 'NOT_FOUND',
    message: `There is no file or directory "${path || '.'}" in ${location}; check the directory and the file name, or create the directory.`,
    details: { path },
  });
}

/**
 * The server or the file system refused access.
 *
 * @example
 * throw permissionError('write', 'outbound/PO1.edi', '/srv/edi');
 */
export function permissionError(operation: string, path: string, location: string): WaybillError {
  return userError({
    code: 'PERMISSION_DENIED',
    message: `Permission to ${operation} "${path || '.'}" in ${location} was denied; ask the owner of the folder or server to grant it to this account.`,
    details: { path },
  });
}

/**
 * An operation that did not finish in time; retrying is worthwhile.
 *
 * @example
 * throw timeoutError('list "inbound"', 'sftp://edi@partner.example.com:22', 30_000);
 */
export function timeoutError(what: string, location: string, ms: number): WaybillError {
  return systemError({
    code: 'TIMEOUT',
    message: `${capitalise(what)} at ${location} took longer than ${Math.round(ms / 1000)} s and was given up; retry later, or check that the server is reachable.`,
  });
}

/**
 * Any other failure of the server or file system; retryable, since most are transient.
 *
 * @example
 * throw storeFailure('rename', 'outbound/.PO1.edi.part', '/srv/edi', 'EIO');
 */
export function storeFailure(
  operation: string,
  path: string,
  location: string,
  detail: string,
): WaybillError {
  return connectorError({
    code: 'FILE_TRANSFER_FAILED',
    message: `Could not ${operation} "${path || '.'}" in ${location} (${detail.slice(0, 200)}); retry, and if it keeps failing check the server or disk.`,
    upstream: { code: detail.slice(0, 200) },
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
