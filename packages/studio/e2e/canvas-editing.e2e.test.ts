import { api } from '@waybill/server/testing';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Studio, useSignedInStudio } from './studio-harness.js';

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
const MAP = '{ "po": body.po, "units": $sum(body.lines.qty) }';
const ENRICH = '$merge([$, { "accepted": units > 0 }])';
const SHAPE = '{ "order": po, "ok": accepted }';

type Layout = Record<string, { x: number; y: number }>;

/** trigger → map → enrich → shape, three Transforms in a row; with `layout`, placed where it says. */
function chainFlow(id: string, layout?: Layout) {
  return {
    schemaVersion: 1,
    id,
    name: `Chain ${id}`,
    trigger: { type: 'core.webhook', config: {} },
    nodes: [
      { id: 'map', type: 'core.transform', config: { expression: MAP } },
      { id: 'enrich', type: 'core.transform', config: { expression: ENRICH } },
      { id: 'shape', type: 'core.transform', config: { expression: SHAPE } },
    ],
    edges: [
      { from: 'trigger', to: 'map' },
      { from: 'map', to: 'enrich' },
      { from: 'enrich', to: 'shape' },
    ],
    ...(layout ? { layout: { nodes: layout } } : {}),
  };
}

/**
 * The canvas as an analyst edits it, in real Chromium against a real `waybill start`: the palette,
 * undo and redo, deleting and multi-selecting, copy and paste across flows, arranging and sticky
 * notes, problems on save, the autosaved draft, test runs, and what each role may do.
 */
