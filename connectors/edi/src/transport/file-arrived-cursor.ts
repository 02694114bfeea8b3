/**
 * The cursor of `edi.fileArrived`, stored as JSON between polls. Lists, not objects keyed by file
 * name, so a partner's file called `__proto__` is just another name.
 */

/**
 * One version of a file that was handed out (or found identical to one that was).
 *
 * @example
 * const seen: SeenFile = { name: 'PO1.edi', size: 1187, mtimeMs: 1740903245000, sha256: '9f86d081884c7d65', settled: true };
 */
export interface SeenFile {
  name: string;
  size: number;
  mtimeMs: number;
  /** The first 16 hex digits of the SHA-256, enough to tell versions of one file apart. */
  sha256: string;
  /**
   * The modification time was old enough, when recorded, that a later change must show a later
   * time. Until then the file is read again on each poll, because a server that reports whole
   * seconds shows a rewrite within the same second with the same time.
   */
  settled: boolean;
}

/**
 * A file handed out by the previous poll and waiting to be moved to the archive.
 *
 * @example
 * const pending: PendingArchive = { name: 'PO1.edi', size: 1187, mtimeMs: 1740903245000 };
 */
export interface PendingArchive {
  name: string;
  size: number;
  mtimeMs: number;
}

/**
 * What the trigger remembers: the versions handed out of the files still in the directory, and
 * the files to archive once the poll that handed them out is known to be stored.
 *
 * @example
 * const cursor: FileArrivedCursor = { files: [], toArchive: [] };
 */
export interface FileArrivedCursor {
  files: SeenFile[];
  toArchive: PendingArchive[];
}

/**
 * Reads a stored cursor; anything unreadable counts as none (first poll), item by item, so one
 * damaged entry does not make every file in the directory run again.
 *
 * @example
 * fileArrivedCursorOf(JSON.parse(JSON.stringify({ files: [], toArchive: [] }))); // { files: [], toArchive: [] }
 * fileArrivedCursorOf(undefined);                                                // { files: [], toArchive: [] }
 */
export function fileArrivedCursorOf(value: unknown): FileArrivedCursor {
  if (!isRecord(value)) return { files: [], toArchive: [] };
  const files = Array.isArray(value.files) ? value.files.flatMap(seenFileOf) : [];
  const toArchive = Array.isArray(value.toArchive) ? value.toArchive.flatMap(pendingOf) : [];
  return { files, toArchive };
}

function seenFileOf(value: unknown): SeenFile[] {
  if (!isRecord(value)) return [];
  const { name, size, mtimeMs, sha256, settled } = value;
  if (typeof name !== 'string' || !isCount(size) || !isCount(mtimeMs) || typeof sha256 !== 'string')
    return [];
  return [{ name, size, mtimeMs, sha256, settled: settled === true }];
}

function pendingOf(value: unknown): PendingArchive[] {
  if (!isRecord(value)) return [];
  const { name, size, mtimeMs } = value;
  if (typeof name !== 'string' || !isCount(size) || !isCount(mtimeMs)) return [];
  return [{ name, size, mtimeMs }];
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
