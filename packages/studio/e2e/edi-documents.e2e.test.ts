import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { api } from '@waybill/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Studio, useSignedInStudio } from './studio-harness.js';

const fixture = (path: string) => fileURLToPath(new URL(`../../../connectors/edi/${path}`, import.meta.url));
// The shared sample 850: sent by 12/4405197800 to 01/999999999, the profile below.
const X12_850 = readFileSync(fixture('fixtures/x12/nodex12__850.edi'));
const SHIPPED_850_MAP = readFileSync(fixture('maps/x12-850-to-order.jsonata'), 'utf8');
const PARTNER = 'xyz-partner';
const POLL = { timeout: 10_000, interval: 100 };

interface DocumentRow {
  id: string;
  direction: 'inbound' | 'outbound';
  nodeId: string;
  fileName: string;
  ackStatus: string | null;
}

/** webhook → parse → ack: what a partner's 850 gets back (a 997), both kept as documents. */
const INBOX_FLOW = {
  schemaVersion: 1,
  id: 'edi-inbox',
  name: 'EDI inbox',
  trigger: { type: 'core.webhook', config: {} },
  nodes: [
    { id: 'parse', type: 'edi.parse', credential: PARTNER, config: {} },
    { id: 'ack', type: 'edi.acknowledge', credential: PARTNER, config: {} },
  ],
  edges: [
    { from: 'trigger', to: 'parse' },
    { from: 'parse', to: 'ack' },
  ],
};

/** webhook → to_order, an EDI map node naming a shipped map and no expression of its own. */
const MAP_FLOW = {
  schemaVersion: 1,
  id: 'edi-map',
  name: 'EDI map',
  trigger: { type: 'core.webhook', config: {} },
  nodes: [{ id: 'to_order', type: 'edi.toCanonical', config: { map: 'x12-850-to-order' } }],
  edges: [{ from: 'trigger', to: 'to_order' }],
};

/**
 * Interchanges in the studio, in real Chromium against a real `waybill start`: an X12 850 sent to
 * a deployed flow shows on its execution as the document received and the 997 sent, each
 * downloadable as the exact bytes; the Documents page finds them by partner and direction; the
 * EDI map node's expression starts from the shipped map; the partner profile's ids are shown and
 * edited on the credentials page.
 */
