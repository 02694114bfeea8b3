import { posix } from 'node:path';
import { isWaybillError, userError } from '@waybill/connector-kit';
import type { SFTPWrapper, Stats } from 'ssh2';
import { type FileEntry, type FileStore, isTemporaryName, temporaryNameFor } from './file-store.js';
import { sftpCalls } from './sftp-calls.js';
import { connectSftp, type SftpConnectOptions } from './sftp-connect.js';
import {
  fileExistsError,
  notFoundError,
  outsideRootError,
  permissionError,
  storeFailure,
} from './store-errors.js';
import { relativePath, splitPath } from './store-paths.js';

/**
 * Options of an SFTP store: the connection, the root directory on the server and a per-request
 * deadline.
 *
 * @example
 * const options: SftpStoreOptions = { host: 'sftp.partner.example', port: 22, username: 'acme',
 *   privateKey, root: 'edi', allowedHosts: [], signal };
 */
export interface SftpStoreOptions extends SftpConnectOptions {
  /** Absolute, or relative to the login directory; the login directory when absent. */
  root?: string;
  /** Each SFTP request; 30 s by default. */
  operationTimeoutMs?: number;
}

// SFTP v3 status codes (draft-ietf-secsh-filexfer-02 §7).
const NO_SUCH_FILE = 2;
const PERMISSION_DENIED = 3;

/**
 * A file store on an SFTP server. The root and every directory a node names are resolved with
 * the server's REALPATH, which follows links, and must stay inside the root. Atomic writes go to
 * a temporary name and are renamed onto the target: with `posix-rename@openssh.com` when the
 * server offers it and the target may be replaced, otherwise with plain SFTP RENAME, which
 * OpenSSH refuses when the target exists — the no-replace semantics `overwrite: false` needs.
 *
 * @example
 * const store = await openSftpStore({ host: '127.0.0.1', port, username: 'edi', password: 'pw', allowedHosts: ['127.0.0.1'] });
 * try { await store.write('outbound/PO1.edi', bytes, { overwrite: false }); } finally { await store.close(); }
 */
export async function openSftpStore(options: SftpStoreOptions): Promise<FileStore> {
  const session = await connectSftp(options);
  const { sftp } = session;
  const calls = sftpCalls(session, {
    timeoutMs: options.operationTimeoutMs ?? 30_000,
    signal: options.signal,
  });
  const call = <T>(
    what: string,
    start: (done: (error: Error | null | undefined, value: T) => void) => void,
  ) => calls.run<T>(what, start);
  try {
    const home = await call<string>('find the login directory', (done) => sftp.realpath('.', done));
    const wanted = options.root ? posix.resolve(home, options.root) : home;
    const realRoot = await call<string>('open the root directory', (done) =>
      sftp.realpath(wanted, done),
    ).catch((error: unknown) => {
      if (codeOf(error) !== NO_SUCH_FILE) throw sftpError(error, 'open', wanted, session.location);
      throw userError({
        code: 'ROOT_NOT_FOUND',
        message: `The root directory "${wanted}" does not exist on ${session.location}; create it or correct the credential.`,
      });
    });
    return sftpStore(sftp, calls, realRoot, session);
  } catch (error) {
    session.close();
    throw error;
  }
}

