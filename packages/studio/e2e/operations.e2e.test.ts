import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { api, orderIntakeFlow } from '@waybill/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Studio, startStudio } from './studio-harness.js';

const FLOW_ID = 'order-intake';
// webhook → map → check → reply; an order without lines has no "units", so "check" fails it.
const ORDER_INTAKE = orderIntakeFlow({ id: FLOW_ID });
const GOOD_ORDER = (po: string) => ({ po, lines: [{ sku: 'A', qty: 2 }] });
const EMPTY_ORDER = (po: string) => ({ po, lines: [] });

const PASSWORD = 'correct horse battery staple';
const VIEWER_EMAIL = 'vera.viewer@acme.test';
const BEARER_TOKEN = `tok_live_${randomUUID()}`;
const TOKEN_NAME = 'CI deploys';
// Polls ask the server again for up to this long; the pages' own waits use Playwright's 10 s.
const POLL = { timeout: 10_000, interval: 100 };

interface Execution {
  id: string;
  status: string;
  businessKey: string | null;
  replayOf: string | null;
  deadLetter: string | null;
}

/**
 * Support's day after go-live, in real Chromium against a real `waybill start`: find executions
 * with filters that live in the URL, read a failure, replay one and many with a dry run first,
 * clear the dead-letter inbox, and the admin's chores (credentials, users, API tokens, the audit
 * log, the dashboard). Data is set up through the API; outcomes are checked on the page and, where
 * the page changes something, on the server too.
 */
