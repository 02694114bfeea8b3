import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyId, loadSecretKeys, openStore, parseSecretKey } from '@waybill/store';
import { describe, expect, it } from 'vitest';
import { cli, useTempDataDir } from './cli-test-harness.js';

describe('waybill keys rotate', () => {
  const env = useTempDataDir('waybill-keys-');
  const keyFile = () => join(env.dir, 'secret.key');
  const database = () => join(env.dir, 'waybill.db');

  it('adds a new master key and re-keys every credential to it, so the old key can go', async () => {
    const store = await openStore({
      sqlitePath: database(),
      secretKey: await loadSecretKeys({ keyFile: keyFile() }),
    });
    await store.credentials.create({
      id: 'odoo-main',
      type: 'odoo-json2',
      name: 'Odoo',
      values: { apiKey: 'k3y' },
    });
    await store.close();

    const { code, out } = await cli(['keys', 'rotate']);
    expect(code).toBe(0);
    const lines = (await readFile(keyFile(), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    const newest = parseSecretKey(lines[0] ?? '', 'test');
    expect(out).toContain(`Rotated 1 of 1 credentials to master key ${keyId(newest)}.`);
    expect(out).toContain('can be removed');

    const withNewKeyOnly = await openStore({ sqlitePath: database(), secretKey: newest });
    try {
      expect((await withNewKeyOnly.credentials.reveal('odoo-main'))?.values).toEqual({ apiKey: 'k3y' });
      const [event] = (await withNewKeyOnly.audit.list({ action: 'keys.rotate' })).items;
      expect(event).toMatchObject({ actor: 'cli', targetId: keyId(newest), details: { rotated: 1 } });
    } finally {
      await withNewKeyOnly.close();
    }
  });

  it('tells how to rotate when the key comes from WAYBILL_SECRET_KEY, and re-keys to its first key', async () => {
    const current = Buffer.alloc(32, 1).toString('base64');
    const next = Buffer.alloc(32, 2).toString('base64');
    process.env.WAYBILL_SECRET_KEY = current;
    const store = await openStore({ sqlitePath: database(), secretKey: parseSecretKey(current, 'test') });
    await store.credentials.create({ id: 'shop', type: 'http-bearer', name: 'Shop', values: { token: 't' } });
    await store.close();

    const refused = await cli(['keys', 'rotate']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('WAYBILL_SECRET_KEY=<new key>,<current key>');

    process.env.WAYBILL_SECRET_KEY = `${next},${current}`;
    const rotated = await cli(['keys', 'rotate', '--no-new-key']);
    expect(rotated.code).toBe(0);
    expect(rotated.out).toContain(`master key ${keyId(parseSecretKey(next, 'test'))}`);
  });
});
