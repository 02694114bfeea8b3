import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { api } from '@waybill/server/testing';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Studio, useSignedInStudio } from './studio-harness.js';

// The shared sample 850, kept as a byte-identical copy beside the EDI connector.
const X12_850 = fileURLToPath(
  new URL('../../../connectors/edi/fixtures/x12/nodex12__850.edi', import.meta.url),
);
const SAMPLE = {
  headers: {},
  query: {},
  body: {
    po: 'PO-1001',
    lines: [
      { sku: 'IPOD2008GREEN', qty: 2 },
      { sku: 'IPOD2008RED', qty: 3 },
    ],
  },
};
const ORDERS_URL = 'https://api.example.com/orders';

/** trigger → call, one `http.request` node. */
function httpFlow(id: string) {
  return {
    schemaVersion: 1,
    id,
    name: `HTTP ${id}`,
    trigger: { type: 'core.webhook', config: {} },
    nodes: [{ id: 'call', type: 'http.request', config: { url: ORDERS_URL } }],
    edges: [{ from: 'trigger', to: 'call' }],
  };
}

/** trigger → map, one Transform with `expression`. */
function transformFlow(id: string, expression = '$') {
  return {
    schemaVersion: 1,
    id,
    name: `Transform ${id}`,
    trigger: { type: 'core.webhook', config: {} },
    nodes: [{ id: 'map', type: 'core.transform', config: { expression } }],
    edges: [{ from: 'trigger', to: 'map' }],
  };
}

/**
 * The side panel of a selected node, in real Chromium against a real `waybill start`: the
 * credential picker, the retry editor, generated fields and their messages, the raw JSON view,
 * JSONata completion and errors, test data from a file or a past execution, and rolling back to an
 * older version from the Versions drawer.
 */
