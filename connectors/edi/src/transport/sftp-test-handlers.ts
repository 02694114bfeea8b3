import type { Stats } from 'node:fs';
import {
  type FileHandle,
  lstat,
  mkdir,
  open,
  readdir,
  realpath,
  rename,
  rmdir,
  stat,
  unlink,
  utimes,
} from 'node:fs/promises';
import { posix } from 'node:path';
import type { Attributes, SFTPWrapper } from 'ssh2';
import ssh2 from 'ssh2';

// ssh2 is CommonJS: Node's ESM loader gives only its default export.
const { utils } = ssh2;

/**
 * The SFTP v3 requests of the test server, served from a directory on disk with OpenSSH's
 * semantics where clients depend on them: REALPATH resolves links (and may name a path outside
 * the home directory, as a server without chroot does), RENAME refuses an existing target, READ
 * past the end answers EOF. Requests outside the served directory are refused, to keep tests
 * away from the rest of the disk.
 */

/**
 * Switches a test can flip to make the server misbehave.
 *
 * @example
 * server.faults.failWriteAfterBytes = 1024; // the next uploads fail after 1 KiB
 */
export interface SftpTestFaults {
  /** WRITE requests beyond this offset fail with FAILURE. */
  failWriteAfterBytes?: number;
  /** Requests of these types get no answer at all (to test client deadlines). */
  stall?: readonly string[];
}

const { STATUS_CODE } = utils.sftp;

type OpenThing = { kind: 'file'; file: FileHandle } | { kind: 'dir'; path: string; done: boolean };

/**
 * Serves one SFTP channel from `root` (which is also the login directory).
 *
 * @example
 * session.on('sftp', (accept) => serveSftp(accept(), '/tmp/sftp-root', faults));
 */
