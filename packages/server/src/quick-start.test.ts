import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startProcess, waitFor } from '@waybill/runtime/testing';
import { describe, expect, it } from 'vitest';
import { repoRoot, startWaybillProcess } from './testing/waybill-processes.js';

const main = join(repoRoot, 'packages/cli/dist/main.js');

describe('the quick start', () => {
  it('serves the Odoo simulator with the example flows, so a Shopify order becomes an Odoo sale order at once', async () => {
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
    await expect(sim).rejects.toThrow(/There is no simulator "sap"; choose one of: odoo\./);
  });
});
