import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileStore } from './file-store.js';
import { openFolderStore } from './folder-client.js';
import { allBytes, namesIn, rejection, temporaryDirectory } from './test-support.js';

describe('folder store', () => {
  let dir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let outside: Awaited<ReturnType<typeof temporaryDirectory>>;
  let store: FileStore;

  beforeEach(async () => {
    dir = await temporaryDirectory();
    outside = await temporaryDirectory();
    await writeFile(join(outside.path, 'secret.txt'), 'not for flows');
    store = await openFolderStore({ root: dir.path });
  });
  afterEach(async () => {
    await store.close();
    await dir.remove();
    await outside.remove();
  });

  it('writes the exact bytes, 0x80–0xFF included, and leaves no temporary file', async () => {
    await mkdir(join(dir.path, 'outbound'));
    await store.write('outbound/PO1.edi', allBytes(), { overwrite: false });
    expect(await readFile(join(dir.path, 'outbound/PO1.edi'))).toEqual(allBytes());
    expect(await namesIn(join(dir.path, 'outbound'))).toEqual(['PO1.edi']);
    expect(await store.read('outbound/PO1.edi')).toEqual(allBytes());
  });

  it('never shows a partial file under the final name while a large file is written', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024, 0xa7);
    const target = join(dir.path, 'big.edi');
    let writing = true;
    const sizesSeen = new Set<number>();
    const watcher = (async () => {
      while (writing) {
        const size = await stat(target).then(
          (info) => info.size,
          () => -1,
        );
        sizesSeen.add(size);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await store.write('big.edi', bytes, { overwrite: false });
    writing = false;
    await watcher;
    expect([...sizesSeen].filter((size) => size !== -1 && size !== bytes.length)).toEqual([]);
    expect((await stat(target)).size).toBe(bytes.length);
  });

  it('refuses to replace an existing file unless overwriting is allowed', async () => {
    await writeFile(join(dir.path, 'PO1.edi'), 'old');
    const refused = await rejection(store.write('PO1.edi', Buffer.from('new'), { overwrite: false }));
    expect(refused).toMatchObject({ code: 'FILE_EXISTS', kind: 'user' });
    expect(await readFile(join(dir.path, 'PO1.edi'), 'latin1')).toBe('old');
    await store.write('PO1.edi', Buffer.from('new'), { overwrite: true });
    expect(await readFile(join(dir.path, 'PO1.edi'), 'latin1')).toBe('new');
    expect(await namesIn(dir.path)).toEqual(['PO1.edi']);
  });

  it('refuses paths that leave the root: "..", absolute paths and symlinks pointing out', async () => {
    await symlink(outside.path, join(dir.path, 'escape'));
    await symlink(join(outside.path, 'secret.txt'), join(dir.path, 'secret-link.txt'));
    const attempts = [
      () => store.read('../x'),
      () => store.read('inbound/../../x'),
      () => store.read(join(outside.path, 'secret.txt')),
      () => store.read('escape/secret.txt'),
      () => store.read('secret-link.txt'),
      () => store.list('escape'),
      () => store.write('escape/new.edi', Buffer.from('x'), { overwrite: false }),
      () => store.makeDirectory('escape/sub'),
      () => store.rename('secret-link.txt', '../stolen.txt', { overwrite: false }),
    ];
    for (const attempt of attempts) {
      expect(await rejection(attempt())).toMatchObject({ code: 'PATH_OUTSIDE_ROOT', kind: 'user' });
    }
    expect(await namesIn(outside.path)).toEqual(['secret.txt']);
  });

  it('lists regular files only, without temporary upload names or links that lead out', async () => {
    await writeFile(join(dir.path, 'PO1.edi'), 'a');
    await writeFile(join(dir.path, '.PO2.edi.0123456789ab.part'), 'half');
    await mkdir(join(dir.path, 'archive'));
    await symlink(join(outside.path, 'secret.txt'), join(dir.path, 'out.edi'));
    await symlink(join(dir.path, 'PO1.edi'), join(dir.path, 'alias.edi'));
    const names = (await store.list('')).map((entry) => entry.name).sort();
    expect(names).toEqual(['PO1.edi', 'alias.edi']);
  });

  it('moves files without replacing, creates directories and removes files', async () => {
    await writeFile(join(dir.path, 'PO1.edi'), 'a');
    await store.makeDirectory('archive/2025');
    await store.rename('PO1.edi', 'archive/2025/PO1.edi', { overwrite: false });
    expect(await namesIn(join(dir.path, 'archive/2025'))).toEqual(['PO1.edi']);
    await writeFile(join(dir.path, 'PO1.edi'), 'b');
    expect(
      await rejection(store.rename('PO1.edi', 'archive/2025/PO1.edi', { overwrite: false })),
    ).toMatchObject({
      code: 'FILE_EXISTS',
    });
    await store.remove('PO1.edi');
    expect(await store.stat('PO1.edi')).toBeUndefined();
    expect(await rejection(store.read('PO1.edi'))).toMatchObject({ code: 'NOT_FOUND', kind: 'user' });
  });

  it('refuses a root that is relative or missing with a sentence naming it', async () => {
    expect(await rejection(openFolderStore({ root: 'relative/dir' }))).toMatchObject({
      code: 'INVALID_ROOT',
    });
    const missing = await rejection(openFolderStore({ root: join(dir.path, 'nope') }));
    expect(missing.code).toBe('ROOT_NOT_FOUND');
    expect(missing.message).toContain(join(dir.path, 'nope'));
  });

  it('stops at once when the call is aborted', async () => {
    const controller = new AbortController();
    const aborted = await openFolderStore({ root: dir.path, signal: controller.signal });
    controller.abort();
    await expect(aborted.list('')).rejects.toThrow();
  });
});
