import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedCredential } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SftpTestServer, startSftpTestServer } from './sftp-test-server.js';
import {
  folderCredential,
  namesIn,
  rejection,
  sftpCredential,
  temporaryDirectory,
  transportRuntime,
} from './test-support.js';

const runtime = transportRuntime();
const interchange = `ISA*00*          *00*          *ZZ*ACME*ZZ*WAYBILL*250302*0814*U*00401*000000905*0*P*>~ST*850*0001~N1*ST*Müller Großhandel ©®±~SE*3*0001~IEA*1*000000905~`;

interface Backend {
  name: string;
  start(): Promise<{ root: string; credential: ResolvedCredential; stop(): Promise<void> }>;
}

const backends: Backend[] = [
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
      const server: SftpTestServer = await startSftpTestServer();
      return { root: server.root, credential: sftpCredential(server), stop: server.close };
    },
  },
];

describe.each(backends)('edi.writeFile to $name', (backend) => {
  let root: string;
  let credential: ResolvedCredential;
  let stop: () => Promise<void>;
  const write = (config: Record<string, unknown>, input: unknown, logs?: string[]) => {
    const call = testCall({ type: 'edi.writeFile', credential, config, input });
    return runtime.invoke(call).finally(() => logs?.push(...call.logs.map((line) => line.message)));
  };

  beforeAll(async () => {
    ({ root, credential, stop } = await backend.start());
  });
  afterAll(async () => stop());
  beforeEach(async () => {
    for (const name of await namesIn(root)) await rm(join(root, name), { recursive: true, force: true });
    await mkdir(join(root, 'outbound'));
  });

  it('writes the interchange as latin1, one byte per character, and reports its size and SHA-256', async () => {
    const result = await write({ directory: 'outbound', fileName: 'PO-905.edi' }, { content: interchange });
    const bytes = Buffer.from(interchange, 'latin1');
    expect(result.output).toEqual({
      path: 'outbound/PO-905.edi',
      fileName: 'PO-905.edi',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      written: true,
    });
    expect((await readFile(join(root, 'outbound/PO-905.edi'))).equals(bytes)).toBe(true);
    expect(await namesIn(join(root, 'outbound'))).toEqual(['PO-905.edi']);
  });

  it('does not write a second file when a retry follows a crash between the write and its answer', async () => {
    const first = await write({ directory: 'outbound' }, { content: interchange, fileName: 'PO-905.edi' });
    // The engine never saw `first`: the retry runs the same step again with the same input.
    const retry = await write({ directory: 'outbound' }, { content: interchange, fileName: 'PO-905.edi' });
    expect(retry.output).toEqual({ ...Object(first.output), written: false });
    expect(await namesIn(join(root, 'outbound'))).toEqual(['PO-905.edi']);
  });

  it('writes the file on a retry after a crash in the middle of the upload, beside the leftover part', async () => {
    await writeFile(join(root, 'outbound/.PO-905.edi.0123456789ab.part'), 'ISA*00*   ');
    const result = await write({ directory: 'outbound' }, { content: interchange, fileName: 'PO-905.edi' });
    expect(result.output).toMatchObject({ written: true });
    expect(await readFile(join(root, 'outbound/PO-905.edi'), 'latin1')).toBe(interchange);
  });

  it('refuses to replace a file of the same name with other content unless overwrite is on', async () => {
    await writeFile(join(root, 'outbound/PO-905.edi'), 'someone else');
    const refused = await rejection(
      write({ directory: 'outbound' }, { content: interchange, fileName: 'PO-905.edi' }),
    );
    expect(refused).toMatchObject({ code: 'FILE_EXISTS', kind: 'user' });
    expect(refused.message).toContain('outbound/PO-905.edi');
    expect(await readFile(join(root, 'outbound/PO-905.edi'), 'latin1')).toBe('someone else');
    const replaced = await write(
      { directory: 'outbound', overwrite: true },
      { content: interchange, fileName: 'PO-905.edi' },
    );
    expect(replaced.output).toMatchObject({ written: true });
    expect(await readFile(join(root, 'outbound/PO-905.edi'), 'latin1')).toBe(interchange);
    expect(await namesIn(join(root, 'outbound'))).toEqual(['PO-905.edi']);
  });

  it('refuses names and directories that leave the root', async () => {
    expect(await rejection(write({}, { content: 'x', fileName: '../x.edi' }))).toMatchObject({
      code: 'INVALID_FILE_NAME',
      kind: 'user',
    });
    expect(await rejection(write({ directory: '../up', fileName: 'x.edi' }, { content: 'x' }))).toMatchObject(
      {
        code: 'PATH_OUTSIDE_ROOT',
        kind: 'user',
      },
    );
    expect(await rejection(write({ directory: '/etc', fileName: 'x.edi' }, { content: 'x' }))).toMatchObject({
      code: 'PATH_OUTSIDE_ROOT',
    });
    expect(await rejection(write({}, { content: 'x' }))).toMatchObject({ code: 'FILE_NAME_MISSING' });
  });

  it('refuses characters latin1 cannot hold and writes them as UTF-8 when asked', async () => {
    const refused = await rejection(write({ fileName: 'euro.edi' }, { content: 'PRICE*10€~' }));
    expect(refused).toMatchObject({ code: 'UNENCODABLE_CONTENT', kind: 'user' });
    expect(refused.message).toContain('U+20AC');
    await write({ fileName: 'euro.edi' }, { content: 'PRICE*10€~', encoding: 'utf8' });
    expect(await readFile(join(root, 'euro.edi'), 'utf8')).toBe('PRICE*10€~');
  });

  it('creates a missing directory only when told to', async () => {
    const missing = await rejection(
      write({ directory: 'outbound/2025/03', fileName: 'a.edi' }, { content: 'x' }),
    );
    expect(missing).toMatchObject({ code: 'NOT_FOUND', kind: 'user' });
    await write(
      { directory: 'outbound/2025/03', fileName: 'a.edi', createDirectory: true },
      { content: 'x' },
    );
    expect(await namesIn(join(root, 'outbound/2025/03'))).toEqual(['a.edi']);
  });

  it('keeps secrets out of its output and logs', async () => {
    const logs: string[] = [];
    const result = await write({ fileName: 'a.edi' }, { content: 'x' }, logs);
    const text = JSON.stringify(result) + logs.join('\n');
    for (const [field, value] of Object.entries(credential.values)) {
      if (field === 'password' && typeof value === 'string') expect(text).not.toContain(value);
    }
    expect(logs.some((line) => line.includes('a.edi'))).toBe(true);
  });
});
