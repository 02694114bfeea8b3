import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PolledItem, ResolvedCredential } from '@waybill/connector-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FileArrivedPayload } from './file-arrived.js';
import { startSftpTestServer } from './sftp-test-server.js';
import {
  allBytes,
  folderCredential,
  namesIn,
  rejection,
  sftpCredential,
  temporaryDirectory,
  transportRuntime,
} from './test-support.js';

const runtime = transportRuntime();

const backends = [
  {
    name: 'a local folder',
    async start() {
      const dir = await temporaryDirectory();
      return { root: dir.path, credential: folderCredential(dir.path), stop: dir.remove };
    },
  },
  {
    name: 'the ssh2 test SFTP server',
    async start() {
      const server = await startSftpTestServer();
      return { root: server.root, credential: sftpCredential(server), stop: server.close };
    },
  },
];

describe.each(backends)('edi.fileArrived on $name', (backend) => {
  let root: string;
  let credential: ResolvedCredential;
  let stop: () => Promise<void>;
  const logs: string[] = [];
  /** Writes a file whose modification time lies `ageSeconds` in the past (whole seconds, as SFTP reports). */
  const place = async (path: string, bytes: Buffer | string, ageSeconds = 60) => {
    await writeFile(join(root, path), bytes);
    const at = Math.floor(Date.now() / 1000) - ageSeconds;
    await utimes(join(root, path), at, at);
  };
  /** One poll; the cursor goes through JSON as the poller stores it. */
  const poll = async (config: Record<string, unknown>, cursor?: unknown) => {
    const result = await runtime.poll({
      type: 'edi.fileArrived',
      config: { directory: 'inbound', ...config },
      credential,
      cursor,
      signal: AbortSignal.timeout(10_000),
      log: (line) => logs.push(`${line.level}: ${line.message}`),
    });
    const stored: unknown = JSON.parse(JSON.stringify(result.cursor));
    return { items: result.items, cursor: stored };
  };
  const names = (items: PolledItem[]) => items.map((item) => payloadOf(item).fileName);

  beforeAll(async () => {
    ({ root, credential, stop } = await backend.start());
  });
  afterAll(async () => stop());
  beforeEach(async () => {
    logs.length = 0;
    for (const name of await namesIn(root)) await rm(join(root, name), { recursive: true, force: true });
    await mkdir(join(root, 'inbound'));
  });

  it('hands out only matching, old-enough, non-temporary files, with their exact bytes as latin1 text', async () => {
    await place('inbound/PO1.edi', allBytes());
    await place('inbound/PO2.EDI', 'ISA*2~');
    await place('inbound/notes.txt', 'not EDI');
    await place('inbound/.PO3.edi.0123456789ab.part', 'ISA*half');
    await place('inbound/PO4.edi', 'ISA*still uploading', 0);
    await mkdir(join(root, 'inbound/sub.edi'));
    const { items } = await poll({ pattern: '*.edi', minAgeSeconds: 5 });
    expect(names(items).sort()).toEqual(['PO1.edi', 'PO2.EDI']);
    const first = items.map(payloadOf).find((payload) => payload.fileName === 'PO1.edi');
    expect(first).toMatchObject({ path: 'inbound/PO1.edi', size: allBytes().length });
    expect(Buffer.from(first?.content ?? '', 'latin1').equals(allBytes())).toBe(true);
    expect(first?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const key = items.find((item) => payloadOf(item).fileName === 'PO1.edi')?.dedupeKey;
    expect(key).toMatch(/^inbound\/PO1\.edi@\d+@\d+@[0-9a-f]{16}$/);
  });

  it('never hands out the same file version twice across polls, with the cursor stored as JSON', async () => {
    await place('inbound/PO1.edi', 'ISA*1~');
    const first = await poll({});
    expect(names(first.items)).toEqual(['PO1.edi']);
    const second = await poll({}, first.cursor);
    expect(second.items).toEqual([]);
    await place('inbound/PO2.edi', 'ISA*2~');
    const third = await poll({}, second.cursor);
    expect(names(third.items)).toEqual(['PO2.edi']);
    expect((await poll({}, third.cursor)).items).toEqual([]);
  });

  it('hands out a file again when it is replaced with new content, but not when only touched', async () => {
    await place('inbound/PO1.edi', 'ISA*1~', 120);
    const first = await poll({});
    await place('inbound/PO1.edi', 'ISA*1~', 60);
    const touched = await poll({}, first.cursor);
    expect(touched.items).toEqual([]);
    await place('inbound/PO1.edi', 'ISA*1 corrected~', 30);
    const replaced = await poll({}, touched.cursor);
    expect(names(replaced.items)).toEqual(['PO1.edi']);
    expect(payloadOf(replaced.items[0]).content).toBe('ISA*1 corrected~');
    expect(replaced.items[0]?.dedupeKey).not.toBe(first.items[0]?.dedupeKey);
  });

  it('gives the same dedupe keys when a poll is repeated from the old cursor after a crash', async () => {
    await place('inbound/PO1.edi', 'ISA*1~');
    const lost = await poll({});
    const repeated = await poll({});
    expect(repeated.items.map((item) => item.dedupeKey)).toEqual(lost.items.map((item) => item.dedupeKey));
  });

  it('moves handed-out files to the archive on the next poll, keeping an earlier file of the same name', async () => {
    const config = { afterPickup: 'move', archiveDirectory: 'archive' };
    await place('inbound/PO1.edi', 'ISA*1~');
    const first = await poll(config);
    expect(names(first.items)).toEqual(['PO1.edi']);
    // Still in the inbox: the deliveries of this poll are stored before its cursor, which the next poll gets.
    expect(await namesIn(join(root, 'inbound'))).toEqual(['PO1.edi']);
    const second = await poll(config, first.cursor);
    expect(second.items).toEqual([]);
    expect(await namesIn(join(root, 'inbound'))).toEqual([]);
    expect(await namesIn(join(root, 'archive'))).toEqual(['PO1.edi']);

    await place('inbound/PO1.edi', 'ISA*1 again~');
    const third = await poll(config, second.cursor);
    expect(names(third.items)).toEqual(['PO1.edi']);
    await poll(config, third.cursor);
    const archived = await namesIn(join(root, 'archive'));
    expect(archived).toHaveLength(2);
    expect(archived).toContain('PO1.edi');
    expect(archived.find((name) => name !== 'PO1.edi')).toMatch(/^PO1\.\d{8}T\d{6}Z\.edi$/);
  });

  it('hands out at most batchSize files per poll, oldest first, and the rest on the next poll', async () => {
    await place('inbound/c.edi', 'ISA*c~', 10);
    await place('inbound/a.edi', 'ISA*a~', 30);
    await place('inbound/b.edi', 'ISA*b~', 20);
    const first = await poll({ batchSize: 2 });
    expect(names(first.items)).toEqual(['a.edi', 'b.edi']);
    const second = await poll({ batchSize: 2 }, first.cursor);
    expect(names(second.items)).toEqual(['c.edi']);
  });

  it('picks up a file once it is old enough', async () => {
    await place('inbound/PO1.edi', 'ISA*1~', 0);
    const early = await poll({ minAgeSeconds: 30 });
    expect(early.items).toEqual([]);
    await place('inbound/PO1.edi', 'ISA*1~', 40);
    expect(names((await poll({ minAgeSeconds: 30 }, early.cursor)).items)).toEqual(['PO1.edi']);
  });

  it('skips and logs files larger than maxFileBytes', async () => {
    await place('inbound/big.edi', Buffer.alloc(2000, 0x41));
    await place('inbound/small.edi', 'ISA~');
    const { items } = await poll({ maxFileBytes: 1000 });
    expect(names(items)).toEqual(['small.edi']);
    expect(logs.some((line) => line.startsWith('warn') && line.includes('big.edi'))).toBe(true);
  });

  it('explains a move without an archive directory, a bad pattern and a directory outside the root', async () => {
    expect(await rejection(poll({ afterPickup: 'move' }))).toMatchObject({
      code: 'ARCHIVE_DIRECTORY_MISSING',
    });
    expect(await rejection(poll({ afterPickup: 'move', archiveDirectory: 'inbound/' }))).toMatchObject({
      code: 'ARCHIVE_DIRECTORY_INVALID',
    });
    expect(await rejection(poll({ pattern: 'in/*.edi' }))).toMatchObject({ code: 'INVALID_PATTERN' });
    expect(await rejection(poll({ directory: '../..' }))).toMatchObject({ code: 'PATH_OUTSIDE_ROOT' });
    expect(await rejection(poll({ directory: 'missing' }))).toMatchObject({
      code: 'NOT_FOUND',
      kind: 'user',
    });
  });
});

function payloadOf(item: PolledItem | undefined): FileArrivedPayload {
  const payload = item?.payload;
  if (!isPayload(payload)) throw new Error(`Not a file payload: ${JSON.stringify(payload)}`);
  return payload;
}

function isPayload(value: unknown): value is FileArrivedPayload {
  if (typeof value !== 'object' || value === null) return false;
  const fields: Record<string, string> = {
    fileName: 'string',
    path: 'string',
    size: 'number',
    modifiedAt: 'string',
    sha256: 'string',
    content: 'string',
  };
  return Object.entries(fields).every(
    ([name, type]) => name in value && typeof Reflect.get(value, name) === type,
  );
}
