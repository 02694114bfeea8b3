import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreConflictError } from '../store-errors.js';
import type { Store } from '../store-types.js';
import type { StoreHarness } from './store-contract.js';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const email = () => `user-${randomBytes(4).toString('hex')}@example.com`;
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

export function describeAccountContract(name: string, harness: () => StoreHarness): void {
  describe(`${name}: users, sessions and API tokens`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await harness().open();
    });
    afterAll(() => store.close());

    it('creates a user once per email, whatever its case, and never returns the password hash', async () => {
      const address = email();
      const user = await store.accounts.createUser({
        email: address.toUpperCase(),
        name: 'Ana',
        role: 'designer',
        passwordHash: 'scrypt$hash',
      });
      expect(user).toMatchObject({
        email: address,
        role: 'designer',
        hasPassword: true,
        disabled: false,
        partnerId: null,
      });
      expect(JSON.stringify(user)).not.toContain('scrypt$hash');
      await expect(
        store.accounts.createUser({ email: address, name: 'Again', role: 'viewer' }),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store.accounts.findForSignIn(` ${address} `))?.passwordHash).toBe('scrypt$hash');
      expect(await store.accounts.findForSignIn('nobody@example.com')).toBeUndefined();
      expect((await store.accounts.updateUser(user.id, { role: 'operator', partnerId: 'acme' }))?.role).toBe(
        'operator',
      );
      expect(await store.accounts.updateUser('usr_missing', { role: 'viewer' })).toBeUndefined();
    });

    it('keeps a session while it lives, ends it on sign-out, and ends every session of a user at once', async () => {
      const user = await store.accounts.createUser({ email: email(), name: 'Bo', role: 'operator' });
      await store.accounts.createSession({
        tokenHash: hash('s1'),
        csrfHash: hash('c1'),
        userId: user.id,
        expiresAt: inAnHour(),
      });
      await store.accounts.createSession({
        tokenHash: hash('s2'),
        csrfHash: hash('c2'),
        userId: user.id,
        expiresAt: inAnHour(),
      });
      await store.accounts.createSession({
        tokenHash: hash('old'),
        csrfHash: hash('c3'),
        userId: user.id,
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      });
      expect((await store.accounts.findSession(hash('s1')))?.user.id).toBe(user.id);
      expect((await store.accounts.findSession(hash('s1')))?.csrfHash).toBe(hash('c1'));
      expect(await store.accounts.findSession(hash('old'))).toBeUndefined();
      await store.accounts.deleteSession(hash('s1'));
      expect(await store.accounts.findSession(hash('s1'))).toBeUndefined();
      expect(await store.accounts.deleteSessionsOf(user.id)).toBe(2);
      expect(await store.accounts.findSession(hash('s2'))).toBeUndefined();
    });

    it('accepts an API token until it is revoked or expires, noting when it was last used', async () => {
      const user = await store.accounts.createUser({ email: email(), name: 'Cy', role: 'viewer' });
      const id = `tok_${randomBytes(4).toString('hex')}`;
      await store.accounts.createToken({ id, userId: user.id, name: 'CI', tokenHash: hash(id) });
      const used = await store.accounts.useToken(hash(id));
      expect(used?.user.id).toBe(user.id);
      expect(used?.token.lastUsedAt).not.toBeNull();
      expect((await store.accounts.listTokens(user.id)).map((t) => t.id)).toEqual([id]);
      expect((await store.accounts.revokeToken(id))?.revokedAt).not.toBeNull();
      expect(await store.accounts.useToken(hash(id))).toBeUndefined();

      const expired = `tok_${randomBytes(4).toString('hex')}`;
      await store.accounts.createToken({
        id: expired,
        userId: user.id,
        name: 'Old',
        tokenHash: hash(expired),
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      });
      expect(await store.accounts.useToken(hash(expired))).toBeUndefined();
    });

    it('keeps a one-time password single-use until the user chooses their own', async () => {
      const until = inAnHour();
      const user = await store.accounts.createUser({
        email: email(),
        name: 'Ed',
        role: 'admin',
        passwordHash: 'scrypt$once',
        oneTimeUntil: until,
      });
      expect(user.passwordChangeRequired).toBe(true);
      expect((await store.accounts.findForSignIn(user.email))?.passwordExpiresAt).toBe(until);
      const chosen = await store.accounts.updateUser(user.id, { passwordHash: 'scrypt$own' });
      expect(chosen?.passwordChangeRequired).toBe(false);
      expect(await store.accounts.findForSignIn(user.email)).toMatchObject({
        passwordHash: 'scrypt$own',
        passwordExpiresAt: null,
      });
      const reset = await store.accounts.updateUser(user.id, {
        passwordHash: 'scrypt$reset',
        oneTimeUntil: until,
      });
      expect(reset?.passwordChangeRequired).toBe(true);
    });

    it('counts only enabled admins of the distributor as admins', async () => {
      const before = await store.accounts.countActiveAdmins();
      const admin = await store.accounts.createUser({ email: email(), name: 'Fa', role: 'admin' });
      await store.accounts.createUser({
        email: email(),
        name: 'Partner admin',
        role: 'admin',
        partnerId: 'acme',
      });
      await store.accounts.createUser({ email: email(), name: 'Designer', role: 'designer' });
      expect(await store.accounts.countActiveAdmins()).toBe(before + 1);
      await store.accounts.updateUser(admin.id, { disabled: true });
      expect(await store.accounts.countActiveAdmins()).toBe(before);
    });

    it("writes a token's last use at most once a minute", async () => {
      const user = await store.accounts.createUser({ email: email(), name: 'Gu', role: 'viewer' });
      const id = `tok_${randomBytes(4).toString('hex')}`;
      await store.accounts.createToken({ id, userId: user.id, name: 'CI', tokenHash: hash(id) });
      const first = await store.accounts.useToken(hash(id));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await store.accounts.useToken(hash(id));
      expect(second?.token.lastUsedAt).toBe(first?.token.lastUsedAt);
      expect((await store.accounts.getToken(id))?.lastUsedAt).toBe(first?.token.lastUsedAt);
      expect(await store.accounts.getToken('tok_missing')).toBeUndefined();
    });

    it('stops the sessions and tokens of a disabled user at once', async () => {
      const user = await store.accounts.createUser({ email: email(), name: 'Di', role: 'admin' });
      const id = `tok_${randomBytes(4).toString('hex')}`;
      await store.accounts.createToken({ id, userId: user.id, name: 'Script', tokenHash: hash(id) });
      await store.accounts.createSession({
        tokenHash: hash(`s-${id}`),
        csrfHash: hash('c'),
        userId: user.id,
        expiresAt: inAnHour(),
      });
      await store.accounts.updateUser(user.id, { disabled: true });
      expect(await store.accounts.useToken(hash(id))).toBeUndefined();
      expect(await store.accounts.findSession(hash(`s-${id}`))).toBeUndefined();
      expect(await store.accounts.countUsers()).toBeGreaterThanOrEqual(1);
    });
  });
}
