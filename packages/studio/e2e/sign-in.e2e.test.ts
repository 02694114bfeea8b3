import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Studio, startStudio } from './studio-harness.js';

describe('studio: signing in', () => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await startStudio();
  }, 60_000);
  afterAll(() => studio?.close(), 30_000);

  it('signs a new user in with their one-time password, has them choose their own, and shows the pages of their role', async () => {
    const page = await studio.signedIn('designer');
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await expect(nav.getByRole('link', { name: 'Flows' }).isVisible()).resolves.toBe(true);
    // Designers manage no users and read no audit log: those pages are not offered.
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    await studio.screenshot(page, 'flows');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Waybill' }).waitFor();
    expect(studio.consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });

  it('says why a sign-in failed', async () => {
    const context = await studio.browser.newContext();
    const page = await context.newPage();
    await page.goto(studio.server.url);
    await page.getByLabel('Email').fill('nobody@acme.test');
    await page.getByLabel('Password').fill('not a password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or password is not right.' }).waitFor();
    await context.close();
  });
});
