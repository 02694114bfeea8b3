import type { Stats } from 'node:fs';
import {
  link,
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  unlink,
} from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';
import { isWaybillError, userError } from '@waybill/connector-kit';
import { type FileEntry, type FileStore, isTemporaryName, temporaryNameFor } from './file-store.js';
import {
  fileExistsError,
  notFoundError,
  outsideRootError,
  permissionError,
  storeFailure,
} from './store-errors.js';
import { relativePath, splitPath } from './store-paths.js';

/**
 * Options of a folder store.
 *
 * @example
 * const options: FolderStoreOptions = { root: '/srv/edi/acme', signal };
 */
export interface FolderStoreOptions {
  /** Absolute directory set by an admin on the credential; nothing outside it is reachable. */
  root: string;
  signal?: AbortSignal;
}

/**
 * A file store over a local (or mounted) directory. Every path is checked twice: lexically
 * (no `..` above the root, no absolute path) and on disk, by resolving links of the directory it
 * names, so a symlink inside the root cannot lead a node out of it.
 *
 * @example
 * const store = await openFolderStore({ root: '/srv/edi/acme' });
 * await store.write('outbound/PO1.edi', Buffer.from('ISA*00*…', 'latin1'), { overwrite: false });
 * (await store.list('inbound')).map((file) => file.name); // ['PO2.edi']
 */