describe('studio: configuring a node', { timeout: 60_000 }, () => {
  let studio: Studio;
  let page: Page;
  useSignedInStudio({ acceptDialogs: true }, (s, p) => {
    studio = s;
    page = p;
  });

  const node = (id: string) => page.getByTestId(`node-${id}`);
  const settings = () => page.getByRole('complementary', { name: 'Node settings' });
  const field = (label: string) => settings().getByLabel(label, { exact: true });
  /** The message under a generated field (its sibling `.field-error`). */
  const errorUnder = (control: Locator) => control.locator('xpath=..').locator('.field-error');
  const expressionEditor = () => page.getByRole('textbox', { name: 'expression', exact: true });
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  const createFlow = async (id: string, definition: object) => {
    await api(studio.server, 'POST', '/api/flows', { id, name: `Flow ${id}`, definition });
  };
  const open = async (id: string) => {
    await page.goto(`${studio.server.url}/flows/${id}`);
    await node('trigger').waitFor();
  };
  const revision = async (id: string, version: number) =>
    (await api(studio.server, 'GET', `/api/flows/${id}/revisions/${version}`)).body;
  const revisionCount = async (id: string) =>
    (await api(studio.server, 'GET', `/api/flows/${id}/revisions`)).body.items.length;
  const save = async (version: number) => {
    await button('Save').click();
    await page.getByText(`Saved as version ${version}`, { exact: true }).waitFor();
  };
  const refusedSave = async () => {
    await button('Save').click();
    await page.getByText(/problems?: nothing was saved/).waitFor();
  };
  const storedSample = (flowId: string) =>
    page.evaluate((key) => localStorage.getItem(key), `waybill.sample.${flowId}`);

  it('offers only the credentials of the types http.request accepts, and saves the one chosen on the node', async () => {
    for (const credential of [
      { id: 'orders-api', type: 'http-bearer', name: 'Orders API', values: { token: 't0ken' } },
      {
        id: 'odoo-main',
        type: 'odoo-json2',
        name: 'Odoo main',
        values: { url: 'https://erp.example.com', apiKey: 'k3y' },
      },
      { id: 'shop-hooks', type: 'webhook-secret', name: 'Shop hooks', values: { secret: 'whsec_1' } },
    ]) {
      await api(studio.server, 'POST', '/api/credentials', credential);
    }
    await createFlow('credential', httpFlow('credential'));
    // The editor reads the credentials when the flow opens, so they exist before it does.
    await open('credential');
    await node('call').click();
    const picker = field('credential');
    expect(await picker.evaluate((element) => element.tagName)).toBe('SELECT');
    expect(await picker.locator('option').allTextContents()).toEqual(['None', 'Orders API (http-bearer)']);
    expect(await picker.inputValue()).toBe('');

    await picker.selectOption('orders-api');
    await page.getByText('Unsaved changes', { exact: true }).waitFor();
    await save(2);
    const saved = (await revision('credential', 2)).definition;
    expect(saved.nodes).toEqual([
      { id: 'call', type: 'http.request', credential: 'orders-api', config: { url: ORDERS_URL } },
    ]);
    // Reopened, the picker shows the saved choice.
    await open('credential');
    await node('call').click();
    await expect.poll(() => field('credential').inputValue()).toBe('orders-api');
  });

  it('turns retries on, shows an out-of-range attempt count under its field and refuses to save it, then saves three attempts', async () => {
    await createFlow('retry', httpFlow('retry'));
    await open('retry');
    await node('call').click();
    const maxAttempts = field('maxAttempts');
    expect(await maxAttempts.count()).toBe(0);
    await field('retry').check();
    await expect.poll(() => maxAttempts.inputValue()).toBe('3');
    expect(await errorUnder(maxAttempts).count()).toBe(0);

    await maxAttempts.fill('99');
    await expect.poll(() => errorUnder(maxAttempts).textContent()).toBe('Must be at most 25.');
    expect(await maxAttempts.getAttribute('aria-invalid')).toBe('true');
    // The save goes to the server, which refuses it with the problem; nothing new is stored.
    await refusedSave();
    expect(await revisionCount('retry')).toBe(1);

    await maxAttempts.fill('3');
    await expect.poll(() => errorUnder(maxAttempts).count()).toBe(0);
    await save(2);
    const saved = (await revision('retry', 2)).definition;
    expect(saved.nodes[0].retry).toEqual({ maxAttempts: 3 });
    expect(saved.nodes[0].config).toEqual({ url: ORDERS_URL });
  });

  it('renders an enum as a select whose choice is saved, and says so under a required field left empty', async () => {
    await createFlow('enum', httpFlow('enum'));
    await open('enum');
    await node('call').click();
    const method = field('method');
    expect(await method.evaluate((element) => element.tagName)).toBe('SELECT');
    expect(await method.locator('option').allTextContents()).toEqual([
      'Default (POST)',
      'GET',
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
    ]);
    await method.selectOption({ label: 'PUT' });

    const url = field('url');
    expect(await url.getAttribute('required')).not.toBeNull();
    expect(await errorUnder(url).count()).toBe(0);
    await url.fill('');
    await expect.poll(() => errorUnder(url).textContent()).toContain('Must not be empty.');
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    await refusedSave();
    expect(await revisionCount('enum')).toBe(1);

    await url.fill(ORDERS_URL);
    await expect.poll(() => errorUnder(url).count()).toBe(0);
    await save(2);
    expect((await revision('enum', 2)).definition.nodes[0].config).toEqual({
      method: 'PUT',
      url: ORDERS_URL,
    });
    // The select shows the saved value, not the default.
    expect(await method.locator('option:checked').textContent()).toBe('PUT');
  });

  it('shows the node as raw JSON, applies a changed config to the form, and leaves the node alone on invalid JSON', async () => {
    await createFlow('raw', httpFlow('raw'));
    await open('raw');
    await node('call').click();
    const rawButton = button('Raw JSON');
    const nodeJson = settings().getByRole('textbox', { name: 'Node JSON', exact: true });
    await rawButton.click();
    expect(await rawButton.getAttribute('aria-pressed')).toBe('true');
    await nodeJson.waitFor();
    expect(JSON.parse((await nodeJson.textContent()) ?? '')).toEqual({
      id: 'call',
      type: 'http.request',
      config: { url: ORDERS_URL },
    });

    const changed = {
      id: 'call',
      type: 'http.request',
      config: { method: 'PATCH', url: 'https://api.example.com/v2/orders', timeoutMs: 5000 },
    };
    await nodeJson.fill(JSON.stringify(changed, null, 2));
    await button('Apply JSON').click();
    await page.getByText('Unsaved changes', { exact: true }).waitFor();
    await rawButton.click();
    expect(await rawButton.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => field('method').locator('option:checked').textContent()).toBe('PATCH');
    expect(await field('url').inputValue()).toBe('https://api.example.com/v2/orders');
    expect(await field('timeoutMs').inputValue()).toBe('5000');
    await save(2);
    expect((await revision('raw', 2)).definition.nodes).toEqual([changed]);

    await rawButton.click();
    await nodeJson.fill('{ "id": "call", "type": "http.request", "config": { "method": "GET" ');
    await button('Apply JSON').click();
    const error = settings().getByRole('alert');
    await expect.poll(() => error.textContent()).toMatch(/^Not valid JSON: /);
    // Nothing changed: no unsaved changes, and the form still shows the saved config.
    expect(await page.getByText('Unsaved changes', { exact: true }).count()).toBe(0);
    await rawButton.click();
    await expect.poll(() => field('method').locator('option:checked').textContent()).toBe('PATCH');
    await button('Save').click();
    await page.getByText('No changes to save: this is version 2').waitFor();
    expect(await revisionCount('raw')).toBe(2);
  });

  it('completes field names from the pinned sample in a JSONata editor, and marks a syntax error in place and in the preview', async () => {
    await createFlow('complete', transformFlow('complete'));
    await open('complete');
    await page.getByRole('button', { name: /^Test data/ }).click();
    await page.getByLabel(/Sample trigger data/).fill(JSON.stringify(SAMPLE));
    await button('Pin sample').click();
    await button('Test data (pinned)').click();
    await node('map').click();

    const editor = expressionEditor();
    await editor.fill('');
    await editor.click();
    await page.keyboard.type('body.');
    const list = page.locator('.cm-tooltip-autocomplete');
    await list.waitFor();
    const labels = list.locator('.cm-completionLabel');
    await expect.poll(() => labels.allTextContents().then((all) => all.sort())).toEqual(['lines', 'po']);
    const chosen = (await list.locator('li[aria-selected="true"] .cm-completionLabel').textContent()) ?? '';
    expect(['lines', 'po']).toContain(chosen);
    await page.keyboard.press('Enter');
    await expect.poll(() => editor.textContent()).toBe(`body.${chosen}`);
    expect(await list.count()).toBe(0);
    const preview = page.getByRole('status', { name: 'expression preview' });
    await expect
      .poll(async () => JSON.parse((await preview.textContent()) ?? 'null'))
      .toEqual(SAMPLE.body[chosen as 'po' | 'lines']);

    await editor.fill('body.po +');
    await expect
      .poll(() => preview.locator('.field-error').textContent())
      .toBe('Unexpected end of expression');
    const mark = editor.locator('.cm-lintRange-error');
    await mark.waitFor();
    expect((await mark.textContent())?.length).toBeGreaterThan(0);

    await editor.fill('body.po');
    await expect.poll(() => preview.textContent()).toBe('"PO-1001"');
    expect(await editor.locator('.cm-lintRange-error').count()).toBe(0);
  });

  it('pins an uploaded X12 file as the body of the test data, and the trigger of a past execution', async () => {
    await createFlow('samples', transformFlow('samples', 'body'));
    await open('samples');
    await page.getByRole('button', { name: /^Test data/ }).click();
    const text = readFileSync(X12_850, 'utf8');
    await page.getByLabel('Upload sample file').setInputFiles(X12_850);
    await button('Test data (pinned)').waitFor();
    await expect.poll(() => storedSample('samples')).toBe(JSON.stringify({ body: text }));
    const sampleBox = page.getByLabel(/Sample trigger data/);
    expect(JSON.parse(await sampleBox.inputValue())).toEqual({ body: text });
    // The Transform next to the trigger previews against the file.
    await node('map').click();
    await expect
      .poll(async () =>
        JSON.parse((await page.getByRole('status', { name: 'expression preview' }).textContent()) ?? 'null'),
      )
      .toBe(text);

    // An execution of the deployed flow, by webhook.
    await api(studio.server, 'POST', '/api/flows/samples/deployments', { revision: 1 });
    const res = await fetch(`${studio.server.url}/hooks/samples`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-delivery-id': 'past-1' },
      body: JSON.stringify({ po: 'PO-PAST-1', lines: [{ sku: 'A', qty: 1 }] }),
    });
    expect(res.status).toBe(202);
    const { executionId } = (await res.json()) as { executionId: string };
    const trigger = (await api(studio.server, 'GET', `/api/executions/${executionId}`)).body.trigger;
    expect(trigger.body).toEqual({ po: 'PO-PAST-1', lines: [{ sku: 'A', qty: 1 }] });

    await button('Use a past execution…').click();
    const past = page.getByRole('combobox', { name: 'Past executions' });
    await past.waitFor();
    expect(
      await past.locator('option').evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['', executionId]);
    await past.selectOption(executionId);
    await expect.poll(async () => JSON.parse((await storedSample('samples')) ?? 'null')).toEqual(trigger);
    await expect.poll(async () => JSON.parse(await sampleBox.inputValue())).toEqual(trigger);
  });

  it('marks the deployed version in the Versions drawer and rolls back to version 1 from it', async () => {
    await createFlow('versions', transformFlow('versions', '{ "v": 1 }'));
    for (const v of [2, 3]) {
      await api(studio.server, 'POST', '/api/flows/versions/revisions', {
        definition: transformFlow('versions', `{ "v": ${v} }`),
      });
    }
    await api(studio.server, 'POST', '/api/flows/versions/deployments', { revision: 3 });
    const [v1, v3] = [await revision('versions', 1), await revision('versions', 3)];
    const live = async () =>
      (await api(studio.server, 'GET', '/api/flows/versions/deployments')).body.items[0].revisionHash;
    expect(await live()).toBe(v3.hash);

    await open('versions');
    await button('Versions').click();
    const drawer = page.getByRole('complementary', { name: 'Versions' });
    const item = (version: number) =>
      drawer.getByRole('listitem').filter({ has: page.getByText(`Version ${version}`, { exact: true }) });
    const deployedMark = (version: number) => item(version).getByText('deployed', { exact: true });
    await item(1).waitFor();
    expect(await drawer.getByRole('listitem').count()).toBe(3);
    expect(await deployedMark(3).count()).toBe(1);
    expect(await deployedMark(1).count()).toBe(0);
    expect(await deployedMark(2).count()).toBe(0);
    expect(await item(3).getByRole('button', { name: 'Deploy this version' }).count()).toBe(0);

    await item(1).getByRole('button', { name: 'Deploy this version' }).click();
    await page.getByText('Version 1 is live').waitFor();
    await deployedMark(1).waitFor();
    expect(await deployedMark(3).count()).toBe(0);
    expect(await live()).toBe(v1.hash);
    expect(await item(3).getByRole('button', { name: 'Deploy this version' }).count()).toBe(1);
  });

  it('leaves no CSP violation or script error in the browser console', () => {
    expect(
      studio.consoleErrors.filter((text) => /Content Security Policy|Refused|TypeError/.test(text)),
    ).toEqual([]);
  });
});