describe('studio: editing a flow on the canvas', { timeout: 60_000 }, () => {
  let studio: Studio;
  let page: Page;
  useSignedInStudio({ acceptDialogs: true }, (s, p) => {
    studio = s;
    page = p;
  });

  const node = (id: string, on: Page = page) => on.getByTestId(`node-${id}`);
  const flowNodes = (on: Page = page) => on.locator('.react-flow__node');
  const edges = (on: Page = page) => on.locator('.react-flow__edge');
  const settings = (on: Page = page) => on.getByRole('complementary', { name: 'Node settings' });
  const idField = () => settings().getByLabel('id', { exact: true });
  const expressionEditor = () => page.getByRole('textbox', { name: 'expression', exact: true });
  const button = (name: string, on: Page = page) => on.getByRole('button', { name, exact: true });
  const canvas = () => page.getByTestId('rf__wrapper');
  const transformItem = (on: Page = page) => on.locator('[data-node-type="core.transform"]');

  const createFlow = async (id: string, definition?: object) => {
    await api(studio.server, 'POST', '/api/flows', {
      id,
      name: `Flow ${id}`,
      ...(definition ? { definition } : {}),
    });
  };
  const open = async (id: string, on: Page = page) => {
    await on.goto(`${studio.server.url}/flows/${id}`);
    await node('trigger', on).waitFor();
  };
  const revision = async (id: string, version: number) =>
    (await api(studio.server, 'GET', `/api/flows/${id}/revisions/${version}`)).body.definition;
  const save = async (version: number) => {
    await button('Save').click();
    await page.getByText(`Saved as version ${version}`, { exact: true }).waitFor();
  };
  const dropTransform = async (x: number, y: number) => {
    await page.getByLabel('Search node types').fill('Transform');
    await transformItem().dragTo(canvas(), { targetPosition: { x, y }, force: true });
  };
  const connect = async (from: string, to: string) => {
    await node(from).locator('.react-flow__handle.source').first().hover();
    await page.mouse.down();
    await node(to).locator('.react-flow__handle.target').hover();
    await page.mouse.up();
  };
  /** Where React Flow draws a node, in flow coordinates, from its transform. */
  const positionOf = async (locator: Locator) => {
    const transform = await locator.evaluate((element) => (element as HTMLElement).style.transform);
    const match = /translate\((-?[\d.]+)px, *(-?[\d.]+)px\)/.exec(transform);
    if (!match) throw new Error(`No position in "${transform}"`);
    return { x: Number(match[1]), y: Number(match[2]) };
  };
  /** Waits until the canvas view (pan and zoom) stops changing, e.g. after an animated fit. */
  const settled = async () => {
    const viewport = page.locator('.react-flow__viewport');
    let last = '';
    await expect
      .poll(
        async () => {
          const now = await viewport.evaluate((element) => (element as HTMLElement).style.transform);
          const same = now === last;
          last = now;
          return same;
        },
        { interval: 200 },
      )
      .toBe(true);
  };
  const expectCounts = async (nodes: number, edgeCount: number) => {
    await expect.poll(() => flowNodes().count()).toBe(nodes);
    await expect.poll(() => edges().count()).toBe(edgeCount);
  };

  it('filters the palette by search and adds a node when a palette item is clicked', async () => {
    await createFlow('palette');
    await open('palette');
    const items = page.locator('.wb-palette-item');
    // Search matches titles and descriptions too; only Salesforce's own nodes mention it.
    await page.getByLabel('Search node types').fill('salesforce');
    await expect.poll(() => transformItem().count()).toBe(0);
    const types = await items.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-node-type')));
    expect(types.length).toBeGreaterThan(0);
    expect(types.filter((type) => !type?.startsWith('salesforce.'))).toEqual([]);

    await page.getByLabel('Search node types').fill('');
    await transformItem().waitFor();
    expect(await items.count()).toBeGreaterThan(types.length);

    expect(await flowNodes().count()).toBe(1);
    await transformItem().click();
    await node('transform').waitFor();
    expect(await flowNodes().count()).toBe(2);
    // The new node is selected: its settings are open.
    await expect.poll(() => idField().inputValue()).toBe('transform');
    await page.getByText('Unsaved changes', { exact: true }).waitFor();
  });

  it('undoes and redoes an added node and edge with the toolbar buttons and with Ctrl+Z / Ctrl+Shift+Z', async () => {
    await createFlow('undo');
    await open('undo');
    expect(await button('Undo').isDisabled()).toBe(true);
    await dropTransform(120, 120);
    await node('transform').waitFor();
    await connect('trigger', 'transform');
    await expectCounts(2, 1);

    await button('Undo').click();
    await expectCounts(2, 0);
    await button('Undo').click();
    await expectCounts(1, 0);
    expect(await button('Undo').isDisabled()).toBe(true);
    await button('Redo').click();
    await expectCounts(2, 0);
    await button('Redo').click();
    await expectCounts(2, 1);
    expect(await button('Redo').isDisabled()).toBe(true);

    await page.keyboard.press('Control+z');
    await expectCounts(2, 0);
    await page.keyboard.press('Control+z');
    await expectCounts(1, 0);
    await page.keyboard.press('Control+Shift+z');
    await expectCounts(2, 0);
    await page.keyboard.press('Control+Shift+z');
    await expectCounts(2, 1);
    await node('transform').waitFor();
  });

  it('deletes a selected node with its edges, and several selected nodes in one undo step', async () => {
    await createFlow('delete', chainFlow('delete'));
    await open('delete');
    await expectCounts(4, 3);

    await node('enrich').click();
    await page.keyboard.press('Delete');
    await expectCounts(3, 1);
    expect(await node('enrich').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expectCounts(4, 3);

    // Shift-click adds to the selection.
    await node('map').click();
    await node('enrich').click({ modifiers: ['Shift'] });
    await settings().getByText('2 nodes selected.').waitFor();
    await page.keyboard.press('Delete');
    await expectCounts(2, 0);
    await page.keyboard.press('Control+z');
    await expectCounts(4, 3);

    // Shift-drag draws a selection box around every node; the trigger itself cannot be deleted.
    const boxes = await Promise.all(
      ['trigger', 'map', 'enrich', 'shape'].map(async (id) => {
        const box = await node(id).boundingBox();
        if (!box) throw new Error(`node ${id} is not drawn`);
        return box;
      }),
    );
    const left = Math.min(...boxes.map((b) => b.x)) - 30;
    const top = Math.min(...boxes.map((b) => b.y)) - 30;
    const right = Math.max(...boxes.map((b) => b.x + b.width)) + 30;
    const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + 30;
    await page.keyboard.down('Shift');
    await page.mouse.move(left, top);
    await page.mouse.down();
    await page.mouse.move((left + right) / 2, (top + bottom) / 2, { steps: 5 });
    await page.mouse.move(right, bottom, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await settings().getByText('4 nodes selected.').waitFor();
    await page.keyboard.press('Delete');
    await expectCounts(1, 0);
    await node('trigger').waitFor();
    // One undo step brings all three nodes and their edges back.
    await page.keyboard.press('Control+z');
    await expectCounts(4, 3);
    expect(await button('Undo').isDisabled()).toBe(true);
  });

  it('copies a configured node with Ctrl+C and pastes it with Ctrl+V in the same flow and in another one', async () => {
    await createFlow('copy-from', chainFlow('copy-from'));
    await createFlow('copy-to');
    await open('copy-from');
    await node('map').click();
    await page.keyboard.press('Control+c');
    // The copy also goes to localStorage, where another flow (or a browser that refuses clipboard
    // reads, as headless Chromium does) finds it.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('waybill.clipboard')))
      .toContain('"waybill.nodes"');
    await page.keyboard.press('Control+v');
    await node('map_2').waitFor();
    await expectCounts(5, 3);
    // The copy is selected, with the same settings under a fresh id.
    await expect.poll(() => idField().inputValue()).toBe('map_2');
    await expect.poll(() => expressionEditor().textContent()).toBe(MAP);
    // A node no path reaches can never run, so a save refuses it: connect the copy first.
    await connect('trigger', 'map_2');
    await expectCounts(5, 4);
    await save(2);
    const saved = await revision('copy-from', 2);
    expect(saved.nodes).toContainEqual({ id: 'map_2', type: 'core.transform', config: { expression: MAP } });
    expect(saved.nodes).toHaveLength(4);

    await open('copy-to');
    expect(await flowNodes().count()).toBe(1);
    await page.keyboard.press('Control+v');
    await node('map').waitFor();
    await expectCounts(2, 0);
    await expect.poll(() => expressionEditor().textContent()).toBe(MAP);
    await connect('trigger', 'map');
    await save(1);
    expect((await revision('copy-to', 1)).nodes).toEqual([
      { id: 'map', type: 'core.transform', config: { expression: MAP } },
    ]);
  });

  it('arranges the nodes left to right and keeps the arrangement and a sticky note through save and reload', async () => {
    // A column, top to bottom: nothing like the left-to-right layout Arrange makes.
    const column = {
      trigger: { x: 0, y: 0 },
      map: { x: 0, y: 200 },
      enrich: { x: 0, y: 400 },
      shape: { x: 0, y: 600 },
    };
    await createFlow('arrange', chainFlow('arrange', column));
    await open('arrange');
    expect(await positionOf(node('shape'))).toEqual(column.shape);

    // A note lands in the middle of the view: pan the column aside so that the middle is empty.
    const view = await canvas().boundingBox();
    if (!view) throw new Error('the canvas is not drawn');
    await page.mouse.move(view.x + 60, view.y + view.height / 2);
    await page.mouse.down();
    await page.mouse.move(view.x + 560, view.y + view.height / 2, { steps: 5 });
    await page.mouse.up();
    await button('Add note').click();
    const note = page.locator('.react-flow__node-note');
    await note.waitFor();
    await expectCounts(5, 3);
    await note.getByLabel('Note text').fill('Ask finance about credit notes');
    await note.getByLabel('Note text').blur();
    const notePlace = await positionOf(note);

    await button('Arrange').click();
    // Arrange fits the view to the new layout, so every node is drawn (only what is in view is).
    await settled();
    await node('shape').waitFor();
    await expect.poll(() => positionOf(node('shape'))).not.toEqual(column.shape);
    const arranged: Layout = {};
    for (const id of ['trigger', 'map', 'enrich', 'shape']) arranged[id] = await positionOf(node(id));
    expect(new Set(Object.values(arranged).map((p) => p.y)).size).toBe(1);
    expect(arranged.trigger!.x).toBeLessThan(arranged.map!.x);
    expect(arranged.map!.x).toBeLessThan(arranged.enrich!.x);
    expect(arranged.enrich!.x).toBeLessThan(arranged.shape!.x);
    // Arrange moves the nodes, not the notes.
    expect(await positionOf(note)).toEqual(notePlace);
    // The layout is not content (it is left out of the revision hash): saving keeps version 1 and
    // stores the new layout with it.
    await button('Save').click();
    await page.getByText('Saved the layout of version 1').waitFor();
    const saved = await revision('arrange', 1);
    expect(saved.layout.nodes).toEqual(arranged);
    expect(saved.layout.notes).toMatchObject([{ text: 'Ask finance about credit notes', ...notePlace }]);

    await page.reload();
    await node('shape').waitFor();
    for (const id of Object.keys(arranged)) expect(await positionOf(node(id))).toEqual(arranged[id]);
    await expect.poll(() => note.getByLabel('Note text').inputValue()).toBe('Ask finance about credit notes');

    await note.getByRole('button', { name: 'Remove note' }).click();
    await expectCounts(4, 3);
    await page.getByText('Unsaved changes', { exact: true }).waitFor();
    await button('Undo').click();
    await expectCounts(5, 3);
  });

  it('lists the problems of a refused save, and picking one selects its node', async () => {
    await createFlow('problems', {
      schemaVersion: 1,
      id: 'problems',
      name: 'Problems',
      trigger: { type: 'core.webhook', config: {} },
      nodes: [{ id: 'map', type: 'core.transform', config: { expression: MAP } }],
      edges: [{ from: 'trigger', to: 'map' }],
      layout: { nodes: { trigger: { x: 0, y: 0 }, map: { x: 300, y: 0 } } },
    });
    await open('problems');
    // A new Transform starts with an empty expression, which a flow may not have.
    await dropTransform(300, 450);
    await node('transform').waitFor();
    await connect('map', 'transform');
    await button('Save').click();
    const list = page.getByRole('list', { name: 'Problems' });
    await list.waitFor();
    // Both about the new node: the expression is empty, and so is not JSONata either.
    const problems = list.getByRole('button');
    await expect.poll(() => list.locator('code').allTextContents()).toEqual(['transform', 'transform']);
    await expect.poll(() => problems.first().textContent()).toContain('expression must not be empty');
    const problem = problems.first();
    await page.getByText(/problems?: nothing was saved/).waitFor();
    expect((await api(studio.server, 'GET', '/api/flows/problems/revisions')).body.items).toHaveLength(1);
    await node('transform').locator('.wb-problems').waitFor();

    await node('map').click();
    await expect.poll(() => idField().inputValue()).toBe('map');
    await problem.click();
    await expect.poll(() => idField().inputValue()).toBe('transform');
    await expect.poll(() => node('transform').getAttribute('class')).toContain('selected');

    // Filling it in lets the save through, and the list goes away.
    await expressionEditor().fill('$');
    await save(2);
    expect(await list.count()).toBe(0);
  });

  it('offers the autosaved draft after a reload, restores it, and drops it on Discard', async () => {
    await createFlow('draft', chainFlow('draft'));
    await open('draft');
    await node('enrich').click();
    await page.keyboard.press('Delete');
    await expectCounts(3, 1);
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('waybill.draft.draft')))
      .toContain('"shape"');

    const restore = page.getByRole('button', { name: /^Restore unsaved changes from/ });
    await page.reload();
    await restore.waitFor();
    // Until restored, the canvas shows the saved version.
    await expectCounts(4, 3);
    await restore.click();
    await expectCounts(3, 1);
    expect(await node('enrich').count()).toBe(0);
    await page.getByText('Unsaved changes', { exact: true }).waitFor();
    expect(await restore.count()).toBe(0);

    await page.reload();
    await restore.waitFor();
    await button('Discard').click();
    expect(await restore.count()).toBe(0);
    await expectCounts(4, 3);
    expect(await page.evaluate(() => localStorage.getItem('waybill.draft.draft'))).toBeNull();
    await page.reload();
    await node('shape').waitFor();
    expect(await restore.count()).toBe(0);
    await expectCounts(4, 3);
  });

  it('runs up to the selected node, then the whole flow, showing each node status and its input and output', async () => {
    await createFlow('test-run', chainFlow('test-run'));
    await open('test-run');
    await page.getByRole('button', { name: /^Test data/ }).click();
    await page.getByLabel(/Sample trigger data/).fill(JSON.stringify(SAMPLE));
    await button('Pin sample').click();
    await button('Test data (pinned)').click();

    const status = (id: string) => node(id).locator('.wb-node-foot .status');
    const result = page.getByRole('region', { name: 'Test run result' });
    await node('enrich').click();
    await button('Run to selected node').click();
    await page.getByText('Last run:').waitFor();
    await expect.poll(() => status('map').textContent()).toBe('succeeded');
    await expect.poll(() => status('enrich').textContent()).toBe('succeeded');
    // The run stopped at enrich: shape never ran.
    await expect.poll(() => status('shape').textContent()).toBe('skipped');
    await expect.poll(() => result.locator('pre').nth(1).textContent()).toContain('"accepted": true');
    await node('shape').click();
    await result.getByText('This node did not run (skipped).').waitFor();

    await node('enrich').click();
    await button('Run flow').click();
    await expect.poll(() => status('shape').textContent()).toBe('succeeded');
    for (const id of ['trigger', 'map', 'enrich']) expect(await status(id).textContent()).toBe('succeeded');
    const [input, output] = [result.locator('pre').nth(0), result.locator('pre').nth(1)];
    await expect.poll(() => input.textContent()).toContain('"units": 5');
    expect(JSON.parse((await input.textContent()) ?? '')).toEqual({ po: 'PO-1001', units: 5 });
    expect(JSON.parse((await output.textContent()) ?? '')).toEqual({
      po: 'PO-1001',
      units: 5,
      accepted: true,
    });
    await studio.screenshot(page, 'canvas-editing');
    await node('shape').click();
    await expect
      .poll(async () => JSON.parse((await output.textContent()) ?? 'null'))
      .toEqual({ order: 'PO-1001', ok: true });
  });

  it('lets a viewer only look at a flow, and a designer save but not deploy it', async () => {
    await createFlow('roles', chainFlow('roles'));
    const viewer = await studio.signedIn('viewer');
    await open('roles', viewer);
    expect(await button('Save', viewer).isDisabled()).toBe(true);
    expect(await button('Deploy', viewer).count()).toBe(0);
    for (const name of ['Arrange', 'Add note', 'Run flow']) {
      expect(await button(name, viewer).isDisabled(), name).toBe(true);
    }
    const items = viewer.locator('.wb-palette-item');
    expect(await items.count()).toBeGreaterThan(0);
    expect(
      await items.evaluateAll((all) => all.filter((b) => !(b as HTMLButtonElement).disabled).length),
    ).toBe(0);
    expect(await transformItem(viewer).getAttribute('draggable')).toBe('false');
    // Neither dropping a palette item nor Delete changes anything.
    await transformItem(viewer).dragTo(viewer.getByTestId('rf__wrapper'), {
      targetPosition: { x: 100, y: 100 },
      force: true,
    });
    await node('map', viewer).click();
    const viewerId = settings(viewer).getByLabel('id', { exact: true });
    await expect.poll(() => viewerId.inputValue()).toBe('map');
    await viewer.keyboard.press('Delete');
    // Once the next selection has been drawn, a deletion would have been too.
    await node('shape', viewer).click();
    await expect.poll(() => viewerId.inputValue()).toBe('shape');
    expect(await flowNodes(viewer).count()).toBe(4);
    expect(await node('map', viewer).count()).toBe(1);
    expect(await viewer.getByText('Unsaved changes', { exact: true }).count()).toBe(0);
    await viewer.context().close();

    const designer = await studio.signedIn('designer');
    await open('roles', designer);
    expect(await button('Save', designer).isEnabled()).toBe(true);
    expect(await button('Deploy', designer).count()).toBe(0);
    await transformItem(designer).click();
    await node('transform', designer).waitFor();
    expect(await flowNodes(designer).count()).toBe(5);
    await designer.context().close();
  });

  it('leaves no CSP violation or script error in the browser console', () => {
    expect(
      studio.consoleErrors.filter((text) => /Content Security Policy|Refused|TypeError/.test(text)),
    ).toEqual([]);
  });
});
