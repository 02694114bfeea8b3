import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSecretKey, parseSecretKey } from './secret-key.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'waybill-key-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('loadSecretKey', () => {
  it('prefers the environment value, in base64 or hex', async () => {
    const key = randomBytes(32);
    const keyFile = join(dir, 'secret.key');
    expect(await loadSecretKey({ env: key.toString('base64'), keyFile })).toEqual(key);
    expect(await loadSecretKey({ env: key.toString('hex'), keyFile })).toEqual(key);
    expect(await loadSecretKey({ env: key.toString('base64url'), keyFile })).toEqual(key);
    await expect(stat(keyFile)).rejects.toThrow();
  });

  it('creates a private key file on first start and reads the same key afterwards', async () => {
    const keyFile = join(dir, 'data', 'secret.key');
    const created = await loadSecretKey({ keyFile });
    expect(created).toHaveLength(32);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(await loadSecretKey({ keyFile, env: '' })).toEqual(created);
    expect((await readFile(keyFile, 'utf8')).trim()).toBe(created.toString('base64'));
  });

  it('reads a key file holding the raw bytes', async () => {
    const key = randomBytes(32);
    key[0] = 0; // certainly not text
    const keyFile = join(dir, 'raw.key');
    await writeFile(keyFile, key);
    expect(await loadSecretKey({ keyFile })).toEqual(key);
  });

  it('explains an environment value of the wrong length or encoding', async () => {
    const keyFile = join(dir, 'secret.key');
    await expect(loadSecretKey({ env: randomBytes(16).toString('base64'), keyFile })).rejects.toThrow(
      /WAYBILL_SECRET_KEY must be 32 random bytes .* decodes to 16 bytes/,
    );
    await expect(loadSecretKey({ env: 'not a key!', keyFile })).rejects.toThrow(/neither/);
  });
});

describe('parseSecretKey', () => {
  it('names the source of a bad key in its message', () => {
    expect(() => parseSecretKey('abcd', 'The key file ./data/secret.key')).toThrow(
      /^The key file \.\/data\/secret\.key must be/,
    );
  });
});
