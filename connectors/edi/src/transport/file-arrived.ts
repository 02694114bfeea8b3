import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import {
  defineTrigger,
  isWaybillError,
  type LogLine,
  type PolledItem,
  userError,
} from '@waybill/connector-kit';
import { EDI_TRANSPORT_CREDENTIAL } from './credential-types.js';
import {
  type FileArrivedCursor,
  fileArrivedCursorOf,
  type PendingArchive,
  type SeenFile,
} from './file-arrived-cursor.js';
import type { FileEntry, FileStore } from './file-store.js';
import { globMatcher } from './glob.js';
import { openFileStore } from './open-store.js';
import { joinPath, relativePath } from './store-paths.js';

/** A version is trusted by size and time alone once its time is this far behind the poll. */
const SETTLE_MS = 3000;

/**
 * Config of `edi.fileArrived`.
 *
 * @example
 * const config = { directory: 'inbound', pattern: '*.{edi,x12}', afterPickup: 'move', archiveDirectory: 'archive' };
 */
export const FileArrivedConfigSchema = Type.Object(
  {
    directory: Type.Optional(
      Type.String({
        default: '',
        description: 'Directory below the root of the credential; empty: the root.',
      }),
    ),
    pattern: Type.Optional(
      Type.String({
        minLength: 1,
        default: '*',
        description: 'File names to pick up, e.g. *.edi or PO*.{edi,x12}; case is ignored.',
      }),
    ),
    intervalSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 86_400, default: 60 })),
    minAgeSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 86_400,
        default: 2,
        description: 'Skip files changed in the last N seconds: a partner may still be writing them.',
      }),
    ),
    afterPickup: Type.Optional(
      Type.Union([Type.Literal('leave'), Type.Literal('move')], {
        default: 'leave',
        description:
          'leave: keep the file where it is; move: move it to the archive directory once handed over.',
      }),
    ),
    archiveDirectory: Type.Optional(
      Type.String({ minLength: 1, description: 'Where picked-up files go when afterPickup is move.' }),
    ),
    batchSize: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1000,
        default: 50,
        description: 'Files handed out per poll at most.',
      }),
    ),
    maxFileBytes: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 256 * 1024 * 1024,
        default: 50 * 1024 * 1024,
        description: 'Larger files are skipped (and logged).',
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * The payload of one execution: the file and its exact bytes as latin1 text (one character per
 * byte, so the interchange parsers see exactly what the partner sent).
 *
 * @example
 * const payload: FileArrivedPayload = { fileName: 'PO1.edi', path: 'inbound/PO1.edi', size: 1187,
 *   modifiedAt: '2025-03-02T08:14:05.000Z', sha256: '9f86d0…', content: 'ISA*00*…' };
 */
export interface FileArrivedPayload {
  fileName: string;
  path: string;
  size: number;
  modifiedAt: string;
  sha256: string;
  content: string;
}

/**
 * `edi.fileArrived`: starts the flow once per file that arrives in a folder or on an SFTP server,
 * oldest first. Temporary upload names and files changed within `minAgeSeconds` are skipped. Each
 * file version (size, time, SHA-256) is handed out once: the cursor remembers the versions of the
 * files still there, so a replaced file runs again and an unchanged one never does. With
 * `afterPickup: 'move'`, a file is archived by the poll after the one that handed it out — the
 * poller stores a cursor only after it stored the poll's deliveries, so a file never leaves the
 * inbox before its execution is safe.
 *
 * @example
 * { "type": "edi.fileArrived", "credential": "acme-sftp",
 *   "config": { "directory": "inbound", "pattern": "*.x12", "afterPickup": "move", "archiveDirectory": "inbound/done" } }
 */