describe('studio: EDI documents', { timeout: 60_000 }, () => {
  let studio: Studio;
  let page: Page;
  let root = '';
  let executionId = '';
  let documents: DocumentRow[] = [];
  useSignedInStudio({ acceptDialogs: true }, (s, p) => {
    studio = s;
    page = p;
  });

  const url = (path: string) => `${studio.server.url}${path}`;
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const documentsSection = () => page.getByRole('region', { name: 'Documents' });
  const bytesOf = async (documentId: string) => {
    const res = await fetch(url(`/api/documents/${documentId}/content`), {
      headers: { authorization: `Bearer ${studio.server.token}` },
    });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'waybill-studio-edi-'));
    await api(studio.server, 'POST', '/api/credentials', {
      id: 'xyz-folder',
      type: 'edi-folder',
      name: 'XYZ outbox',
      values: { root },
    });
    await api(studio.server, 'POST', '/api/credentials', {
      id: PARTNER,
      type: 'edi-x12-partner',
      name: 'XYZ Retail',
      values: { ourQualifier: '01', ourId: '999999999', partnerQualifier: '12', partnerId: '4405197800' },
    });
    for (const definition of [INBOX_FLOW, MAP_FLOW]) {
      await api(studio.server, 'POST', '/api/flows', {
        id: definition.id,
        name: definition.name,
        definition,
      });
    }
    await api(studio.server, 'POST', '/api/flows/edi-inbox/deployments', { revision: 1 });
    const res = await fetch(url('/hooks/edi-inbox'), {
      method: 'POST',
      headers: { 'content-type': 'application/edi-x12', 'x-delivery-id': 'edi-850-1' },
      body: X12_850,
    });
    expect(res.status).toBe(202);
    executionId = ((await res.json()) as { executionId: string }).executionId;
    const deadline = Date.now() + 10_000;
    let status = '';
    while (!['succeeded', 'failed', 'cancelled'].includes(status) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await api(studio.server, 'GET', `/api/executions/${executionId}`)).body.status;
    }
    expect(status).toBe('succeeded');
    documents = (await api(studio.server, 'GET', `/api/executions/${executionId}/documents`)).body.items;
  }, 30_000);
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('lists the interchange received and the acknowledgment sent on the execution, and downloads each as the stored bytes', async () => {
    expect(documents.map((d) => `${d.direction}:${d.nodeId}`).sort()).toEqual([
      'inbound:parse',
      'outbound:ack',
    ]);
    await page.goto(url(`/executions/${executionId}`));
    await documentsSection().waitFor();
    const rows = documentsSection().locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const cells = await rows.evaluateAll((all) =>
      all.map((row) => [...row.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)),
    );
    expect(cells.sort()).toEqual([
      ['Received', 'parse'],
      ['Sent', 'ack'],
    ]);
    const sent = documents.find((d) => d.direction === 'outbound');
    // A 997 is itself never acknowledged.
    expect(sent?.ackStatus).toBeNull();
    expect(await page.locator(`#document-${sent?.id}`).textContent()).toContain('Not expected');

    for (const doc of documents) {
      const row = page.locator(`#document-${doc.id}`);
      expect(await row.textContent()).toContain(PARTNER);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('link', { name: `Download ${doc.fileName}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(doc.fileName);
      const saved = await readFile(await download.path());
      expect(saved.equals(await bytesOf(doc.id))).toBe(true);
      if (doc.direction === 'inbound') expect(saved.equals(X12_850)).toBe(true);
      else expect(saved.toString('latin1')).toContain('ST*997*');
    }
  });

  it('links a step to the documents it stored, moving the reader to their row', async () => {
    await page.goto(url(`/executions/${executionId}`));
    const parsed = documents.find((d) => d.nodeId === 'parse');
    await page.getByRole('button', { name: '1 document of parse', exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), POLL)
      .toBe(`document-${parsed?.id}`);
    expect(await page.locator(`#document-${parsed?.id}`).getAttribute('class')).toContain('selected');
  });

  it('finds documents by partner and direction on the Documents page, and opens the execution of one', async () => {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('heading', { name: 'Documents', exact: true }).waitFor();
    const rows = page.locator('table.documents-table tbody tr');
    await rows.first().waitFor();

    await page.getByLabel('Partner', { exact: true }).fill(PARTNER);
    await button('Search').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('partner'), POLL).toBe(PARTNER);
    await expect.poll(() => rows.count(), POLL).toBe(2);
    await page.getByLabel('Direction').selectOption({ label: 'Sent' });
    await expect.poll(() => new URL(page.url()).searchParams.get('direction'), POLL).toBe('outbound');
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect(await rows.first().textContent()).toContain('ack');

    await page.getByLabel('Acknowledgment').selectOption({ label: 'Overdue' });
    await page.getByText('No documents match.', { exact: true }).waitFor();
    await page.getByLabel('Acknowledgment').selectOption({ label: 'Any' });
    await rows.first().getByRole('link', { name: executionId }).click();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(`/executions/${executionId}`);
    await documentsSection().waitFor();
  });

  it('starts the EDI map node’s empty expression from the shipped map as one edit that Undo takes back', async () => {
    await page.goto(url('/flows/edi-map'));
    await page.getByTestId('node-to_order').click();
    const settings = page.getByRole('complementary', { name: 'Node settings' });
    const start = settings.getByRole('button', { name: 'Start from the shipped map x12-850-to-order' });
    const editor = page.getByRole('textbox', { name: 'expression', exact: true });
    await start.click();
    const firstLine = SHIPPED_850_MAP.split('\n')[0] ?? '';
    await expect.poll(() => editor.locator('.cm-line').first().textContent(), POLL).toBe(firstLine);
    await settings.getByText('The shipped map x12-850-to-order, unchanged.').waitFor();
    expect(await start.count()).toBe(0);

    await button('Undo').click();
    await start.waitFor();
    await button('Redo').click();
    await settings.getByText('The shipped map x12-850-to-order, unchanged.').waitFor();
    await button('Save').click();
    await page.getByText('Saved as version 2', { exact: true }).waitFor();
    const saved = (await api(studio.server, 'GET', '/api/flows/edi-map/revisions/2')).body.definition;
    expect(saved.nodes[0].config).toEqual({ map: 'x12-850-to-order', expression: SHIPPED_850_MAP });
  });

  it('resets an adapted map to the shipped one only after asking', async () => {
    await page.goto(url('/flows/edi-map'));
    await page.getByTestId('node-to_order').click();
    const settings = page.getByRole('complementary', { name: 'Node settings' });
    const editor = page.getByRole('textbox', { name: 'expression', exact: true });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' ');
    const reset = settings.getByRole('button', { name: 'Reset to the shipped map', exact: true });
    await reset.click();
    await settings.getByText(/^Replace your expression with the shipped map/).waitFor();
    await settings.getByRole('button', { name: 'Keep mine', exact: true }).click();
    await reset.waitFor();
    await reset.click();
    await settings.getByRole('button', { name: 'Yes, reset', exact: true }).click();
    await settings.getByText('The shipped map x12-850-to-order, unchanged.').waitFor();
  });

  it('shows the partner profile’s ids on the credentials page and saves only the field changed', async () => {
    await page.goto(url('/credentials'));
    const row = page.getByRole('row').filter({ hasText: PARTNER });
    await row.getByText('4405197800', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('Partner ISA id');

    await row.getByRole('button', { name: `Edit ${PARTNER}` }).click();
    const edit = page.getByRole('form', { name: `Edit credential ${PARTNER}` });
    expect(await edit.getByLabel(/^Partner ISA id/).inputValue()).toBe('4405197800');
    expect(await edit.getByLabel(/^Our ISA qualifier/).inputValue()).toBe('01');
    await edit.getByLabel(/^Partner name/).fill('XYZ Retail');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText(`Saved ${PARTNER}.`).waitFor();

    const stored = (await api(studio.server, 'GET', `/api/credentials/${PARTNER}`)).body;
    expect(stored.settings).toEqual({
      ourQualifier: '01',
      ourId: '999999999',
      partnerQualifier: '12',
      partnerId: '4405197800',
      partnerName: 'XYZ Retail',
    });
    const audit = (await api(studio.server, 'GET', `/api/audit?action=credential.update&targetId=${PARTNER}`))
      .body.items;
    expect(audit.map((event: { details: unknown }) => event.details)).toEqual([{ fields: ['partnerName'] }]);
  });

  it('leaves no CSP violation or script error in the browser console', () => {
    expect(
      studio.consoleErrors.filter((text) => /Content Security Policy|Refused|TypeError/.test(text)),
    ).toEqual([]);
  });
});