export function serveSftp(sftp: SFTPWrapper, root: string, faults: SftpTestFaults): void {
  const open_ = new Map<string, OpenThing>();
  let nextHandle = 0;
  const local = (path: string) => {
    const resolved = posix.resolve(root, path);
    if (resolved !== root && !resolved.startsWith(`${root}/`)) {
      throw Object.assign(new Error('outside the served directory'), { code: 'EACCES' });
    }
    return resolved;
  };
  const handleOf = (thing: OpenThing) => {
    const handle = Buffer.alloc(4);
    handle.writeUInt32BE(nextHandle++);
    open_.set(handle.toString('hex'), thing);
    return handle;
  };
  const serve = (event: string, run: (id: number, ...args: never[]) => Promise<void>) => {
    sftp.on(event, (id: number, ...args: never[]) => {
      if (faults.stall?.includes(event)) return;
      run(id, ...args).catch((error: unknown) => sftp.status(id, statusOf(error), messageOf(error)));
    });
  };
  const file = (handle: Buffer) => {
    const thing = open_.get(handle.toString('hex'));
    if (thing?.kind !== 'file') throw Object.assign(new Error('bad handle'), { code: 'EBADF' });
    return thing.file;
  };

  serve('REALPATH', async (id, path: string) => {
    const real = await realpath(posix.resolve(root, path));
    sftp.name(id, [{ filename: real, longname: real, attrs: emptyAttrs() }]);
  });
  serve('STAT', async (id, path: string) => sftp.attrs(id, attrsOf(await stat(local(path)))));
  serve('LSTAT', async (id, path: string) => sftp.attrs(id, attrsOf(await lstat(local(path)))));
  serve('FSTAT', async (id, handle: Buffer) => sftp.attrs(id, attrsOf(await file(handle).stat())));
  serve('OPEN', async (id, path: string, flags: number) => {
    const mode = utils.sftp.flagsToString(flags);
    if (mode === null) throw Object.assign(new Error('unsupported open flags'), { code: 'EINVAL' });
    sftp.handle(id, handleOf({ kind: 'file', file: await open(local(path), mode, 0o644) }));
  });
  serve('READ', async (id, handle: Buffer, offset: number, length: number) => {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file(handle).read(buffer, 0, length, offset);
    if (bytesRead === 0) sftp.status(id, STATUS_CODE.EOF);
    else sftp.data(id, buffer.subarray(0, bytesRead));
  });
  serve('WRITE', async (id, handle: Buffer, offset: number, data: Buffer) => {
    if (faults.failWriteAfterBytes !== undefined && offset + data.length > faults.failWriteAfterBytes) {
      throw Object.assign(new Error('disk full (simulated)'), { code: 'ENOSPC' });
    }
    await file(handle).write(data, 0, data.length, offset);
    sftp.status(id, STATUS_CODE.OK);
  });
  serve('CLOSE', async (id, handle: Buffer) => {
    const key = handle.toString('hex');
    const thing = open_.get(key);
    open_.delete(key);
    if (thing?.kind === 'file') await thing.file.close();
    sftp.status(id, thing ? STATUS_CODE.OK : STATUS_CODE.FAILURE);
  });
  serve('OPENDIR', async (id, path: string) => {
    const directory = local(path);
    if (!(await stat(directory)).isDirectory())
      throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    sftp.handle(id, handleOf({ kind: 'dir', path: directory, done: false }));
  });
  serve('READDIR', async (id, handle: Buffer) => {
    const thing = open_.get(handle.toString('hex'));
    if (thing?.kind !== 'dir') throw Object.assign(new Error('bad handle'), { code: 'EBADF' });
    if (thing.done) return sftp.status(id, STATUS_CODE.EOF);
    thing.done = true;
    const names = await readdir(thing.path);
    const entries = await Promise.all(
      names.map(async (name) => {
        const attrs = attrsOf(await lstat(posix.join(thing.path, name)));
        return { filename: name, longname: `${attrs.size} ${name}`, attrs };
      }),
    );
    sftp.name(id, entries);
  });
  serve('RENAME', async (id, from: string, to: string) => {
    const target = local(to);
    // OpenSSH implements plain RENAME with link(2): an existing target is a FAILURE, never replaced.
    if (
      await lstat(target).then(
        () => true,
        () => false,
      )
    ) {
      return sftp.status(id, STATUS_CODE.FAILURE, 'target exists');
    }
    await rename(local(from), target);
    sftp.status(id, STATUS_CODE.OK);
  });
  serve('REMOVE', async (id, path: string) => {
    await unlink(local(path));
    sftp.status(id, STATUS_CODE.OK);
  });
  serve('MKDIR', async (id, path: string) => {
    await mkdir(local(path));
    sftp.status(id, STATUS_CODE.OK);
  });
  serve('RMDIR', async (id, path: string) => {
    await rmdir(local(path));
    sftp.status(id, STATUS_CODE.OK);
  });
  serve('SETSTAT', async (id, path: string, attrs: Partial<Attributes>) => {
    if (attrs.mtime !== undefined) await utimes(local(path), attrs.atime ?? attrs.mtime, attrs.mtime);
    sftp.status(id, STATUS_CODE.OK);
  });
  sftp.on('end', () => {
    for (const thing of open_.values())
      if (thing.kind === 'file') void thing.file.close().catch(() => undefined);
    open_.clear();
  });
}

function attrsOf(info: Stats): Attributes {
  return {
    mode: info.mode,
    uid: info.uid,
    gid: info.gid,
    size: info.size,
    atime: Math.floor(info.atimeMs / 1000),
    mtime: Math.floor(info.mtimeMs / 1000),
  };
}

function emptyAttrs(): Attributes {
  return { mode: 0, uid: 0, gid: 0, size: 0, atime: 0, mtime: 0 };
}

function statusOf(error: unknown): number {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT' || code === 'ENOTDIR') return STATUS_CODE.NO_SUCH_FILE;
  if (code === 'EACCES' || code === 'EPERM') return STATUS_CODE.PERMISSION_DENIED;
  return STATUS_CODE.FAILURE;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
