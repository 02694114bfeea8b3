import { randomBytes } from 'node:crypto';

/**
 * The one interface the EDI transport operations and triggers use for files, whatever carries
 * them (a local folder or an SFTP server). Paths are relative to the credential's root, written
 * with `/`, and every implementation refuses a path that leaves the root.
 */

/**
 * One regular file of a directory listing.
 *
 * @example
 * const entry: FileEntry = { name: 'PO1001.edi', size: 1187, modifiedAt: new Date('2025-03-02T08:14:05Z') };
 */
export interface FileEntry {
  name: string;
  size: number;
  /** SFTP servers report whole seconds; a local folder reports milliseconds. */
  modifiedAt: Date;
}

/**
 * How a write or a rename treats a file already at the target name.
 *
 * @example
 * await store.write('outbound/PO1.edi', bytes, { overwrite: false });
 */
export interface ReplaceOptions {
  /** false: fail with FILE_EXISTS instead of replacing. */
  overwrite: boolean;
}

/**
 * A directory tree under a root. Implementations are the only code doing file I/O.
 *
 * @example
 * const store = await openFileStore(credential, { signal });
 * try { await store.write('outbound/PO1.edi', Buffer.from('ISA*…', 'latin1'), { overwrite: false }); }
 * finally { await store.close(); }
 */
export interface FileStore {
  /** Where the files are, for messages and logs (never a secret), e.g. `sftp://edi@host:22/inbound`. */
  readonly location: string;
  /** SFTP only: the fingerprint of the server's host key, `SHA256:…`, as it presented it. */
  readonly hostKeySha256?: string;
  /** Regular files of a directory, temporary upload names (see `isTemporaryName`) left out. */
  list(directory: string): Promise<FileEntry[]>;
  /** The file at `path`, or undefined when there is none. */
  stat(path: string): Promise<FileEntry | undefined>;
  read(path: string): Promise<Buffer>;
  /**
   * Writes atomically: the bytes go to a temporary name in the same directory that is then renamed
   * onto `path`, so a reader sees no file or the whole file, never part of it.
   */
  write(path: string, bytes: Uint8Array, options: ReplaceOptions): Promise<void>;
  /** Renames or moves a file inside the root; with overwrite false an existing target is FILE_EXISTS. */
  rename(from: string, to: string, options: ReplaceOptions): Promise<void>;
  remove(path: string): Promise<void>;
  /** Creates a directory and its missing parents. */
  makeDirectory(directory: string): Promise<void>;
  close(): Promise<void>;
}

const TEMPORARY = /^\..+\.[0-9a-f]{12}\.part$/;

/**
 * The temporary name a write uses beside its target: hidden, random and ending in `.part`, so
 * neither our listings nor a partner's `*.edi` pattern pick it up.
 *
 * @example
 * temporaryNameFor('PO1001.edi'); // '.PO1001.edi.3f9a0c1b2d4e.part'
 */
export function temporaryNameFor(name: string): string {
  return `.${name}.${randomBytes(6).toString('hex')}.part`;
}

/**
 * True for the names `temporaryNameFor` makes: an upload still in progress or left by a crash.
 *
 * @example
 * isTemporaryName('.PO1001.edi.3f9a0c1b2d4e.part'); // true
 * isTemporaryName('PO1001.edi');                    // false
 */
export function isTemporaryName(name: string): boolean {
  return TEMPORARY.test(name);
}