export async function openFolderStore(options: FolderStoreOptions): Promise<FileStore> {
  const { root, signal } = options;
  const location = root;
  if (!isAbsolute(root)) {
    throw userError({
      code: 'INVALID_ROOT',
      message: `The root folder "${root}" of the credential is not an absolute path; write it as /srv/edi/partner.`,
    });
  }
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    if (!(await stat(realRoot)).isDirectory())
      throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (error) {
    throw userError({
      code: 'ROOT_NOT_FOUND',
      message: `The root folder "${root}" of the credential does not exist or is not a directory (${codeOf(error)}); create it or correct the credential.`,
    });
  }
  const prefix = realRoot.endsWith(sep) ? realRoot : `${realRoot}${sep}`;
  const inside = (real: string) => real === realRoot || real.startsWith(prefix);
  const fail = (operation: string, path: string) => (error: unknown) => {
    throw fsError(error, operation, path, location);
  };

  /** The real path of an existing file or directory, refused when a link leads it out of the root. */
  const confined = async (path: string, operation: string): Promise<string> => {
    const real = await realpath(path === '' ? realRoot : join(realRoot, ...path.split('/'))).catch(
      fail(operation, path),
    );
    if (!inside(real)) throw outsideRootError(path, location);
    return real;
  };
  /** The target path built on its directory's real path: the last segment itself is not followed. */
  const inParent = async (path: string, operation: string) => {
    const { directory, name } = splitPath(path);
    if (name === '') throw outsideRootError(path, location);
    const realDirectory = await confined(directory, operation);
    return { realDirectory, name, full: join(realDirectory, name) };
  };
  const entryOf = async (name: string, fullPath: string, path: string): Promise<FileEntry | undefined> => {
    let info: Stats = await lstat(fullPath);
    if (info.isSymbolicLink()) {
      if (!inside(await realpath(fullPath).catch(() => ''))) throw outsideRootError(path, location);
      info = await stat(fullPath);
    }
    return info.isFile() ? { name, size: info.size, modifiedAt: new Date(info.mtimeMs) } : undefined;
  };
  /** Link instead of rename: link() refuses an existing target atomically, rename() would replace it. */
  const placeWithoutReplacing = async (from: string, to: string, path: string) => {
    try {
      await link(from, to);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'EEXIST') throw fileExistsError(path, location);
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS'].includes(code)) throw error;
      // File systems without hard links (FAT, some network mounts): check, then rename.
      if (
        await lstat(to).then(
          () => true,
          () => false,
        )
      )
        throw fileExistsError(path, location);
      await rename(from, to);
      return;
    }
    await unlink(from);
  };

  return {
    location,
    async list(directory) {
      signal?.throwIfAborted();
      const path = relativePath(directory, location);
      const real = await confined(path, 'list');
      const names = await readdir(real, { withFileTypes: true }).catch(fail('list', path));
      const entries: FileEntry[] = [];
      for (const dirent of names) {
        if (isTemporaryName(dirent.name) || !(dirent.isFile() || dirent.isSymbolicLink())) continue;
        // A file that vanishes or links out of the root between readdir and lstat is just not listed.
        const entry = await entryOf(dirent.name, join(real, dirent.name), path).catch(() => undefined);
        if (entry) entries.push(entry);
      }
      return entries;
    },
    async stat(target) {
      signal?.throwIfAborted();
      const path = relativePath(target, location);
      const found = await inParent(path, 'look up').catch((error: unknown) => {
        if (isWaybillError(error) && error.info.code === 'NOT_FOUND') return undefined;
        throw error;
      });
      if (found === undefined) return undefined;
      return entryOf(found.name, found.full, path).catch((error: unknown) => {
        if (['ENOENT', 'ENOTDIR'].includes(codeOf(error))) return undefined;
        throw fsError(error, 'look up', path, location);
      });
    },
    async read(target) {
      signal?.throwIfAborted();
      const path = relativePath(target, location);
      const real = await confined(path, 'read');
      return readFile(real, signal ? { signal } : {}).catch(fail('read', path));
    },
    async write(target, bytes, { overwrite }) {
      signal?.throwIfAborted();
      const path = relativePath(target, location);
      const { realDirectory, name, full: final } = await inParent(path, 'write');
      const temporary = join(realDirectory, temporaryNameFor(name));
      try {
        const handle = await open(temporary, 'wx', 0o644);
        try {
          await handle.writeFile(bytes, signal ? { signal } : {});
          // On disk before it is visible: a crash right after the rename must not leave an empty file.
          await handle.sync();
        } finally {
          await handle.close();
        }
        if (overwrite) await rename(temporary, final);
        else await placeWithoutReplacing(temporary, final, path);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw fsError(error, 'write', path, location);
      }
    },
    async rename(from, to, { overwrite }) {
      signal?.throwIfAborted();
      const fromPath = relativePath(from, location);
      const toPath = relativePath(to, location);
      const source = (await inParent(fromPath, 'move')).full;
      const target = (await inParent(toPath, 'move')).full;
      if (overwrite) await rename(source, target).catch(fail('move', fromPath));
      else await placeWithoutReplacing(source, target, toPath).catch(fail('move', fromPath));
    },
    async remove(target) {
      signal?.throwIfAborted();
      const path = relativePath(target, location);
      await unlink((await inParent(path, 'remove')).full).catch(fail('remove', path));
    },
    async makeDirectory(directory) {
      signal?.throwIfAborted();
      const path = relativePath(directory, location);
      let current = realRoot;
      // One segment at a time, so a link met on the way is resolved and checked before mkdir follows it.
      for (const segment of path === '' ? [] : path.split('/')) {
        const next = join(current, segment);
        await mkdir(next).catch((error: unknown) => {
          if (codeOf(error) !== 'EEXIST') throw fsError(error, 'create the directory', path, location);
        });
        current = await realpath(next).catch(fail('create the directory', path));
        if (!inside(current)) throw outsideRootError(path, location);
      }
    },
    async close() {},
  };
}

function fsError(error: unknown, operation: string, path: string, location: string): Error {
  if (isWaybillError(error) || (error instanceof Error && error.name === 'AbortError')) return error;
  const code = codeOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return notFoundError(path, location);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return permissionError(operation, path, location);
  if (code === 'EEXIST') return fileExistsError(path, location);
  if (code === 'EISDIR') {
    return userError({
      code: 'NOT_A_FILE',
      message: `"${path}" in ${location} is a directory, not a file; name a file inside it.`,
    });
  }
  return storeFailure(operation, path, location, code || String(error));
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : '';
}
