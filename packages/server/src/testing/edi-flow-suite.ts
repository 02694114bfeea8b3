import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseX12, readX12Sets, setSchemas, validateX12Envelope } from '@waybill/connector-edi';
import type { RunningOdooSimulator } from '@waybill/connector-odoo/simulator';
import { startOdooSimulator } from '@waybill/connector-odoo/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnerValues } from '../bootstrap/demo-edi.js';
import { type Backend, createTestRuntime, type TestRuntime } from './test-runtime.js';
import { repoRoot } from './waybill-processes.js';

const flowDir = join(repoRoot, 'flows/edi-850-to-odoo');
const sample850 = join(repoRoot, 'connectors/edi/fixtures/x12/nodex12__850.edi');

/** The sample 850 with another interchange control number, PO number and a byte above 0x7F in a name. */
function variant(text: string, control: number, po: string): string {
  return text
    .replace('*000003438*', `*${String(control).padStart(9, '0')}*`)
    .replace('IEA*1*000003438', `IEA*1*${String(control).padStart(9, '0')}`)
    .replace('08292233294', po)
    .replace('XYZ RETAIL*9', 'XYZ RÉTAIL*9');
}

/**
 * The example flow "EDI 850 to Odoo" as a deployed service: an X12 850 uploaded over HTTP, the
 * interchange stored as received, a 997 and an 855 written to the partner's folder with control
 * numbers from the partner profile, and one confirmed Odoo sale order per PO. Runs on both backends.
 */
