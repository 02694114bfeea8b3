import { join } from 'node:path';
import { hashSecret } from '@waybill/server';
import { loadSecretKeys, openStore } from '@waybill/store';
import { describe, expect, it } from 'vitest';
import { cli, useTempDataDir } from './cli-test-harness.js';

describe('waybill users and tokens', () => {
  const env = useTempDataDir('waybill-users-');
  const withStore = async <T>(use: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>) => {
    const store = await openStore({
      sqlitePath: join(env.dir, 'waybill.db'),
      secretKey: await loadSecretKeys({ keyFile: join(env.dir, 'secret.key') }),
    });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  };

  it('adds a user with a one-time password, lists them, and resets their password', async () => {
    const added = await cli([
      'users',
      'add',
      '--email',
      'Ana@Acme.test',
      '--role',
      'designer',
      '--partner',
      'acme',
    ]);
    expect(added.code).toBe(0);
    expect(added.out).toContain('Added ana@acme.test (designer, partner acme).');
    const first = /One-time password: (\S+)/.exec(added.out)?.[1];
    expect(first).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);

    expect((await cli(['users', 'list'])).out).toContain(
      'ana@acme.test  designer  (partner acme, one-time password)',
    );

    const reset = await cli(['users', 'reset-password', '--email', 'ana@acme.test']);
    expect(reset.code).toBe(0);
    const second = /One-time password for ana@acme\.test: (\S+)/.exec(reset.out)?.[1];
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const actions = await withStore(async (store) =>
      (await store.audit.list({ actor: 'cli' })).items.map((e) => e.action),
    );
    expect(actions).toEqual(['user.password-reset', 'user.create']);
  });

  it('refuses a bad role, a partner admin and a taken email with sentences', async () => {
    expect((await cli(['users', 'add', '--email', 'bo@acme.test', '--role', 'owner'])).err).toContain(
      '"owner" is not a role; use one of admin, designer, operator, viewer.',
    );
    expect(
      (await cli(['users', 'add', '--email', 'bo@acme.test', '--role', 'admin', '--partner', 'acme'])).err,
    ).toContain('A partner account cannot be an admin');
    expect((await cli(['users', 'add', '--email', 'bo@acme.test', '--role', 'viewer'])).code).toBe(0);
    const again = await cli(['users', 'add', '--email', 'BO@acme.test', '--role', 'viewer']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists');
  });

  it('prints only the token on standard output, and the token is the one stored', async () => {
    await cli(['users', 'add', '--email', 'ci@acme.test', '--role', 'operator']);
    const made = await cli([
      'tokens',
      'create',
      '--email',
      'ci@acme.test',
      '--name',
      'CI deploys',
      '--expires-days',
      '90',
    ]);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^wbt_[A-Za-z0-9_-]{43}$/);
    expect(made.err).toContain('acts as ci@acme.test (operator) until');
    const used = await withStore((store) => store.accounts.useToken(hashSecret(made.out)));
    expect(used?.token.name).toBe('CI deploys');
    expect((await cli(['tokens', 'create', '--email', 'nobody@acme.test', '--name', 'x'])).err).toContain(
      'There is no user with the email "nobody@acme.test"',
    );
    expect(
      (await cli(['tokens', 'create', '--email', 'ci@acme.test', '--name', 'x', '--expires-days', '0'])).code,
    ).toBe(2);
  });
});
