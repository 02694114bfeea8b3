import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@waybill/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from './auth/account-admin.js';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { verifyPassword } from './auth/passwords.js';
import { hashSecret, newSecret } from './auth/secret-tokens.js';
import { createTestRuntime, type TestRuntime } from './testing/test-runtime.js';

/** The cookies a response sets, by name, with their attributes as written. */
function cookiesOf(res: { headers: Headers | { get(name: string): string | null } }) {
  const lines = 'getSetCookie' in res.headers ? (res.headers as Headers).getSetCookie() : [];
  return Object.fromEntries(lines.map((line) => [line.split('=')[0], line]));
}
const cookieValue = (cookie: string | undefined) =>
  cookie?.split(';')[0]?.split('=').slice(1).join('=') ?? '';

describe('signing in to the studio', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime('sqlite', {
      worker: false,
      auth: { signInFailuresPerAccount: 3, signInFailuresPerAddress: 6, trustProxy: true },
    });
  });
  afterAll(() => t?.close());

  const invite = async (role: 'designer' | 'admin' = 'designer') => {
    const email = `user-${crypto.randomUUID().slice(0, 8)}@acme.test`;
    const { oneTimePassword } = await createAccount(t.store, { email, role }, Date.now());
    return { email, oneTimePassword };
  };
  const signIn = (
    email: string,
    password: string,
    address = '198.51.100.1',
    headers: Record<string, string> = {},
  ) =>
    t.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...headers },
      body: JSON.stringify({ email, password }),
    });
  const session = (res: Response) => {
    const cookies = cookiesOf(res);
    const csrf = cookieValue(cookies.waybill_csrf);
    return { cookie: `waybill_session=${cookieValue(cookies.waybill_session)}; waybill_csrf=${csrf}`, csrf };
  };

  it('signs in once with a one-time password, asks for a new one, then works with session and CSRF token', async () => {
    const { email, oneTimePassword } = await invite();
    const first = await signIn(email, oneTimePassword);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { passwordChangeRequired: boolean; csrfToken: string };
    expect(body.passwordChangeRequired).toBe(true);
    const cookies = cookiesOf(first);
    expect(cookies.waybill_session).toMatch(/HttpOnly/);
    expect(cookies.waybill_session).toMatch(/SameSite=Lax/);
    expect(cookies.waybill_session).not.toMatch(/Secure/);
    expect(cookies.waybill_csrf).not.toMatch(/HttpOnly/);
    const { cookie, csrf } = session(first);
    expect(csrf).toBe(body.csrfToken);

    // The one-time password is spent; until a new one is chosen, nothing else is allowed.
    expect((await signIn(email, oneTimePassword)).status).toBe(401);
    const blocked = await t.call('GET', '/api/flows', undefined, { cookie });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.call('GET', '/api/auth/me', undefined, { cookie })).body.user.email).toBe(email);

    const noCsrf = await t.call(
      'POST',
      '/api/auth/password',
      { newPassword: 'a long new password' },
      { cookie },
    );
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('CSRF_TOKEN_INVALID');
    const weak = await t.call(
      'POST',
      '/api/auth/password',
      { newPassword: 'short' },
      { cookie, 'x-csrf-token': csrf },
    );
    expect(weak.status).toBe(400);
    expect(weak.body.error.pointer).toBe('/body/newPassword');
    const changed = await t.call(
      'POST',
      '/api/auth/password',
      { newPassword: 'a long new password' },
      { cookie, 'x-csrf-token': csrf },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.user.passwordChangeRequired).toBe(false);
    // Changing the password ended the old session; the answer started a new one.
    expect((await t.call('GET', '/api/auth/me', undefined, { cookie })).status).toBe(401);

    const again = await signIn(email, 'a long new password');
    expect(again.status).toBe(200);
    const fresh = session(again);
    expect((await t.call('GET', '/api/flows', undefined, { cookie: fresh.cookie })).status).toBe(200);
    const forged = await t.call(
      'POST',
      '/api/flows',
      { id: 'from-session', name: 'S' },
      { cookie: fresh.cookie, 'x-csrf-token': `wbc_${'x'.repeat(43)}` },
    );
    expect(forged.status).toBe(403);
    const made = await t.call(
      'POST',
      '/api/flows',
      { id: 'from-session', name: 'S' },
      { cookie: fresh.cookie, 'x-csrf-token': fresh.csrf },
    );
    expect(made.status).toBe(201);

    const out = await t.call('POST', '/api/auth/sign-out', undefined, {
      cookie: fresh.cookie,
      'x-csrf-token': fresh.csrf,
    });
    expect(out.status).toBe(204);
    expect((await t.call('GET', '/api/flows', undefined, { cookie: fresh.cookie })).status).toBe(401);

    const audit = await t.call('GET', `/api/audit?actor=${encodeURIComponent(email)}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'auth.sign-out',
      'flow.create',
      'auth.sign-in',
      'auth.password-change',
      'auth.sign-in-failed',
      'auth.sign-in',
    ]);
  });

  it('marks cookies Secure behind TLS', async () => {
    const { email, oneTimePassword } = await invite();
    const res = await signIn(email, oneTimePassword, '198.51.100.2', { 'x-forwarded-proto': 'https' });
    expect(cookiesOf(res).waybill_session).toMatch(/Secure/);
  });

  it('says the same for a wrong password and an unknown email, and a sentence for an expired one-time password', async () => {
    const { email } = await invite();
    const wrong = await signIn(email, 'not the password', '198.51.100.3');
    const unknown = await signIn('nobody@acme.test', 'not the password', '198.51.100.3');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({
      error: { code: 'SIGN_IN_FAILED', message: 'The email or password is not right.' },
    });
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
      'The email or password is not right.',
    );

    const old = await createAccount(
      t.store,
      { email: 'late@acme.test', role: 'viewer' },
      Date.now() - 25 * 3_600_000,
    );
    const expired = await signIn('late@acme.test', old.oneTimePassword, '198.51.100.4');
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it('holds off an account after repeated failures, and an address trying many accounts', async () => {
    const { email, oneTimePassword } = await invite();
    for (let i = 0; i < 3; i++)
      expect((await signIn(email, `guess ${i}`, `203.0.113.${i}`)).status).toBe(401);
    // Even the right password waits now, from any address.
    const held = await signIn(email, oneTimePassword, '203.0.113.99');
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await held.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');

    const sprayer = '192.0.2.50';
    for (let i = 0; i < 6; i++) await signIn(`victim-${i}@acme.test`, 'Summer2026!', sprayer);
    const someoneElse = await invite();
    expect((await signIn(someoneElse.email, someoneElse.oneTimePassword, sprayer)).status).toBe(429);
    expect((await signIn(someoneElse.email, someoneElse.oneTimePassword, '192.0.2.51')).status).toBe(200);
  });

  it('does not count a mistyped password against a user who then signs in', async () => {
    const { email, oneTimePassword } = await invite();
    await signIn(email, 'typo', '198.51.100.7');
    await signIn(email, 'typo again', '198.51.100.7');
    expect((await signIn(email, oneTimePassword, '198.51.100.7')).status).toBe(200);
  });
});

describe('API tokens', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime('sqlite', { worker: false });
  });
  afterAll(() => t?.close());

  it('shows a token once, lists it without its secret, and stops it at once when revoked', async () => {
    const made = await t.call('POST', '/api/tokens', { name: 'CI deploys', expiresInDays: 30 });
    expect(made.status).toBe(201);
    const { secret, token } = made.body;
    expect(secret).toMatch(/^wbt_/);
    expect((await t.callAs(secret, 'GET', '/api/flows')).status).toBe(200);
    const listed = await t.call('GET', '/api/tokens');
    expect(listed.body.items.find((item: { id: string }) => item.id === token.id)).toMatchObject({
      name: 'CI deploys',
      lastUsedAt: expect.any(String),
    });
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    expect((await t.callAs(secret, 'DELETE', `/api/tokens/${token.id}`)).status).toBe(204);
    const after = await t.callAs(secret, 'GET', '/api/flows');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('INVALID_TOKEN');
    const audit = await t.call('GET', `/api/audit?targetId=${token.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'token.revoke',
      'token.create',
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(secret);
  });

  it("refuses a malformed Authorization header with a sentence, and keeps users from others' tokens", async () => {
    const bad = await t.callAs(null, 'GET', '/api/flows', undefined, {
      authorization: 'Basic YWRtaW46YWRtaW4=',
    });
    expect(bad.status).toBe(401);
    expect(bad.body.error.message).toMatch(/Bearer/);
    const viewer = await t.tokenFor('viewer');
    const adminTokenId = (await t.store.accounts.listTokens(t.admin.user.id))[0]?.id;
    expect((await t.callAs(viewer.token, 'DELETE', `/api/tokens/${adminTokenId}`)).status).toBe(404);
    expect((await t.callAs(viewer.token, 'GET', `/api/tokens?userId=${t.admin.user.id}`)).status).toBe(403);
  });

  it("stops a disabled user's tokens, and keeps the last admin", async () => {
    const designer = await t.tokenFor('designer');
    const disabled = await t.call('PATCH', `/api/users/${designer.user.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect((await t.callAs(designer.token, 'GET', '/api/flows')).status).toBe(401);
    const demote = await t.call('PATCH', `/api/users/${t.admin.user.id}`, { role: 'viewer' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('LAST_ADMIN');
    const partnerAdmin = await t.call('POST', '/api/users', {
      email: 'pa@acme.test',
      role: 'admin',
      partnerId: 'acme',
    });
    expect(partnerAdmin.status).toBe(400);
    expect(partnerAdmin.body.error.pointer).toBe('/body/partnerId');
  });

  it('changes a role with immediate effect and records who changed what', async () => {
    const user = await t.tokenFor('viewer');
    expect((await t.callAs(user.token, 'POST', '/api/flows', { id: 'promoted', name: 'P' })).status).toBe(
      403,
    );
    await t.call('PATCH', `/api/users/${user.user.id}`, { role: 'designer' });
    expect((await t.callAs(user.token, 'POST', '/api/flows', { id: 'promoted', name: 'P' })).status).toBe(
      201,
    );
    const audit = await t.call('GET', `/api/audit?targetId=${user.user.id}&action=user.update`);
    expect(audit.body.items[0]).toMatchObject({
      actor: t.admin.user.email,
      details: { changes: { role: { from: 'viewer', to: 'designer' } } },
    });
  });

  it('answers 429 with Retry-After once a token passes its requests per minute', async () => {
    const limited = await createTestRuntime('sqlite', { worker: false, auth: { apiRequestsPerMinute: 3 } });
    try {
      for (let i = 0; i < 3; i++) expect((await limited.call('GET', '/api/flows')).status).toBe(200);
      const over = await limited.call('GET', '/api/flows');
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(over.body.error.code).toBe('RATE_LIMITED');
      const other = await limited.tokenFor('viewer');
      expect((await limited.callAs(other.token, 'GET', '/api/flows')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('the first admin', () => {
  const emptyStore = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'waybill-first-admin-'));
    const store = await openStore({ sqlitePath: join(dir, 'waybill.db'), secretKey: randomBytes(32) });
    return {
      store,
      async close() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  };

  it('is created once, on an empty database, with a one-time password and no default', async () => {
    const { store, close } = await emptyStore();
    try {
      const admin = await ensureFirstAdmin(store, { email: 'admin@localhost', now: Date.now() });
      if (!admin || !('oneTimePassword' in admin)) throw new Error('expected a one-time password');
      expect(admin.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
      const stored = await store.accounts.findForSignIn('admin@localhost');
      expect(stored).toMatchObject({ role: 'admin', passwordChangeRequired: true });
      expect(await verifyPassword(admin.oneTimePassword, stored?.passwordHash ?? null)).toBe(true);
      expect(await verifyPassword('admin', stored?.passwordHash ?? null)).toBe(false);
      expect(await ensureFirstAdmin(store, { email: 'admin@localhost', now: Date.now() })).toBeUndefined();
      expect(await store.accounts.countUsers()).toBe(1);
    } finally {
      await close();
    }
  });

  it('gets the bootstrap token instead, for unattended installs', async () => {
    const { store, close } = await emptyStore();
    try {
      const token = newSecret('api-token').secret;
      expect(
        await ensureFirstAdmin(store, { email: 'ops@acme.test', bootstrapToken: token, now: Date.now() }),
      ).toEqual({
        email: 'ops@acme.test',
        bootstrapToken: true,
      });
      expect((await store.accounts.useToken(hashSecret(token)))?.user).toMatchObject({
        email: 'ops@acme.test',
        role: 'admin',
      });
      expect((await store.accounts.findForSignIn('ops@acme.test'))?.passwordHash).toBeNull();
    } finally {
      await close();
    }
  });
});
