import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Studio, useSignedInStudio } from './studio-harness.js';

const SAMPLE = {
  headers: { 'x-delivery-id': 'sample-1' },
  query: {},
  body: {
    po: 'PO-1001',
    lines: [
      { sku: 'IPOD2008GREEN', qty: 2 },
      { sku: 'IPOD2008RED', qty: 3 },
    ],
  },
};
const GOOD = '{ "po": body.po, "units": $sum(body.lines.qty) }';
// The fix keeps the PO number as text, which is what the later nodes expect.
const FIXED = '{ "po": $string(body.po), "units": $sum(body.lines.qty) }';
// Casting the whole PO number to a number fails at run time: "PO-1001" is not a number.
const BAD = '{ "po": $number(body.po), "units": $sum(body.lines.qty) }';

/**
 * The analyst's and the support person's day in one run, in real Chromium against a real
 * `waybill start`: build a flow on an empty canvas with the mouse, map with a live preview, save,
 * deploy, trigger it by webhook, watch the execution arrive, break the mapping, fix it, replay the
 * failure with the deployed fix, and see the fix as a change in the visual diff.
 */
describe('studio: design, deploy, break, fix and replay a flow', { timeout: 90_000 }, () => {
  let studio: Studio;
  let page: Page;
  useSignedInStudio({ acceptDialogs: false }, (s, p) => {
    studio = s;
    page = p;
  });

  const node = (id: string) => page.getByTestId(`node-${id}`);
  const expressionEditor = () => page.getByRole('textbox', { name: 'expression', exact: true });
  const setExpression = async (text: string) => {
    await expressionEditor().fill(text);
  };
  const save = async (version: number) => {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(`Saved as version ${version}`).waitFor();
  };
  const deploy = async (version: number) => {
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    await page.getByText(`Version ${version} is live`).waitFor();
  };
  const webhook = async (po: string) => {
    const res = await fetch(`${studio.server.url}/hooks/order-check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-delivery-id': po },
      body: JSON.stringify({ ...SAMPLE.body, po }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { executionId: string }).executionId;
  };
  const connect = async (from: string, to: string) => {
    await node(from).locator('.react-flow__handle.source').first().hover();
    await page.mouse.down();
    await node(to).locator('.react-flow__handle.target').hover();
    await page.mouse.up();
  };

  it('builds a four-node flow from an empty canvas with the mouse and previews its mapping live', async () => {
    await page.getByRole('link', { name: 'Flows' }).click();
    await page.getByRole('button', { name: 'New flow' }).click();
    await page.getByLabel('Name').fill('Order check');
    await page.getByRole('button', { name: 'Create' }).click();
    await node('trigger').waitFor();

    await page.getByRole('button', { name: /^Test data/ }).click();
    await page.getByLabel(/Sample trigger data/).fill(JSON.stringify(SAMPLE));
    await page.getByRole('button', { name: 'Pin sample' }).click();
    await page.getByRole('button', { name: 'Test data (pinned)' }).click();

    const canvas = page.getByTestId('rf__wrapper');
    const search = page.getByLabel('Search node types');
    for (const [x, y] of [
      [60, 60],
      [280, 180],
      [500, 300],
    ] as const) {
      await search.fill('Transform');
      await page
        .locator('[data-node-type="core.transform"]')
        .dragTo(canvas, { targetPosition: { x, y }, force: true });
    }
    for (const id of ['transform', 'transform_2', 'transform_3']) await node(id).waitFor();
    await connect('trigger', 'transform');
    await connect('transform', 'transform_2');
    await connect('transform_2', 'transform_3');
    expect(await page.locator('.react-flow__edge').count()).toBe(3);

    await node('transform_2').click();
    await setExpression('$merge([$, { "accepted": units > 0 }])');
    await node('transform_3').click();
    await setExpression('{ "po": po, "accepted": accepted }');
    // Support finds executions by PO number: the trigger names it as the business key.
    await node('trigger').click();
    await page.getByRole('textbox', { name: 'businessKey', exact: true }).fill('body.po');
    await node('transform').click();
    await setExpression(GOOD);
    const preview = page.getByRole('status', { name: 'expression preview' });
    await expect.poll(() => preview.textContent()).toContain('"units": 5');
    await page.getByRole('button', { name: 'Arrange' }).click();
    await node('transform_3').waitFor();
    await page.waitForTimeout(400); // the fit-to-view animation (300 ms), for the screenshot only
    await studio.screenshot(page, 'canvas');
  });

  it('saves, deploys, and shows the webhook execution arriving live', async () => {
    await save(1);
    await deploy(1);
    await page.getByRole('link', { name: 'Executions' }).click();
    await page.getByRole('heading', { name: 'Executions' }).waitFor();
    await webhook('PO-2001');
    await page
      .getByRole('row')
      .filter({ hasText: 'PO-2001' })
      .getByText('succeeded', { exact: true })
      .waitFor();
    await studio.screenshot(page, 'executions');
  });

  let failedId = '';
  it('fails with a bad mapping, and after the fix replays the failure with the deployed revision', async () => {
    await page.goto(`${studio.server.url}/flows/order-check`);
    await node('transform').click();
    await setExpression(BAD);
    await save(2);
    await deploy(2);
    failedId = await webhook('PO-2002');
    await page.getByRole('link', { name: 'Executions' }).click();
    await page.getByRole('row').filter({ hasText: 'PO-2002' }).getByText('failed', { exact: true }).waitFor();

    await page.goto(`${studio.server.url}/flows/order-check`);
    await node('transform').click();
    await setExpression(FIXED);
    await save(3);
    await deploy(3);

    await page.goto(`${studio.server.url}/executions/${failedId}`);
    await page.getByText('failed').first().waitFor();
    await studio.screenshot(page, 'execution-detail');
    await page.getByRole('button', { name: 'Replay…' }).click();
    await page.getByRole('combobox', { name: /^Revision/ }).selectOption('deployed');
    await page.getByText('with the deployed revision').waitFor();
    await page.getByLabel('Replay preview').waitFor();
    await studio.screenshot(page, 'replay-preview');
    await page.getByRole('button', { name: 'Replay now' }).click();
    await page.getByRole('link', { name: /open the new execution/ }).click();
    await page.getByText('succeeded', { exact: true }).first().waitFor();
    await studio.screenshot(page, 'replayed');
  });

  it('shows the fixed node as changed in the visual diff of the last two revisions', async () => {
    await page.goto(`${studio.server.url}/flows/order-check`);
    await page.getByRole('button', { name: 'Versions' }).click();
    // The newest version (3, the fix) against the one before it (2, the bad mapping).
    await page.getByRole('button', { name: 'Compare' }).first().click();
    const compare = page.getByRole('complementary', { name: 'Compare versions' });
    await compare.getByRole('heading', { name: 'Changed transform' }).waitFor();
    // On the diff canvas the fixed node is marked changed and the others are not.
    await compare.getByTestId('node-transform').locator('.wb-diff-tag.changed').waitFor();
    expect(await compare.getByTestId('node-transform_2').locator('.wb-diff-tag').count()).toBe(0);
    await expect
      .poll(() => compare.locator('pre.before').first().textContent())
      .toContain('$number(body.po)');
    await expect.poll(() => compare.locator('pre.after').first().textContent()).toContain('$string(body.po)');
    await studio.screenshot(page, 'diff');
    expect(studio.consoleErrors.filter((text) => /Content Security Policy|Refused/i.test(text))).toEqual([]);
  });

  it('shows the operations pages with what the run left behind', async () => {
    for (const [path, heading, shot] of [
      ['/dashboard', 'Dashboard', 'dashboard'],
      ['/dead-letters', 'Dead letters', undefined],
      ['/credentials', 'Credentials', undefined],
      ['/users', 'Users', undefined],
      ['/audit', 'Audit log', undefined],
    ] as const) {
      await page.goto(`${studio.server.url}${path}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      expect(await page.getByRole('alert').count(), path).toBe(0);
      // operations.e2e.test.ts takes the screenshots of the other pages, with more on them.
      if (shot) await studio.screenshot(page, shot);
    }
    // The audit log names who deployed, in this run.
    await page.goto(`${studio.server.url}/audit`);
    await page.getByText('flow.deploy').first().waitFor();
  });
});
