import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { api, repoRoot, startWaybillProcess, type WaybillProcess } from '@waybill/server/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Where the end-to-end tests leave a screenshot of each main screen; README shows them. */
export const SCREENSHOTS = join(repoRoot, 'docs/screenshots');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface Studio {
  server: WaybillProcess;
  browser: Browser;
  /** A fresh browser page signed in with a new user of that role (through the sign-in page). */
  signedIn(
    role: 'admin' | 'designer' | 'operator' | 'viewer',
    options?: { partnerId?: string },
  ): Promise<Page>;
  /** Saves a screenshot of the page as docs/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  /** Console errors and CSP violations seen on any page so far. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * A real `waybill start` (SQLite, embedded queue, simulators, the built studio) and Debian's
 * Chromium driven by playwright-core, as an analyst would meet them. Needs `pnpm build` first.
 *
 * @example
 * const studio = await startStudio(); const page = await studio.signedIn('designer');
 */
export async function startStudio(options: { seed?: boolean } = {}): Promise<Studio> {
  const server = await startWaybillProcess('start', {}, options.seed ? [] : ['--no-seed']);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  await mkdir(SCREENSHOTS, { recursive: true });
  const consoleErrors: string[] = [];
  let users = 0;
  return {
    server,
    browser,
    consoleErrors,
    async signedIn(role, extra = {}) {
      users += 1;
      const email = `${role}-${users}@acme.test`;
      const { body } = await api(server, 'POST', '/api/users', {
        email,
        name: `${role[0]?.toUpperCase()}${role.slice(1)} ${users}`,
        role,
        ...(extra.partnerId ? { partnerId: extra.partnerId } : {}),
      });
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      // A step that cannot happen fails within seconds, naming what it waited for.
      page.setDefaultTimeout(10_000);
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.goto(server.url);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(body.oneTimePassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('New password', { exact: true }).fill('correct horse battery staple');
      await page.getByLabel('New password again').fill('correct horse battery staple');
      await page.getByRole('button', { name: 'Save password' }).click();
      await page.getByRole('navigation', { name: 'Pages' }).waitFor();
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/**
 * The hooks every studio test file needs: a studio and an admin's page for the whole file, a
 * screenshot (docs/screenshots/failed-step.png) of the page when a step fails, and the studio
 * stopped at the end. `bind` hands the two to the file's variables.
 *
 * @example
 * let studio: Studio; let page: Page;
 * useSignedInStudio({ acceptDialogs: true }, (s, p) => { studio = s; page = p; });
 */
export function useSignedInStudio(
  options: { acceptDialogs?: boolean },
  bind: (studio: Studio, page: Page) => void,
): void {
  let studio: Studio | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    studio = await startStudio();
    page = await studio.signedIn('admin');
    // Leaving unsaved changes and rolling back ask first (beforeunload, confirm): the tests mean it.
    if (options.acceptDialogs) page.on('dialog', (dialog) => void dialog.accept());
    bind(studio, page);
  }, 60_000);
  afterAll(() => studio?.close(), 30_000);
  afterEach(async (context) => {
    if (studio && page && context.task.result?.state === 'fail') await studio.screenshot(page, 'failed-step');
  });
}