export function describeEdiFlowSuite(backend: Backend) {
  describe(`EDI 850 to Odoo on ${backend}`, () => {
    let t: TestRuntime;
    let odoo: RunningOdooSimulator;
    let root: string;
    let text: string;
    beforeAll(async () => {
      t = await createTestRuntime(backend);
      odoo = await startOdooSimulator();
      root = await mkdtemp(join(tmpdir(), 'waybill-edi-'));
      text = await readFile(sample850, 'latin1');
      const credentials = [
        {
          id: 'odoo-sim',
          type: 'odoo-jsonrpc',
          name: 'Odoo simulator',
          values: { url: odoo.url, database: 'waybill', login: 'admin', password: 'sim-admin-key' },
          allowedHosts: ['127.0.0.1'],
        },
        {
          id: 'edi-demo-partner',
          type: 'edi-x12-partner',
          name: 'XYZ Retail',
          values: { ...demoPartnerValues, firstControlNumber: '500' },
        },
        { id: 'edi-demo-folder', type: 'edi-folder', name: 'Outbox', values: { root } },
      ];
      for (const credential of credentials)
        expect((await t.call('POST', '/api/credentials', credential)).status).toBe(201);
      const definition = JSON.parse(await readFile(join(flowDir, 'flow.json'), 'utf8'));
      expect(
        (await t.call('POST', '/api/flows', { id: definition.id, name: definition.name, definition })).status,
      ).toBe(201);
      expect((await t.call('POST', `/api/flows/${definition.id}/deployments`, { revision: 1 })).status).toBe(
        201,
      );
    });
    afterAll(async () => {
      await odoo?.close();
      await t?.close();
      if (root) await rm(root, { recursive: true, force: true });
    });

    const upload = (body: string) =>
      t.call('POST', '/hooks/edi-850-to-odoo', Buffer.from(body, 'latin1').toString('latin1'), {
        'content-type': 'application/edi-x12',
      });

    it('creates the Odoo order once, answers with a 997 and an 855, and keeps every interchange', async () => {
      const first = await upload(text);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        po: '08292233294',
        acknowledgmentStatus: 'accepted',
        acknowledgment: 'edi-demo-partner-000000500.x12',
        poAcknowledgment: 'edi-demo-partner-000000501.x12',
      });
      const orders = odoo.sim.records('sale.order', [['client_order_ref', '=', '08292233294']]);
      expect(orders).toHaveLength(1);
      expect(orders[0]).toMatchObject({ state: 'sale', name: first.body.odooOrder });

      // The 997 acknowledges group 1421 and set 000000010 as accepted, in a valid envelope to the partner.
      const outbox = join(root, 'outbound');
      const ack = await readFile(join(outbox, 'edi-demo-partner-000000500.x12'), 'latin1');
      expect(validateX12Envelope(parseX12(ack).segments).problems).toEqual([]);
      expect(ack).toContain('*01*999999999      *12*4405197800     *');
      expect(ack).toContain('ST*997*0001~');
      expect(ack).toContain('AK1*PO*1421~');
      expect(ack).toContain('AK2*850*000000010~');
      expect(ack).toContain('AK9*A*1*1*1~');
      // The 855 acknowledges the PO with the Odoo order as our reference.
      const poAck = await readFile(join(outbox, 'edi-demo-partner-000000501.x12'), 'latin1');
      expect(validateX12Envelope(parseX12(poAck).segments).problems).toEqual([]);
      const [set] = readX12Sets(parseX12(poAck), setSchemas);
      expect(set).toMatchObject({ set: '855', functionalId: 'PR', group: { control: '501' } });
      expect(set?.body.BAK).toEqual([
        expect.objectContaining({
          BAK01: '00',
          BAK02: 'AT',
          BAK03: '08292233294',
          BAK08: first.body.odooOrder,
        }),
      ]);
      expect(set?.body.PO1_loop).toHaveLength(6);

      const [execution] = (
        await t.call('GET', '/api/executions?flowId=edi-850-to-odoo&businessKey=08292233294')
      ).body.items;
      await t.waitForExecution(execution.id, ['succeeded']);
      const documents = (await t.call('GET', `/api/executions/${execution.id}/documents`)).body.items;
      expect(
        documents.map((d: { direction: string; nodeId: string }) => `${d.direction}:${d.nodeId}`).sort(),
      ).toEqual(['inbound:parse', 'outbound:ack_997', 'outbound:build_855']);
      const received = documents.find((d: { direction: string }) => d.direction === 'inbound');
      const bytes = await t.app.request(`/api/documents/${received.id}/content`, {
        headers: { authorization: `Bearer ${t.admin.token}` },
      });
      expect(bytes.status).toBe(200);
      expect(bytes.headers.get('content-type')).toBe('application/edi-x12');
      expect(Buffer.from(await bytes.arrayBuffer()).equals(Buffer.from(text, 'utf8'))).toBe(true);
      // The 855 awaits the partner's 997; the 997 itself expects no acknowledgment.
      const sent = documents.filter((d: { direction: string }) => d.direction === 'outbound');
      expect(
        Object.fromEntries(
          sent.map((d: { nodeId: string; ackStatus: string | null }) => [d.nodeId, d.ackStatus]),
        ),
      ).toEqual({
        ack_997: null,
        build_855: 'pending',
      });
    });

    it('answers the same interchange sent again from the first execution, creating nothing more', async () => {
      const again = await upload(text);
      expect(again.status).toBe(200);
      expect(odoo.sim.records('sale.order', [['client_order_ref', '=', '08292233294']])).toHaveLength(1);
      expect((await readdir(join(root, 'outbound'))).filter((f) => f.endsWith('.x12'))).toHaveLength(2);
    });

    it('keeps the exact bytes of an interchange that is not UTF-8 and numbers the next answers on', async () => {
      const latin1 = variant(text, 3439, 'PO-LATIN1');
      const reply = await t.app.request('/hooks/edi-850-to-odoo', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.admin.token}`, 'content-type': 'application/edi-x12' },
        body: Buffer.from(latin1, 'latin1'),
      });
      const body = await reply.json();
      expect(reply.status).toBe(200);
      expect(body).toMatchObject({ po: 'PO-LATIN1', acknowledgment: 'edi-demo-partner-000000502.x12' });
      const [execution] = (
        await t.call('GET', '/api/executions?flowId=edi-850-to-odoo&businessKey=PO-LATIN1')
      ).body.items;
      await t.waitForExecution(execution.id, ['succeeded']);
      const documents = (await t.call('GET', `/api/executions/${execution.id}/documents`)).body.items;
      const received = documents.find((d: { direction: string }) => d.direction === 'inbound');
      const bytes = await t.app.request(`/api/documents/${received.id}/content`, {
        headers: { authorization: `Bearer ${t.admin.token}` },
      });
      expect(Buffer.from(await bytes.arrayBuffer()).equals(Buffer.from(latin1, 'latin1'))).toBe(true);
    });

    it('rejects an 850 with a wrong segment count in its 997 and creates no order', async () => {
      const broken = variant(text, 3440, 'PO-BROKEN').replace('SE*33*000000010', 'SE*30*000000010');
      const reply = await upload(broken);
      expect(reply.status).toBe(422);
      expect(reply.body.acknowledgmentStatus).toBe('rejected');
      expect(reply.body.problems.join(' ')).toContain('SE01');
      const ack = await readFile(join(root, 'outbound', reply.body.acknowledgment), 'latin1');
      expect(ack).toContain('AK5*R*4~');
      expect(ack).toContain('AK9*R*1*1*0~');
      expect(odoo.sim.records('sale.order', [['client_order_ref', '=', 'PO-BROKEN']])).toHaveLength(0);
    });

    it('lists the 855s awaiting acknowledgment and refuses an unknown acknowledgment filter', async () => {
      const pending = await t.call('GET', '/api/documents?partner=edi-demo-partner&ack=pending');
      expect(pending.status).toBe(200);
      expect(pending.body.items.every((d: { nodeId: string }) => d.nodeId === 'build_855')).toBe(true);
      expect(pending.body.items.length).toBeGreaterThanOrEqual(2);
      expect((await t.call('GET', '/api/documents?ack=late')).status).toBe(400);
    });
  });
}
