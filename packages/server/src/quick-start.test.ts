import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startProcess, waitFor } from '@waybill/runtime/testing';
import { describe, expect, it } from 'vitest';
import { api, repoRoot, startWaybillProcess } from './testing/waybill-processes.js';

const main = join(repoRoot, 'packages/cli/dist/main.js');
const run = promisify(execFile);

describe('the quick start', () => {
  it('serves the Odoo simulator with the example flows, so a Shopify order and an EDI 850 become Odoo sale orders at once', async () => {
    const server = await startWaybillProcess('start', {});
    try {
      const line = await waitFor(
        () => /Odoo simulator: (http:\/\/\S+) \(credential "odoo-sim"\)/.exec(server.output()) ?? undefined,
        { timeoutMs: 10_000, description: 'the Odoo simulator line' },
      );
      await waitFor(() => server.output().includes('shopify-order-to-odoo'), {
        timeoutMs: 10_000,
        description: 'the example flows',
      });
      const input = JSON.parse(
        await readFile(join(repoRoot, 'flows/shopify-order-to-odoo/tests/new-order/input.json'), 'utf8'),
      );
      const res = await fetch(`${server.url}/hooks/shopify-order-to-odoo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shopify-webhook-id': 'quick-start-1' },
        body: JSON.stringify(input.body),
      });
      expect(res.status).toBe(200);
      const reply = (await res.json()) as { odooOrder: string; state: string };
      expect(reply).toMatchObject({ state: 'sale' });
      // The order is in the simulator that `waybill start` serves, as a real Odoo would have it.
      const rpc = await fetch(`${line[1]}/jsonrpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          method: 'call',
          params: {
            service: 'object',
            method: 'execute_kw',
            args: [
              'waybill',
              2,
              'admin',
              'sale.order',
              'search_read',
              [[['name', '=', reply.odooOrder]]],
              { fields: ['client_order_ref', 'state'] },
            ],
          },
          id: 1,
        }),
      });
      expect(((await rpc.json()) as { result: unknown[] }).result).toEqual([
        expect.objectContaining({ client_order_ref: '#1005', state: 'sale' }),
      ]);

      // The EDI example runs at once too: the demo partner profile and outbox folder are seeded.
      const po = await fetch(`${server.url}/hooks/edi-850-to-odoo`, {
        method: 'POST',
        headers: { 'content-type': 'application/edi-x12' },
        body: await readFile(join(repoRoot, 'connectors/edi/fixtures/x12/nodex12__850.edi')),
      });
      expect(po.status).toBe(200);
      const answered = (await po.json()) as { po: string; acknowledgment: string; poAcknowledgment: string };
      expect(answered).toMatchObject({ po: '08292233294', acknowledgmentStatus: 'accepted' });
      const outbox = await readdir(join(server.dataDir, 'edi', 'outbound'));
      expect(outbox.sort()).toEqual([answered.acknowledgment, answered.poAcknowledgment].sort());

      // An order placed in the Shopify simulator reaches Waybill as a signed webhook, as from a store.
      const store = /Shopify simulator: (http:\/\/\S+) /.exec(server.output())?.[1];
      const placed = await fetch(`${store}/__sim/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'buyer@example.com', lineItems: [{ sku: 'SKU-1001', quantity: 2 }] }),
      });
      expect(placed.status).toBe(201);
      const { order } = (await placed.json()) as { order: { name: string } };
      const done = await waitFor(
        async () => {
          const page = await api(
            server,
            'GET',
            `/api/executions?flowId=shopify-store-to-odoo&businessKey=${encodeURIComponent(order.name)}`,
          );
          const status = page.body.items[0]?.status;
          return status === 'succeeded' || status === 'failed' ? status : undefined;
        },
        { timeoutMs: 15_000, description: 'the Shopify order’s execution' },
      );
      expect(done).toBe('succeeded');
    } finally {
      await server.stop();
    }
  });

  it('serves one simulator on its own with waybill sim', async () => {
    const sim = await startProcess(
      process.execPath,
      ['--no-node-snapshot', main, 'sim', 'odoo', '--port', '0'],
      { cwd: repoRoot },
      /simulator is running at/,
    );
    try {
      const url = /running at (http:\/\/\S+)/.exec(sim.output())?.[1];
      await waitFor(() => sim.output().includes('sign in: database "waybill"'), {
        timeoutMs: 10_000,
        description: 'the sign-in line',
      });
      const version = await fetch(`${url}/web/version`);
      expect(version.status).toBe(200);
    } finally {
      await sim.stop();
    }
  });

  it('refuses an unknown simulator with a sentence', async () => {
    const sim = startProcess(
      process.execPath,
      ['--no-node-snapshot', main, 'sim', 'sap'],
      { cwd: repoRoot },
      /never/,
    );
    await expect(sim).rejects.toThrow(
      /There is no simulator "sap"; choose one of: odoo, shopify, salesforce\./,
    );
  });

  it('creates the admin on the first start with a one-time password, and API tokens come from the command line', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'waybill-first-start-'));
    const env = { WAYBILL_DATA_DIR: dataDir, WAYBILL_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') };
    const server = await startWaybillProcess('start', { ...env, WAYBILL_BOOTSTRAP_TOKEN: '' }, [
      '--no-seed',
      '--no-simulators',
      '--no-worker',
    ]);
    try {
      const password = await waitFor(
        () => /one-time password:\s+([a-z2-9]{4}(?:-[a-z2-9]{4}){4})/.exec(server.output())?.[1],
        { timeoutMs: 10_000, description: 'the one-time password' },
      );
      expect(server.output()).toContain('created the admin admin@localhost');
      const anonymous = await fetch(`${server.url}/api/flows`);
      expect(anonymous.status).toBe(401);
      // The studio is served at / and at any deep link, under a CSP whose style nonce it is given.
      const studio = await fetch(`${server.url}/flows/some-flow`);
      expect(studio.headers.get('content-type')).toContain('text/html');
      const nonce = /style-src 'self' 'nonce-([^']+)'/.exec(
        studio.headers.get('content-security-policy') ?? '',
      )?.[1];
      expect(nonce).toBeDefined();
      const html = await studio.text();
      expect(html).toContain(`<meta name="csp-nonce" content="${nonce}" />`);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@localhost', password }),
      });
      expect(signIn.status).toBe(200);
      expect(((await signIn.json()) as { passwordChangeRequired: boolean }).passwordChangeRequired).toBe(
        true,
      );

      const { stdout } = await run(
        process.execPath,
        ['--no-node-snapshot', main, 'tokens', 'create', '--email', 'admin@localhost', '--name', 'ci'],
        {
          cwd: repoRoot,
          env: { ...process.env, ...env },
        },
      );
      const token = stdout.trim();
      expect(token).toMatch(/^wbt_[A-Za-z0-9_-]{43}$/);
      const flows = await fetch(`${server.url}/api/flows`, { headers: { authorization: `Bearer ${token}` } });
      expect(flows.status).toBe(200);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
