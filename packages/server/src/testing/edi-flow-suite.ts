import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseX12, readX12Sets, setSchemas, validateX12Envelope } from '@waybill/connector-edi';
import type { RunningOdooSimulator } from '@waybill/connector-odoo/simulator';
import { startOdooSimulator } from '@waybill/connector-odoo/simulator';
import { createPoller } from '@waybill/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnerValues } from '../bootstrap/demo-edi.js';
import { odooSimCredential } from './simulator-credentials.js';
import { type Backend, createTestRuntime, type TestRuntime } from './test-runtime.js';
import { repoRoot } from './waybill-processes.js';

const flowDir = join(repoRoot, 'flows/edi-850-to-odoo');
const ackFlowDir = join(repoRoot, 'flows/edi-acknowledgments-inbound');

/** A 997 from the partner acknowledging (or rejecting) one group we sent. */
function partner997(control: number, group: string, accepted: boolean): string {
  const isa13 = String(control).padStart(9, '0');
  return [
    `ISA*00*          *00*          *12*4405197800     *01*999999999      *250302*0900*U*00401*${isa13}*0*P*>~`,
    `GS*FA*4405197800*999999999*20250302*0900*${control}*X*004010~`,
    'ST*997*0001~',
    `AK1*PR*${group}~`,
    'AK2*855*0001~',
    accepted ? 'AK5*A~' : 'AK5*R*5~',
    accepted ? 'AK9*A*1*1*1~' : 'AK9*R*1*1*0~',
    'SE*6*0001~',
    `GE*1*${control}~`,
    `IEA*1*${isa13}~`,
    '',
  ].join('\n');
}
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
        odooSimCredential(odoo.url),
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
      for (const dir of [flowDir, ackFlowDir]) {
        const definition = JSON.parse(await readFile(join(dir, 'flow.json'), 'utf8'));
        const created = await t.call('POST', '/api/flows', {
          id: definition.id,
          name: definition.name,
          definition,
        });
        expect(created.status).toBe(201);
        const deployed = await t.call('POST', `/api/flows/${definition.id}/deployments`, { revision: 1 });
        expect(deployed.status).toBe(201);
      }
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

    it('marks the 855 accepted or rejected when the partner’s 997 arrives in the inbound folder', async () => {
      const pending = (await t.call('GET', '/api/documents?partner=edi-demo-partner&ack=pending')).body.items;
      const [first, second] = pending.map((d: { groupControls: string[]; id: string }) => d);
      await mkdir(join(root, 'inbound'), { recursive: true });
      await writeFile(
        join(root, 'inbound', 'ack-1.x12'),
        partner997(7001, first.groupControls[0], true),
        'latin1',
      );
      await writeFile(
        join(root, 'inbound', 'ack-2.x12'),
        partner997(7002, second.groupControls[0], false),
        'latin1',
      );
      const poller = createPoller({ ...t.deps, connectors: t.invoker, secrets: t.secrets });
      const got = await poller.tick();
      expect(got).toBe(2);

      const runs = (await t.call('GET', '/api/executions?flowId=edi-acknowledgments-inbound')).body.items;
      const ended = await Promise.all(
        runs.map((e: { id: string }) => t.waitForExecution(e.id, ['succeeded', 'failed'])),
      );
      expect(ended.map((e) => e.status).sort()).toEqual(['failed', 'succeeded']);
      expect(ended.find((e) => e.status === 'failed')?.error).toMatchObject({
        code: 'EDI_REJECTED_BY_PARTNER',
      });
      expect(
        (await t.call('GET', `/api/executions/${first.executionId}/documents`)).body.items,
      ).toContainEqual(expect.objectContaining({ id: first.id, ackStatus: 'accepted' }));
      expect(
        (await t.call('GET', `/api/executions/${second.executionId}/documents`)).body.items,
      ).toContainEqual(expect.objectContaining({ id: second.id, ackStatus: 'rejected' }));
      // The files were handed over once; the next poll archives them instead of running them again.
      expect(await poller.tick()).toBe(0);
    });
  });
}