function sftpStore(
  sftp: SFTPWrapper,
  calls: ReturnType<typeof sftpCalls>,
  realRoot: string,
  session: { location: string; hostKeySha256: string; close(): void },
): FileStore {
  const location = `${session.location}${realRoot}`;
  const prefix = realRoot.endsWith('/') ? realRoot : `${realRoot}/`;
  const inside = (real: string) => real === realRoot || real.startsWith(prefix);
  const call = calls.run;
  const fail = (operation: string, path: string) => (error: unknown) => {
    throw sftpError(error, operation, path, location);
  };
  const remote = (path: string) => (path === '' ? realRoot : `${prefix}${path}`);
  const realpathOf = (path: string, operation: string) =>
    call<string>(`${operation} "${path}"`, (done) => sftp.realpath(remote(path), done)).catch(
      fail(operation, path),
    );
  const confined = async (path: string, operation: string) => {
    const real = await realpathOf(path, operation);
    if (!inside(real)) throw outsideRootError(path, location);
    return real;
  };
  const inParent = async (path: string, operation: string) => {
    const { directory, name } = splitPath(path);
    if (name === '') throw outsideRootError(path, location);
    const realDirectory = await confined(directory, operation);
    return { realDirectory, name, full: posix.join(realDirectory, name) };
  };
  const lstat = (full: string, what: string) =>
    call<Stats | undefined>(what, (done) =>
      sftp.lstat(full, (error, stats) =>
        error && codeOf(error) === NO_SUCH_FILE ? done(undefined, undefined) : done(error, stats),
      ),
    );
  const entryOf = async (
    name: string,
    full: string,
    path: string,
    stats: Stats,
  ): Promise<FileEntry | undefined> => {
    let info = stats;
    if (info.isSymbolicLink()) {
      if (!inside(await realpathOf(path, 'look up'))) throw outsideRootError(path, location);
      info = await call<Stats>(`look up "${path}"`, (done) => sftp.stat(full, done));
    }
    return info.isFile() ? { name, size: info.size, modifiedAt: new Date(info.mtime * 1000) } : undefined;
  };
  /** Renames onto `to`; replacing only when allowed, with the atomic OpenSSH extension when offered. */
  const place = async (from: string, to: string, path: string, overwrite: boolean) => {
    if (overwrite) {
      const replaced = await call<boolean>(`replace "${path}"`, (done) => {
        try {
          sftp.ext_openssh_rename(from, to, (error) => done(error, true));
        } catch {
          done(undefined, false); // the server does not offer posix-rename
        }
      });
      if (replaced) return;
      // Plain RENAME will not replace: remove first (a reader sees no file for a moment, never a partial one).
      if (await lstat(to, `look up "${path}"`)) {
        await call<void>(`replace "${path}"`, (done) => sftp.unlink(to, (error) => done(error, undefined)));
      }
    } else if (await lstat(to, `look up "${path}"`)) {
      throw fileExistsError(path, location);
    }
    await call<void>(`rename onto "${path}"`, (done) =>
      sftp.rename(from, to, (error) => done(error, undefined)),
    ).catch(async (error: unknown) => {
      // OpenSSH answers a taken target with a bare FAILURE; tell it apart by looking.
      if (!overwrite && (await lstat(to, `look up "${path}"`).catch(() => undefined))) {
        throw fileExistsError(path, location);
      }
      throw error;
    });
  };

  return {
    location,
    hostKeySha256: session.hostKeySha256,
    async list(directory) {
      const path = relativePath(directory, location);
      const real = await confined(path, 'list');
      const listed = await call<{ filename: string; attrs: Stats }[]>(`list "${path}"`, (done) =>
        sftp.readdir(real, done),
      ).catch(fail('list', path));
      const entries: FileEntry[] = [];
      for (const { filename, attrs } of listed) {
        if (filename === '.' || filename === '..' || isTemporaryName(filename)) continue;
        const child = path === '' ? filename : `${path}/${filename}`;
        const entry = await entryOf(filename, posix.join(real, filename), child, attrs).catch(
          (error: unknown) => {
            // A link out of the root or a file gone since READDIR is just not listed.
            if (isWaybillError(error) && ['PATH_OUTSIDE_ROOT', 'NOT_FOUND'].includes(error.info.code))
              return undefined;
            throw error;
          },
        );
        if (entry) entries.push(entry);
      }
      return entries;
    },
    async stat(target) {
      const path = relativePath(target, location);
      const found = await inParent(path, 'look up').catch((error: unknown) => {
        if (isWaybillError(error) && error.info.code === 'NOT_FOUND') return undefined;
        throw error;
      });
      if (!found) return undefined;
      const stats = await lstat(found.full, `look up "${path}"`).catch(fail('look up', path));
      return stats ? entryOf(found.name, found.full, path, stats) : undefined;
    },
    async read(target) {
      const path = relativePath(target, location);
      const real = await confined(path, 'read');
      const what = `read "${path}"`;
      const handle = await call<Buffer>(what, (done) => sftp.open(real, 'r', done)).catch(fail('read', path));
      try {
        return await calls.readAll(handle, what).catch(fail('read', path));
      } finally {
        await call<void>(what, (done) => sftp.close(handle, (error) => done(error, undefined))).catch(
          () => undefined,
        );
      }
    },
    async write(target, bytes, { overwrite }) {
      const path = relativePath(target, location);
      const { realDirectory, name, full } = await inParent(path, 'write');
      if (!overwrite && (await lstat(full, `look up "${path}"`).catch(fail('write', path)))) {
        throw fileExistsError(path, location);
      }
      const temporary = posix.join(realDirectory, temporaryNameFor(name));
      const what = `write "${path}"`;
      try {
        const handle = await call<Buffer>(what, (done) => sftp.open(temporary, 'wx', done));
        try {
          await calls.writeAll(handle, bytes, what);
        } finally {
          await call<void>(what, (done) => sftp.close(handle, (error) => done(error, undefined)));
        }
        await place(temporary, full, path, overwrite);
      } catch (error) {
        await call<void>(what, (done) => sftp.unlink(temporary, (failure) => done(failure, undefined))).catch(
          () => undefined,
        );
        throw sftpError(error, 'write', path, location);
      }
    },
    async rename(from, to, { overwrite }) {
      const fromPath = relativePath(from, location);
      const toPath = relativePath(to, location);
      const source = (await inParent(fromPath, 'move')).full;
      const target = (await inParent(toPath, 'move')).full;
      await place(source, target, toPath, overwrite).catch(fail('move', fromPath));
    },
    async remove(target) {
      const path = relativePath(target, location);
      const { full } = await inParent(path, 'remove');
      await call<void>(`remove "${path}"`, (done) =>
        sftp.unlink(full, (error) => done(error, undefined)),
      ).catch(fail('remove', path));
    },
    async makeDirectory(directory) {
      const path = relativePath(directory, location);
      let current = realRoot;
      for (const segment of path === '' ? [] : path.split('/')) {
        const next = posix.join(current, segment);
        // A failed MKDIR usually means it exists; REALPATH below tells whether it really does.
        await call<void>(`create "${path}"`, (done) =>
          sftp.mkdir(next, (error) => done(error, undefined)),
        ).catch(() => undefined);
        current = await call<string>(`create "${path}"`, (done) => sftp.realpath(next, done)).catch(
          fail('create the directory', path),
        );
        if (!inside(current)) throw outsideRootError(path, location);
      }
    },
    async close() {
      session.close();
    },
  };
}

function sftpError(error: unknown, operation: string, path: string, location: string): Error {
  if (isWaybillError(error) || (error instanceof Error && error.name === 'AbortError')) return error;
  const code = codeOf(error);
  if (code === NO_SUCH_FILE) return notFoundError(path, location);
  if (code === PERMISSION_DENIED) return permissionError(operation, path, location);
  return storeFailure(operation, path, location, messageOf(error));
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