export const fileArrivedTrigger = defineTrigger({
  type: 'edi.fileArrived',
  title: 'EDI file arrived',
  description: 'Starts the flow for every EDI file that arrives in a folder or on an SFTP server.',
  configSchema: FileArrivedConfigSchema,
  credential: EDI_TRANSPORT_CREDENTIAL,
  defaultIntervalSeconds: 60,
  async poll(ctx) {
    const { config } = ctx;
    const directory = relativePath(config.directory ?? '');
    const matches = globMatcher(config.pattern ?? '*');
    const archive = archiveDirectoryOf(config.afterPickup ?? 'leave', config.archiveDirectory, directory);
    const previous = fileArrivedCursorOf(ctx.cursor);
    const log = (line: LogLine) => ctx.log(line);
    const store = await openFileStore(ctx.credential, { signal: ctx.signal, log });
    try {
      const seen = new Map(previous.files.map((file) => [file.name, file]));
      const stillPending =
        archive === undefined
          ? []
          : await archiveHandedOut(store, previous.toArchive, { directory, archive, seen, log });
      const listed = (await store.list(directory)).filter((entry) => matches(entry.name));
      const next = new Map<string, SeenFile>();
      for (const entry of listed) {
        const known = seen.get(entry.name);
        if (known) next.set(entry.name, known);
      }
      const now = Date.now();
      const due = listed
        .filter((entry) => now - entry.modifiedAt.getTime() >= (config.minAgeSeconds ?? 2) * 1000)
        .sort(oldestFirst);
      const items: PolledItem[] = [];
      const toArchive: PendingArchive[] = [...stillPending];
      for (const entry of due) {
        if (items.length >= (config.batchSize ?? 50)) break;
        const mtimeMs = entry.modifiedAt.getTime();
        const known = next.get(entry.name);
        if (known?.settled && known.size === entry.size && known.mtimeMs === mtimeMs) continue;
        if (entry.size > (config.maxFileBytes ?? 50 * 1024 * 1024)) {
          log({
            level: 'warn',
            message: `Skipped ${entry.name} (${entry.size} bytes): it is larger than maxFileBytes.`,
          });
          continue;
        }
        const path = joinPath(directory, entry.name);
        const bytes = await readIfThere(store, path);
        if (!bytes) continue;
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const version = { name: entry.name, size: bytes.length, mtimeMs, sha256: sha256.slice(0, 16) };
        next.set(entry.name, { ...version, settled: now - mtimeMs >= SETTLE_MS });
        // Touched or rewritten with the same bytes: the content was handed out already.
        if (known && known.sha256 === version.sha256 && known.size === version.size) continue;
        const payload: FileArrivedPayload = {
          fileName: entry.name,
          path,
          size: bytes.length,
          modifiedAt: entry.modifiedAt.toISOString(),
          sha256,
          content: bytes.toString('latin1'),
        };
        items.push({ payload, dedupeKey: `${path}@${bytes.length}@${mtimeMs}@${version.sha256}` });
        if (archive !== undefined) toArchive.push({ name: entry.name, size: entry.size, mtimeMs });
      }
      const cursor: FileArrivedCursor = { files: [...next.values()], toArchive };
      return { items, cursor };
    } finally {
      await store.close();
    }
  },
});

function archiveDirectoryOf(
  afterPickup: 'leave' | 'move',
  archiveDirectory: string | undefined,
  directory: string,
) {
  if (afterPickup === 'leave') return undefined;
  if (archiveDirectory === undefined) {
    throw userError({
      code: 'ARCHIVE_DIRECTORY_MISSING',
      message:
        'afterPickup is "move" but no archiveDirectory is set; name the directory picked-up files go to.',
    });
  }
  const archive = relativePath(archiveDirectory);
  if (archive === directory) {
    throw userError({
      code: 'ARCHIVE_DIRECTORY_INVALID',
      message: `The archive directory "${archiveDirectory}" is the directory being watched; choose another one, e.g. "${joinPath(directory, 'archive')}".`,
    });
  }
  return archive;
}

/**
 * Moves what the previous poll handed out to the archive, unless it changed since (then it is a
 * new version to hand out). Returns the moves that failed, to try again next poll.
 */
async function archiveHandedOut(
  store: FileStore,
  pending: readonly PendingArchive[],
  context: { directory: string; archive: string; seen: Map<string, SeenFile>; log: (line: LogLine) => void },
): Promise<PendingArchive[]> {
  const { directory, archive, seen, log } = context;
  const failed: PendingArchive[] = [];
  if (pending.length > 0) await store.makeDirectory(archive);
  for (const file of pending) {
    const path = joinPath(directory, file.name);
    const current = await store.stat(path);
    if (!current || current.size !== file.size || current.modifiedAt.getTime() !== file.mtimeMs) continue;
    try {
      const target = await moveAside(store, path, archive, file);
      seen.delete(file.name);
      log({ level: 'info', message: `Moved ${path} to ${target}.` });
    } catch (error) {
      failed.push(file);
      const reason = error instanceof Error ? error.message : String(error);
      log({
        level: 'warn',
        message: `Could not move ${path} to the archive; trying again next poll. ${reason}`,
      });
    }
  }
  return failed;
}

/** Archives under the same name, or with the file's time in the name when that one is taken. */
async function moveAside(
  store: FileStore,
  path: string,
  archive: string,
  file: PendingArchive,
): Promise<string> {
  const stamp = new Date(file.mtimeMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const dot = file.name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [file.name.slice(0, dot), file.name.slice(dot)] : [file.name, ''];
  const taken = (error: unknown) => isWaybillError(error) && error.info.code === 'FILE_EXISTS';
  for (const name of [file.name, `${stem}.${stamp}${extension}`]) {
    const target = joinPath(archive, name);
    const moved = await store.rename(path, target, { overwrite: false }).then(
      () => true,
      (error: unknown) => {
        if (taken(error)) return false;
        throw error;
      },
    );
    if (moved) return target;
  }
  // Both taken (the same name and time archived before): a random suffix cannot collide in practice.
  const target = joinPath(archive, `${stem}.${stamp}.${Date.now().toString(36)}${extension}`);
  await store.rename(path, target, { overwrite: false });
  return target;
}

async function readIfThere(store: FileStore, path: string): Promise<Buffer | undefined> {
  try {
    return await store.read(path);
  } catch (error) {
    // Taken away between the listing and the read (by the partner, or another poller).
    if (isWaybillError(error) && error.info.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

function oldestFirst(a: FileEntry, b: FileEntry): number {
  return a.modifiedAt.getTime() - b.modifiedAt.getTime() || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
