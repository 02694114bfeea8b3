import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SftpTestServer, startSftpTestServer } from './sftp-test-server.js';
import { sftpCredential, temporaryDirectory, transportRuntime } from './test-support.js';

const runtime = transportRuntime();

describe('transport credential tests', () => {
  let server: SftpTestServer;
  let dir: Awaited<ReturnType<typeof temporaryDirectory>>;
  const signal = () => AbortSignal.timeout(10_000);

  beforeAll(async () => {
    server = await startSftpTestServer();
    dir = await temporaryDirectory();
    await writeFile(join(dir.path, 'PO1.edi'), 'ISA~');
    await writeFile(join(server.root, 'PO1.edi'), 'ISA~');
  });
  afterAll(async () => {
    await server.close();
    await dir.remove();
  });

  it('lists the root folder of a folder credential', async () => {
    const result = await runtime.testCredential(
      { id: 'f', type: 'edi-folder', values: { root: dir.path }, allowedHosts: [] },
      signal(),
    );
    expect(result).toEqual({ ok: true, message: `The folder ${dir.path} is readable; it holds 1 file.` });
    const missing = await runtime.testCredential(
      { id: 'f', type: 'edi-folder', values: { root: join(dir.path, 'nope') }, allowedHosts: [] },
      signal(),
    );
    expect(missing?.ok).toBe(false);
    expect(missing?.message).toContain('does not exist');
  });

  it('signs in to the SFTP server, lists its root and suggests pinning an unpinned host key', async () => {
    const pinned = await runtime.testCredential(sftpCredential(server), signal());
    expect(pinned?.ok).toBe(true);
    expect(pinned?.message).toContain('listed 1 file');
    expect(pinned?.message).not.toContain('Enter this host key');
    const unpinned = await runtime.testCredential(sftpCredential(server, { hostKeySha256: '' }), signal());
    expect(unpinned?.ok).toBe(true);
    expect(unpinned?.message).toContain(server.hostKeySha256);
    expect(unpinned?.message).toContain('Enter this host key');
  });

  it('answers a wrong password, a loopback host without allowance and a bad port with sentences', async () => {
    const wrong = await runtime.testCredential(sftpCredential(server, { password: 'not-it-123' }), signal());
    expect(wrong).toMatchObject({ ok: false });
    expect(wrong?.message).toContain('did not accept the user');
    expect(wrong?.message).not.toContain('not-it-123');
    const blocked = await runtime.testCredential(sftpCredential(server, {}, []), signal());
    expect(blocked?.message).toContain('allowed hosts');
    const badPort = await runtime.testCredential(sftpCredential(server, { port: 'ssh' }), signal());
    expect(badPort?.message).toContain('not a TCP port');
  });
});
