import { mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSftpStore, type SftpStoreOptions } from './sftp-client.js';
import { type SftpTestServer, startSftpTestServer } from './sftp-test-server.js';
import { allBytes, namesIn, rejection, temporaryDirectory } from './test-support.js';

describe('SFTP store against the ssh2 test server', () => {
  let server: SftpTestServer;
  let outside: Awaited<ReturnType<typeof temporaryDirectory>>;
  const options = (extra: Partial<SftpStoreOptions> = {}): SftpStoreOptions => ({
    host: server.host,
    port: server.port,
    username: server.username,
    password: server.password,
    hostKeySha256: server.hostKeySha256,
    allowedHosts: ['127.0.0.1'],
    ...extra,
  });

  beforeAll(async () => {
    server = await startSftpTestServer();
    outside = await temporaryDirectory();
    await writeFile(join(outside.path, 'secret.txt'), 'not for flows');
  });
  afterAll(async () => {
    await server.close();
    await outside.remove();
  });
  afterEach(async () => {
    server.faults.failWriteAfterBytes = undefined;
    server.faults.stall = undefined;
    for (const name of await namesIn(server.root))
      await rm(join(server.root, name), { recursive: true, force: true });
  });

  it('writes the exact bytes, 0x80–0xFF included, leaves no temporary file and reads them back', async () => {
    await mkdir(join(server.root, 'outbound'));
    const store = await openSftpStore(options());
    try {
      await store.write('outbound/PO1.edi', allBytes(), { overwrite: false });
      expect(await readFile(join(server.root, 'outbound/PO1.edi'))).toEqual(allBytes());
      expect(await namesIn(join(server.root, 'outbound'))).toEqual(['PO1.edi']);
      expect(await store.read('outbound/PO1.edi')).toEqual(allBytes());
      const [entry] = await store.list('outbound');
      expect(entry).toMatchObject({ name: 'PO1.edi', size: allBytes().length });
    } finally {
      await store.close();
    }
  });

  it('never shows a partial file under the final name while 5 MB are uploaded', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    const target = join(server.root, 'big.edi');
    const store = await openSftpStore(options());
    let writing = true;
    const partial: number[] = [];
    let polls = 0;
    const watcher = (async () => {
      while (writing) {
        polls++;
        const size = await stat(target).then(
          (info) => info.size,
          () => -1,
        );
        if (size !== -1 && size !== bytes.length) partial.push(size);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    try {
      await store.write('big.edi', bytes, { overwrite: false });
    } finally {
      writing = false;
      await watcher;
      await store.close();
    }
    expect(partial).toEqual([]);
    expect(polls).toBeGreaterThan(5);
    // toEqual walks 5 MB byte by byte for seconds; Buffer.equals compares in one call.
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect(await namesIn(server.root)).toEqual(['big.edi']);
  });

  it('removes the temporary file when an upload fails half-way', async () => {
    server.faults.failWriteAfterBytes = 100_000;
    const store = await openSftpStore(options());
    try {
      const failed = await rejection(
        store.write('PO1.edi', Buffer.alloc(300_000, 0x41), { overwrite: false }),
      );
      expect(failed).toMatchObject({ code: 'FILE_TRANSFER_FAILED', kind: 'connector' });
      expect(await namesIn(server.root)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('refuses to replace an existing file unless overwriting is allowed', async () => {
    await writeFile(join(server.root, 'PO1.edi'), 'old');
    const store = await openSftpStore(options());
    try {
      expect(await rejection(store.write('PO1.edi', Buffer.from('new'), { overwrite: false }))).toMatchObject(
        {
          code: 'FILE_EXISTS',
          kind: 'user',
        },
      );
      expect(await readFile(join(server.root, 'PO1.edi'), 'latin1')).toBe('old');
      await store.write('PO1.edi', Buffer.from('new'), { overwrite: true });
      expect(await readFile(join(server.root, 'PO1.edi'), 'latin1')).toBe('new');
      expect(await namesIn(server.root)).toEqual(['PO1.edi']);
    } finally {
      await store.close();
    }
  });

  it('refuses paths that leave the root, through ".." or a symlink on the server', async () => {
    await symlink(outside.path, join(server.root, 'escape'));
    await symlink(join(outside.path, 'secret.txt'), join(server.root, 'secret-link.txt'));
    const store = await openSftpStore(options());
    try {
      const attempts = [
        () => store.read('../etc/passwd'),
        () => store.read('/etc/passwd'),
        () => store.read('escape/secret.txt'),
        () => store.read('secret-link.txt'),
        () => store.list('escape'),
        () => store.write('escape/x.edi', Buffer.from('x'), { overwrite: false }),
      ];
      for (const attempt of attempts) {
        expect(await rejection(attempt())).toMatchObject({ code: 'PATH_OUTSIDE_ROOT', kind: 'user' });
      }
      expect((await store.list('')).map((entry) => entry.name)).toEqual([]);
    } finally {
      await store.close();
    }
    expect(await namesIn(outside.path)).toEqual(['secret.txt']);
  });

  it('signs in with a private key, and with an encrypted one and its passphrase', async () => {
    const withKey = await openSftpStore(
      options({ password: undefined, privateKey: server.clientPrivateKey }),
    );
    await withKey.close();
    const { privateKey, passphrase } = server.encryptedClientKey;
    const withEncrypted = await openSftpStore(options({ password: undefined, privateKey, passphrase }));
    await withEncrypted.close();
    const wrong = await rejection(
      openSftpStore(options({ password: undefined, privateKey, passphrase: 'nope' })),
    );
    expect(wrong).toMatchObject({ code: 'INVALID_PASSPHRASE', kind: 'user' });
    expect(wrong.message).not.toContain('nope');
  });

  it('explains a wrong password without repeating it', async () => {
    const refused = await rejection(openSftpStore(options({ password: 'hunter2-wrong' })));
    expect(refused).toMatchObject({ code: 'AUTHENTICATION_FAILED', kind: 'user' });
    expect(refused.message).toContain(`"${server.username}"`);
    expect(refused.message).not.toContain('hunter2-wrong');
  });

  it('refuses a server whose host key is not the pinned one, naming both fingerprints', async () => {
    const pinned = 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8';
    const refused = await rejection(openSftpStore(options({ hostKeySha256: pinned })));
    expect(refused).toMatchObject({ code: 'HOST_KEY_MISMATCH', kind: 'user' });
    expect(refused.message).toContain(pinned);
    expect(refused.message).toContain(server.hostKeySha256);
  });

  it('accepts the pinned fingerprint written without prefix and padding, and logs an unpinned one', async () => {
    const bare = server.hostKeySha256.replace('SHA256:', '');
    const store = await openSftpStore(options({ hostKeySha256: `${bare}=` }));
    expect(store.hostKeySha256).toBe(server.hostKeySha256);
    await store.close();
    const lines: string[] = [];
    const unpinned = await openSftpStore(
      options({ hostKeySha256: undefined, log: (line) => lines.push(`${line.level}: ${line.message}`) }),
    );
    await unpinned.close();
    expect(lines.some((line) => line.startsWith('warn') && line.includes(server.hostKeySha256))).toBe(true);
  });

  it('refuses a loopback host, by address or by name, unless the allowed hosts name it', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const refused = await rejection(openSftpStore(options({ host, allowedHosts: [] })));
      expect(refused).toMatchObject({ code: 'BLOCKED_ADDRESS', kind: 'user' });
      expect(refused.message).toContain('allowed hosts');
    }
    const byName = await openSftpStore(
      options({ host: 'localhost', allowedHosts: [`localhost:${server.port}`] }),
    );
    await byName.close();
    expect(await rejection(openSftpStore(options({ allowedHosts: ['127.0.0.1:1'] })))).toMatchObject({
      code: 'BLOCKED_ADDRESS',
    });
  });

  it('gives up a request the server never answers, as a retryable timeout', async () => {
    const store = await openSftpStore(options({ operationTimeoutMs: 300 }));
    server.faults.stall = ['OPENDIR'];
    const timedOut = await rejection(store.list(''));
    expect(timedOut).toMatchObject({ code: 'TIMEOUT', kind: 'system' });
    await store.close();
  });

  it('stops a request at once when the call is aborted', async () => {
    const controller = new AbortController();
    const store = await openSftpStore(options({ signal: controller.signal }));
    server.faults.stall = ['OPENDIR'];
    const started = Date.now();
    const listing = store.list('');
    setTimeout(() => controller.abort(), 50);
    await expect(listing).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5_000);
    await store.close();
  });

  it('reports a port where nothing listens as a retryable network error', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    const port = typeof address === 'object' && address ? address.port : 1;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const failed = await rejection(openSftpStore(options({ port })));
    expect(failed).toMatchObject({ code: 'NETWORK', kind: 'connector' });
  });

  it('works below a root directory given relative to the login directory', async () => {
    await mkdir(join(server.root, 'partners/acme'), { recursive: true });
    const store = await openSftpStore(options({ root: 'partners/acme' }));
    try {
      await store.makeDirectory('inbound/2025');
      await store.write('inbound/2025/PO1.edi', Buffer.from('ISA'), { overwrite: false });
      await store.rename('inbound/2025/PO1.edi', 'PO1.edi', { overwrite: false });
      expect(await namesIn(join(server.root, 'partners/acme'))).toEqual(['PO1.edi', 'inbound']);
      expect(await rejection(store.read('../../x'))).toMatchObject({ code: 'PATH_OUTSIDE_ROOT' });
      await store.remove('PO1.edi');
      expect(await store.stat('PO1.edi')).toBeUndefined();
    } finally {
      await store.close();
    }
    expect(await rejection(openSftpStore(options({ root: 'missing' })))).toMatchObject({
      code: 'ROOT_NOT_FOUND',
    });
  });
});