describe('studio: operations pages', { timeout: 90_000 }, () => {
  let studio: Studio;
  let admin: Page;
  // The page the current test works in, for the failure screenshot.
  let current: Page;
  let failedId = '';
  let upstream: Server;
  let upstreamUrl = '';
  const upstreamAuthorizations: string[] = [];

  const url = (path: string) => `${studio.server.url}${path}`;
  const webhook = async (body: unknown) => {
    const res = await fetch(url(`/hooks/${FLOW_ID}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-delivery-id': randomUUID() },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { executionId: string }).executionId;
  };
  const executions = async (filter = ''): Promise<Execution[]> =>
    (await api(studio.server, 'GET', `/api/executions?flowId=${FLOW_ID}&limit=200${filter}`)).body.items;
  // Waits until no execution of the flow is queued or running any more (also used in beforeAll,
  // where expect.poll is not available).
  const settled = async () => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const all = await executions();
      const busy = all.filter((e) => !['succeeded', 'failed', 'cancelled'].includes(e.status));
      if (busy.length === 0) return all;
      if (Date.now() > deadline) throw new Error(`Executions still running: ${JSON.stringify(busy)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const executionRows = (page: Page) => page.locator('table.executions-table tbody tr');
  const trackErrors = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') studio.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => studio.consoleErrors.push(error.message));
  };

  beforeAll(async () => {
    studio = await startStudio();
    admin = await studio.signedIn('admin');
    current = admin;
    await api(studio.server, 'POST', '/api/flows', {
      id: FLOW_ID,
      name: 'Order intake',
      definition: ORDER_INTAKE,
    });
    await api(studio.server, 'POST', `/api/flows/${FLOW_ID}/deployments`, { revision: 1 });
    await webhook(GOOD_ORDER('PO-1'));
    failedId = await webhook(EMPTY_ORDER('PO-9'));
    await webhook(EMPTY_ORDER('PO-5'));
    const done = await settled();
    expect(done.map((e) => [e.businessKey, e.status]).sort()).toEqual([
      ['PO-1', 'succeeded'],
      ['PO-5', 'failed'],
      ['PO-9', 'failed'],
    ]);
    // The system the credential is for: it accepts only the bearer token created in the studio.
    upstream = createServer((req, res) => {
      upstreamAuthorizations.push(req.headers.authorization ?? '');
      const ok = req.headers.authorization === `Bearer ${BEARER_TOKEN}`;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(ok ? '{"me":"svc"}' : '{}');
    });
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}/me`;
  }, 60_000);
  afterAll(async () => {
    upstream?.close();
    await studio?.close();
  }, 30_000);
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await studio.screenshot(current, 'failed-step');
  });

  it('filters executions by status and business-key prefix in the URL, keeps them on reload, and adds new deliveries live', async () => {
    const page = admin;
    await page.goto(url('/executions'));
    await page.getByRole('heading', { name: 'Executions', exact: true }).waitFor();
    await executionRows(page).filter({ hasText: 'PO-1' }).waitFor();
    expect(await executionRows(page).count()).toBe(3);

    await page.getByRole('checkbox', { name: 'failed', exact: true }).check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('status'), POLL).toEqual(['failed']);
    await expect.poll(() => executionRows(page).count(), POLL).toBe(2);
    expect(await executionRows(page).filter({ hasText: 'PO-1' }).count()).toBe(0);

    await page.getByLabel('Business key').fill('PO-9*');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('businessKey'), POLL).toBe('PO-9*');
    await expect.poll(() => executionRows(page).count(), POLL).toBe(1);
    await executionRows(page).filter({ hasText: 'PO-9' }).filter({ hasText: 'check' }).waitFor();

    // The URL is the search: reloading it shows the same filters and the same rows.
    await page.reload();
    await executionRows(page).first().waitFor();
    expect(await page.getByRole('checkbox', { name: 'failed', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'succeeded', exact: true }).isChecked()).toBe(false);
    expect(await page.getByLabel('Business key').inputValue()).toBe('PO-9*');
    expect(await executionRows(page).count()).toBe(1);

    // A delivery matching the filters arrives on top over the event stream, without a reload.
    await page
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor();
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const liveId = await webhook(EMPTY_ORDER('PO-91'));
    await executionRows(page)
      .first()
      .filter({ hasText: liveId })
      .getByText('failed', { exact: true })
      .waitFor();
    expect(await executionRows(page).count()).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await settled();
  });

  it('shows the path and error of a failed execution, previews its replay, and replays it as a new execution', async () => {
    const page = admin;
    const before = await executions();
    await page.goto(url(`/executions/${failedId}`));
    await page.getByRole('heading', { name: 'Path taken' }).waitFor();
    const steps = page.locator('table.steps-table tbody tr');
    await expect.poll(() => steps.count(), POLL).toBe(2);
    expect(await steps.nth(0).getByRole('button').textContent()).toBe('map');
    expect(await steps.nth(0).locator('.status').textContent()).toBe('succeeded');
    expect(await steps.nth(1).getByRole('button').textContent()).toBe('check');
    expect(await steps.nth(1).locator('.status').textContent()).toBe('failed');
    const error = await page.locator('.execution-error').textContent();
    expect(error).toContain('VALIDATION_FAILED at check');
    expect(error).toContain('missing the required field "units"');
    // The failed step is the one shown beside the path, with its error.
    await page
      .getByRole('region', { name: 'Step check' })
      .getByText(/VALIDATION_FAILED: .*missing the required field/)
      .waitFor();

    await page.getByRole('button', { name: 'Replay…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replay execution' });
    const preview = dialog.getByRole('region', { name: 'Replay preview' });
    await preview.getByText('Resumes from the failed node with the original revision').waitFor();
    await preview.getByRole('heading', { name: /^Runs again \(\d+\)$/ }).waitFor();
    const runsAgain = await preview.locator('.plan-list').first().locator('code').allTextContents();
    expect(runsAgain).toContain('check');
    expect(runsAgain).not.toContain('map');
    await preview.getByRole('heading', { name: 'Reused from the original run (1)' }).waitFor();
    // The dry run replayed nothing.
    expect((await executions()).length).toBe(before.length);

    await dialog.getByRole('button', { name: 'Replay now' }).click();
    const link = dialog.getByRole('link', { name: /open the new execution/ });
    const replayId = /ex_\w+/.exec((await link.textContent()) ?? '')?.[0] ?? '';
    expect(replayId).toMatch(/^ex_/);
    const after = await executions();
    expect(after.length).toBe(before.length + 1);
    expect(after.find((e) => e.id === replayId)?.replayOf).toBe(failedId);
    expect((await api(studio.server, 'GET', `/api/executions/${replayId}`)).body.replayOf).toBe(failedId);

    await link.click();
    await page.getByRole('heading', { name: `Execution ${replayId}` }).waitFor();
    await page.getByRole('link', { name: failedId }).waitFor();
    await settled();
  });

  it('replays every failed execution matching the list filters after a dry run that says how many', async () => {
    const page = admin;
    await settled();
    const failed = await executions('&status=failed');
    const replaysBefore = (await executions()).filter((e) => e.replayOf).length;
    await page.goto(url('/executions?status=failed'));
    await expect.poll(() => executionRows(page).count(), POLL).toBe(failed.length);

    await page.getByRole('button', { name: 'Replay matching…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replay matching executions' });
    await dialog.getByText(`${failed.length} executions would be replayed.`).waitFor();
    await dialog.getByRole('heading', { name: 'Nodes that run again' }).waitFor();
    await dialog.getByRole('button', { name: `Replay now (${failed.length})` }).click();
    await dialog.getByRole('status').getByText(`${failed.length} replays queued.`).waitFor();

    const replayed = (await settled()).filter((e) => e.replayOf);
    expect(replayed.length).toBe(replaysBefore + failed.length);
    for (const original of failed) expect(replayed.map((e) => e.replayOf)).toContain(original.id);
  });

  it('groups open dead letters with their count, and ignoring the group empties it', async () => {
    const page = admin;
    const open = await executions('&deadLetter=open');
    expect(open.length).toBeGreaterThan(0);
    const groups = (await api(studio.server, 'GET', '/api/dead-letters')).body.items;
    expect(groups).toHaveLength(1);
    expect(groups[0].count).toBe(open.length);

    await page.goto(url('/dead-letters'));
    await page.getByRole('heading', { name: 'Dead letters', exact: true }).waitFor();
    const name = `${FLOW_ID} / check / VALIDATION_FAILED`;
    const count = page.getByRole('link', { name: `${open.length} executions of ${name}` });
    await count.waitFor();
    expect(await count.textContent()).toBe(String(open.length));
    const row = page.getByRole('row').filter({ has: count });
    expect(await row.textContent()).toContain('missing the required field "units"');
    await studio.screenshot(page, 'dead-letters');

    await row.getByRole('button', { name: 'Ignore' }).click();
    await page.getByRole('status').getByText(`${open.length} executions marked ignored.`).waitFor();
    await page.getByText('No open dead letters.').waitFor();
    for (const execution of open) {
      expect((await api(studio.server, 'GET', `/api/executions/${execution.id}`)).body.deadLetter).toBe(
        'ignored',
      );
    }
    expect((await api(studio.server, 'GET', '/api/dead-letters')).body.items).toEqual([]);
  });

  it('creates a bearer credential without ever showing its token, keeps the token on edit, and tests it', async () => {
    const page = admin;
    await page.goto(url('/credentials'));
    await page.getByRole('heading', { name: 'Credentials', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New credential' }).click();
    const form = page.getByRole('form', { name: 'New credential' });
    await form.getByLabel('Type').selectOption('http-bearer');
    await form.getByLabel(/^Id/).fill('erp-api');
    await form.getByLabel('Name', { exact: true }).fill('ERP API');
    const token = form.getByLabel(/^Token/);
    expect(await token.getAttribute('type')).toBe('password');
    await token.fill(BEARER_TOKEN);
    await form.getByLabel(/^Test URL/).fill(upstreamUrl);
    await form.getByLabel(/^Allowed hosts/).fill('127.0.0.1');
    await form.getByRole('button', { name: 'Create credential' }).click();
    await page.getByRole('status').getByText('Created erp-api.').waitFor();

    const row = page.getByRole('row').filter({ hasText: 'erp-api' });
    expect(await row.textContent()).toContain('ERP API');
    expect(await row.textContent()).toContain('Bearer token');
    expect(await row.textContent()).toContain('127.0.0.1');
    expect(await page.content()).not.toContain(BEARER_TOKEN);
    const listed = (await api(studio.server, 'GET', '/api/credentials')).body;
    expect(listed.items.map((c: { id: string }) => c.id)).toContain('erp-api');
    expect(JSON.stringify(listed)).not.toContain(BEARER_TOKEN);

    const accepted = `Accepted: ${new URL(upstreamUrl).host} accepted the credential (HTTP 200).`;
    await row.getByRole('button', { name: 'Test erp-api' }).click();
    await row.getByRole('status').getByText(accepted).waitFor();
    expect(upstreamAuthorizations).toEqual([`Bearer ${BEARER_TOKEN}`]);
    await studio.screenshot(page, 'credentials');

    // Editing shows no secret, only the settings that are not; leaving the token empty keeps it.
    await row.getByRole('button', { name: 'Edit erp-api' }).click();
    const edit = page.getByRole('form', { name: 'Edit credential erp-api' });
    expect(await edit.getByLabel(/^Token/).inputValue()).toBe('');
    expect(await edit.getByLabel(/^Token/).getAttribute('placeholder')).toBe('leave blank to keep');
    expect(await edit.getByLabel(/^Test URL/).inputValue()).toBe(upstreamUrl);
    await edit.getByLabel('Name', { exact: true }).fill('ERP API (main)');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Saved erp-api.').waitFor();
    expect((await api(studio.server, 'GET', '/api/credentials/erp-api')).body.name).toBe('ERP API (main)');
    await page.getByRole('row').filter({ hasText: 'ERP API (main)' }).waitFor();
    await row.getByRole('button', { name: 'Test erp-api' }).click();
    await expect.poll(() => upstreamAuthorizations.length, POLL).toBe(2);
    await row.getByRole('status').getByText(accepted).waitFor();
    expect(upstreamAuthorizations).toEqual([`Bearer ${BEARER_TOKEN}`, `Bearer ${BEARER_TOKEN}`]);
    expect(await page.content()).not.toContain(BEARER_TOKEN);
  });

  it('invites a viewer with a one-time password, who signs in with it but may not reach admin pages or replay, and is then made an operator', async () => {
    const page = admin;
    await page.goto(url('/users'));
    await page.getByRole('button', { name: 'Invite user' }).click();
    const form = page.getByRole('form', { name: 'Invite user' });
    await form.getByLabel('Email').fill(VIEWER_EMAIL);
    await form.getByLabel('Name', { exact: true }).fill('Vera Viewer');
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByRole('button', { name: 'Invite', exact: true }).click();
    const secret = page.getByRole('region', { name: `One-time password for ${VIEWER_EMAIL}` });
    const oneTimePassword = await secret.locator('input').inputValue();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await secret.getByText('It is not shown again.', { exact: false }).waitFor();
    const invited = (await api(studio.server, 'GET', '/api/users')).body.items.find(
      (u: { email: string }) => u.email === VIEWER_EMAIL,
    );
    expect(invited).toMatchObject({ role: 'viewer', passwordChangeRequired: true });
    // Shown once: after "Done" it is gone from the page.
    await secret.getByRole('button', { name: 'Done' }).click();
    await secret.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(oneTimePassword);
    await page.getByRole('row').filter({ hasText: VIEWER_EMAIL }).getByText('one-time password').waitFor();
    await studio.screenshot(page, 'users');

    const context = await studio.browser.newContext({ viewport: { width: 1600, height: 1000 } });
    try {
      const viewer = await context.newPage();
      current = viewer;
      viewer.setDefaultTimeout(10_000);
      trackErrors(viewer);
      await viewer.goto(studio.server.url);
      await viewer.getByLabel('Email').fill(VIEWER_EMAIL);
      await viewer.getByLabel('Password').fill(oneTimePassword);
      await viewer.getByRole('button', { name: 'Sign in' }).click();
      await viewer.getByLabel('New password', { exact: true }).fill(PASSWORD);
      await viewer.getByLabel('New password again').fill(PASSWORD);
      await viewer.getByRole('button', { name: 'Save password' }).click();
      const nav = viewer.getByRole('navigation', { name: 'Pages' });
      await nav.getByRole('link', { name: 'Executions' }).waitFor();
      expect(await nav.textContent()).toContain('viewer');
      expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);

      await viewer.goto(url(`/executions/${failedId}`));
      await viewer.getByRole('heading', { name: 'Path taken' }).waitFor();
      await viewer.locator('.execution-error').waitFor();
      expect(await viewer.getByRole('button', { name: 'Replay…' }).count()).toBe(0);
      await viewer.goto(url('/executions'));
      await executionRows(viewer).first().waitFor();
      expect(await viewer.getByRole('button', { name: 'Replay matching…' }).count()).toBe(0);
    } finally {
      current = admin;
      await context.close();
    }
    const signedIn = (await api(studio.server, 'GET', '/api/users')).body.items.find(
      (u: { email: string }) => u.email === VIEWER_EMAIL,
    );
    expect(signedIn).toMatchObject({ role: 'viewer', passwordChangeRequired: false });

    await page.reload();
    await page.getByLabel(`Role of ${VIEWER_EMAIL}`).selectOption('operator');
    await expect
      .poll(
        async () =>
          (await api(studio.server, 'GET', '/api/users')).body.items.find(
            (u: { email: string }) => u.email === VIEWER_EMAIL,
          )?.role,
        POLL,
      )
      .toBe('operator');
    await page.reload();
    expect(await page.getByLabel(`Role of ${VIEWER_EMAIL}`).inputValue()).toBe('operator');
  });

  it('creates an API token whose once-shown secret works against the API until it is revoked on the page', async () => {
    const page = admin;
    await page.goto(url('/tokens'));
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByLabel('Token name').fill(TOKEN_NAME);
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByRole('region', { name: `Secret of the token ${TOKEN_NAME}` });
    const secret = await shown.locator('input').inputValue();
    expect(secret).toMatch(/^wbt_/);
    await shown.getByText('Copy it now: it is not shown again.', { exact: false }).waitFor();
    const row = page.getByRole('row').filter({ hasText: TOKEN_NAME });
    await row.waitFor();
    await studio.screenshot(page, 'tokens');

    const me = () => fetch(url('/api/auth/me'), { headers: { authorization: `Bearer ${secret}` } });
    const answer = await me();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      via: 'token',
      user: { email: 'admin-1@acme.test', role: 'admin' },
    });

    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText(`Revoke ${TOKEN_NAME}? It stops working at once.`).waitFor();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await row.getByRole('button', { name: 'Revoke' }).waitFor({ state: 'detached' });
    expect(await row.getAttribute('class')).toContain('disabled-row');
    expect((await me()).status).toBe(401);
  });

  it('lists what this run did in the audit log, narrows it by action, and exports the same filter', async () => {
    const page = admin;
    await page.goto(url('/audit'));
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const actions = page.locator('table.audit-table tbody tr td:nth-child(3)');
    await page.getByRole('cell', { name: 'token.revoke', exact: true }).waitFor();
    const all = await actions.allTextContents();
    for (const action of [
      'flow.create',
      'flow.deploy',
      'execution.replay',
      'execution.replay-bulk',
      'dead-letter.ignored',
      'credential.create',
      'credential.update',
      'credential.test',
      'user.create',
      'user.update',
      'token.create',
      'token.revoke',
    ]) {
      expect(all, action).toContain(action);
    }
    await studio.screenshot(page, 'audit');

    await page.getByLabel('Action').fill('token.revoke');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('action'), POLL).toBe('token.revoke');
    await expect.poll(() => actions.allTextContents(), POLL).toEqual(['token.revoke']);
    const href = await page.getByRole('link', { name: 'Export JSON lines' }).getAttribute('href');
    expect(href).toBe('/api/audit/export?action=token.revoke');
    const exported = await fetch(url(href ?? ''), {
      headers: { authorization: `Bearer ${studio.server.token}` },
    });
    expect(exported.status).toBe(200);
    const lines = (await exported.text()).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).action)).toEqual(['token.revoke']);
  });

  it('charts executions per hour with succeeded and failed in the legend, and names the slowest nodes of the flow', async () => {
    const page = admin;
    const total = (await executions()).length;
    await page.goto(url('/dashboard'));
    await page.getByRole('heading', { name: 'Executions per hour' }).waitFor();
    await page
      .getByRole('img', { name: new RegExp(`^Executions per hour by status: ${total} in \\d+ hours$`) })
      .waitFor();
    const legend = await page.getByRole('list', { name: 'Legend' }).getByRole('listitem').allTextContents();
    expect(legend).toEqual(expect.arrayContaining(['succeeded', 'failed']));
    const slowest = page.getByRole('region', { name: 'Slowest nodes' });
    const nodeCells = await slowest.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(nodeCells.sort()).toEqual(['check', 'map', 'reply']);
    expect(await slowest.getByRole('link', { name: FLOW_ID }).count()).toBe(3);
  });

  it('raised no console error, content-security refusal or script error on any page', () => {
    expect(
      studio.consoleErrors.filter((text) => /Content Security Policy|Refused|TypeError/.test(text)),
    ).toEqual([]);
  });
});
