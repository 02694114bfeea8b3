import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SECRET_KEY_BYTES } from './keyring.js';

/**
 * Finds the key credentials are encrypted with: the WAYBILL_SECRET_KEY value when given, else the
 * key file, else a new random key written to the key file (mode 0600) so a fresh install works
 * without setup and keeps working after a restart.
 *
 * @example
 * const secretKey = await loadSecretKey({ env: config.secretKey, keyFile: './data/secret.key' });
 */
export async function loadSecretKey(options: { env?: string; keyFile: string }): Promise<Buffer> {
  const [active] = await loadSecretKeys(options);
  if (!active) throw new Error('No secret key was found or created.');
  return active;
}

/**
 * Every master key, the active one first: WAYBILL_SECRET_KEY as a comma-separated list, or the key
 * file's lines (one key a line), or a new key file with one random key. Older keys stay listed
 * after a rotation until no credential needs them.
 *
 * @example
 * const keys = await loadSecretKeys({ env: process.env.WAYBILL_SECRET_KEY, keyFile: './data/secret.key' });
 */
export async function loadSecretKeys(options: { env?: string; keyFile: string }): Promise<Buffer[]> {
  const env = options.env?.trim();
  if (env)
    return env
      .split(',')
      .map((part, index) => parseSecretKey(part, `Key ${index + 1} of WAYBILL_SECRET_KEY`));
  const existing = await readKeyFile(options.keyFile);
  if (existing) return existing;
  return [await createKeyFile(options.keyFile)];
}

/**
 * Puts a new random master key at the top of the key file (the old ones stay below it), written
 * to a temporary file and renamed so no reader ever sees half a file. Returns every key, new first.
 *
 * @example
 * const keys = await addKeyToFile('./data/secret.key');
 */
export async function addKeyToFile(keyFile: string): Promise<Buffer[]> {
  const keys = [randomBytes(SECRET_KEY_BYTES), ...((await readKeyFile(keyFile)) ?? [])];
  const temporary = `${keyFile}.${process.pid}.tmp`;
  await writeFile(temporary, keys.map((key) => `${key.toString('base64')}\n`).join(''), { mode: 0o600 });
  await rename(temporary, keyFile);
  return keys;
}

async function createKeyFile(keyFile: string): Promise<Buffer> {
  const options = { keyFile };
  await mkdir(dirname(options.keyFile), { recursive: true });
  const key = randomBytes(SECRET_KEY_BYTES);
  try {
    // 'wx': if another process created the file first, use its key rather than overwrite it.
    await writeFile(options.keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const [raced] = (await readKeyFile(options.keyFile)) ?? [];
    if (!raced) throw error;
    return raced;
  }
}

/**
 * Reads a 32-byte key written as base64 (standard or URL-safe) or as 64 hex digits.
 *
 * @example
 * parseSecretKey('0123…cdef', 'WAYBILL_SECRET_KEY').length; // 32
 */
export function parseSecretKey(text: string, source: string): Buffer {
  const value = text.trim();
  const hint = `${source} must be ${SECRET_KEY_BYTES} random bytes written as base64 (44 characters) or hex (64 characters), e.g. the output of \`openssl rand -base64 32\``;
  if (/^[0-9a-fA-F]+$/.test(value) && value.length === SECRET_KEY_BYTES * 2) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    throw new Error(`${hint}; the value given is neither.`);
  }
  const key = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
  if (key.length !== SECRET_KEY_BYTES) {
    throw new Error(`${hint}; the value given decodes to ${key.length} bytes.`);
  }
  return key;
}

async function readKeyFile(path: string): Promise<Buffer[] | undefined> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // A file holding the raw bytes is accepted too, for keys made with `head -c 32 /dev/urandom`.
  if (content.length === SECRET_KEY_BYTES && !/^[A-Za-z0-9+/=_\s-]+$/.test(content.toString('latin1'))) {
    return [content];
  }
  const lines = content
    .toString('utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length === 0) return undefined;
  return lines.map((line, index) => parseSecretKey(line, `Line ${index + 1} of the key file ${path}`));
}
