import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createAccount } from './auth/account-admin.js';
import { createTestRuntime, type TestRuntime } from './testing/test-runtime.js';

/**
 * Two API servers on one Redis (two apps on the same deps here): failed sign-ins and API requests
 * are counted once for both, so a balancer spreading an attacker's guesses gains nothing.
 */
describe('rate limits shared through Redis', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime('postgres', {
      worker: false,
      auth: { signInFailuresPerAccount: 3, apiRequestsPerMinute: 4 },
    });
  });
  afterAll(() => t?.close());

  const signIn = (app: ReturnType<typeof createApp>['app'], email: string, password: string) =>
    app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('holds an account off after failures spread over two servers', async () => {
    const { oneTimePassword } = await createAccount(
      t.store,
      { email: 'shared@acme.test', role: 'viewer' },
      Date.now(),
    );
    const other = createApp(t.deps).app;
    expect((await signIn(t.app, 'shared@acme.test', 'guess one')).status).toBe(401);
    expect((await signIn(other, 'shared@acme.test', 'guess two')).status).toBe(401);
    expect((await signIn(t.app, 'shared@acme.test', 'guess three')).status).toBe(401);
    expect((await signIn(other, 'shared@acme.test', oneTimePassword)).status).toBe(429);
  });

  it('counts one token’s requests across two servers', async () => {
    const other = createApp(t.deps).app;
    const viewer = await t.tokenFor('viewer');
    const get = (app: ReturnType<typeof createApp>['app']) =>
      app.request('/api/flows', { headers: { authorization: `Bearer ${viewer.token}` } });
    const statuses = [];
    for (const app of [t.app, other, t.app, other, t.app]) statuses.push((await get(app)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});
