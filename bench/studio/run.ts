import { cpus } from 'node:os';
import { chromium } from 'playwright-core';
import { startWaybill } from '../support/waybill-server.js';

/**
 * Studio benchmark: a flow of 300 nodes (a chain of transforms with branches every tenth node)
 * opened in Debian's Chromium; prints the time from navigation until the canvas shows its nodes,
 * and the frame rate while panning and zooming. Asserts nothing.
 */

const NODES = Number(process.env.BENCH_NODES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function largeFlow(count: number) {
  const nodes = Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    type: 'core.transform',
    config: { expression: `{ "step": ${i}, "po": body.po }` },
  }));
  const edges = nodes.map((node, i) => ({
    from: i === 0 ? 'trigger' : `n${i % 10 === 0 ? i - 10 : i - 1}`,
    to: node.id,
  }));
  const layout = {
    nodes: Object.fromEntries(
      nodes.map((node, i) => [node.id, { x: 260 * Math.floor(i / 15), y: 110 * (i % 15) }]),
    ),
  };
  return {
    schemaVersion: 1,
    id: 'large-flow',
    name: `${count} nodes`,
    trigger: { type: 'core.webhook', config: {} },
    nodes,
    edges,
    layout,
  };
}

async function main() {
  const server = await startWaybill('sqlite', { worker: false });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const flow = largeFlow(NODES);
    await server.api('POST', '/api/flows', { id: flow.id, name: flow.name, definition: flow });
    const invited = (await server.api('POST', '/api/users', {
      email: 'bench@acme.test',
      role: 'designer',
    })) as {
      oneTimePassword: string;
    };
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.getByLabel('Email').fill('bench@acme.test');
    await page.getByLabel('Password').fill(invited.oneTimePassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('New password', { exact: true }).fill('correct horse battery staple');
    await page.getByLabel('New password again').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('navigation', { name: 'Pages' }).waitFor();

    const openings: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await page.goto(`${server.url}/flows`);
      await page.getByRole('heading', { name: 'Flows' }).waitFor();
      const started = performance.now();
      await page.goto(`${server.url}/flows/${flow.id}`);
      await page.getByTestId('node-n0').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 20);
      openings.push(performance.now() - started);
    }
    const rendered = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);

    // Pan and zoom for two seconds, counting animation frames.
    const pane = page.locator('.react-flow__pane');
    const box = await pane.boundingBox();
    if (!box) throw new Error('The canvas pane is not visible.');
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number; count_: boolean };
      w.frames_ = 0;
      w.count_ = true;
      const tick = () => {
        w.frames_ += 1;
        if (w.count_) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const panStarted = performance.now();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 20; i++) {
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 200 * Math.sin(i), box.y + box.height / 2 + 100, {
        steps: 10,
      });
      await page.mouse.up();
      await page.mouse.wheel(0, i % 2 === 0 ? -200 : 200);
    }
    const panMs = performance.now() - panStarted;
    const frames = await page.evaluate(() => {
      const w = window as unknown as { frames_: number; count_: boolean };
      w.count_ = false;
      return w.frames_;
    });

    openings.sort((a, b) => a - b);
    const median = openings[Math.floor(openings.length / 2)] ?? 0;
    console.log(
      `Waybill studio benchmark · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    );
    console.log(`${NODES}-node flow in Debian Chromium (headless, no GPU), ${ROUNDS} openings:`);
    console.log(
      `  open to nodes shown   median ${Math.round(median)} ms, worst ${Math.round(openings.at(-1) ?? 0)} ms (goal < 2,000 ms)`,
    );
    console.log(
      `  nodes in the DOM      ${rendered} (the flow's ${NODES} and its trigger; off-screen ones are left out)`,
    );
    console.log(
      `  pan and zoom          ${Math.round((frames * 1000) / panMs)} frames/s over ${Math.round(panMs)} ms`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
