import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order, orderIntakeFlow } from './testing/fixture-flows.js';
import { type PartnerWorld, seedPartners } from './testing/partner-fixtures.js';
import { createTestRuntime, type TestRuntime } from './testing/test-runtime.js';

describe('partner accounts', () => {
  let t: TestRuntime;
  let world: PartnerWorld;
  let acme: string;
  beforeAll(async () => {
    t = await createTestRuntime('sqlite');
    world = await seedPartners(t);
    acme = world.accounts.acmeDesigner.token;
  });
  afterAll(() => t?.close());

  const ids = (items: Array<{ id: string }>) => items.map((item) => item.id).sort();

  it("see only their partner's flows, executions, dead letters and credentials", async () => {
    expect(ids((await t.callAs(acme, 'GET', '/api/flows')).body.items)).toEqual([world.flows.acme]);
    expect(ids((await t.callAs(acme, 'GET', '/api/executions')).body.items)).toEqual(
      [world.executions.acme.succeeded, world.executions.acme.failed].sort(),
    );
    const searched = await t.callAs(acme, 'GET', `/api/executions?flowId=${world.flows.globex}`);
    expect(searched.body.items).toEqual([]);
    const letters = (await t.callAs(acme, 'GET', '/api/dead-letters')).body.items;
    expect(letters.map((group: { flowId: string }) => group.flowId)).toEqual([world.flows.acme]);
    expect(ids((await t.callAs(acme, 'GET', '/api/credentials')).body.items)).toEqual(['acme-cred']);
    // The distributor's staff see everything.
    expect((await t.callAs(world.accounts.viewer.token, 'GET', '/api/flows')).body.items).toHaveLength(3);
  });

  it('create flows and credentials that belong to their partner, and cannot pick another', async () => {
    const flow = orderIntakeFlow({ id: 'acme-invoices' });
    const created = await t.callAs(acme, 'POST', '/api/flows', {
      id: flow.id,
      name: 'Invoices',
      definition: flow,
    });
    expect(created.status).toBe(201);
    expect(created.body.partnerId).toBe('acme');
    const elsewhere = await t.callAs(acme, 'POST', '/api/flows', {
      id: 'acme-x',
      name: 'X',
      partnerId: 'globex',
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.pointer).toBe('/body/partnerId');

    const credential = await t.callAs(acme, 'POST', '/api/credentials', {
      id: 'acme-as2',
      type: 'http-bearer',
      name: 'AS2 gateway',
      values: { token: 'acme-as2-secret' },
    });
    expect(credential.status).toBe(201);
    expect(credential.body).toMatchObject({ partnerId: 'acme' });
    expect(JSON.stringify(credential.body)).not.toContain('acme-as2-secret');
    expect(
      ids((await t.callAs(world.accounts.acmeViewer.token, 'GET', '/api/credentials')).body.items),
    ).toEqual(['acme-as2', 'acme-cred']);
  });

  it("name in their flows only their partner's credentials and those the flow already uses", async () => {
    const uses = (credential: string) => ({
      ...orderIntakeFlow({ id: world.flows.acme, signed: true }),
      trigger: { ...orderIntakeFlow({ signed: true }).trigger, credential },
    });
    // The distributor's own credential, and another partner's, are unknown to a partner account.
    for (const credential of ['own-cred', 'globex-cred']) {
      const saved = await t.callAs(acme, 'POST', `/api/flows/${world.flows.acme}/revisions`, {
        definition: uses(credential),
      });
      expect(saved.status, credential).toBe(422);
      expect(saved.body.error.problems.map((p: { code: string }) => p.code)).toContain('unknown-credential');
    }
    // An admin may set the flow up with the distributor's credential; the partner can then keep it.
    await t.store.credentials.create({
      id: 'hook-key',
      type: 'webhook-secret',
      name: 'Hook key',
      values: { secret: 's3cret' },
    });
    expect(
      (await t.call('POST', `/api/flows/${world.flows.acme}/revisions`, { definition: uses('hook-key') }))
        .status,
    ).toBe(201);
    const kept = await t.callAs(acme, 'POST', `/api/flows/${world.flows.acme}/revisions`, {
      definition: { ...uses('hook-key'), name: 'Acme orders, renamed' },
    });
    expect(kept.status).toBe(201);
    expect(kept.body.revision.createdBy).toBe(world.accounts.acmeDesigner.user.email);
  });

  it("act in bulk only on their partner's executions, whatever the filter or ids say", async () => {
    const operator = await t.tokenFor('operator', 'acme');
    const dryRun = await t.callAs(operator.token, 'POST', '/api/executions/replay', {
      filter: { status: 'failed' },
      dryRun: true,
    });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.items.map((item: { executionId: string }) => item.executionId)).toEqual([
      world.executions.acme.failed,
    ]);
    const resolved = await t.callAs(operator.token, 'POST', '/api/dead-letters/resolve', {
      state: 'ignored',
      ids: [world.executions.globex.failed, world.executions.own.failed],
    });
    expect(resolved.body.changed).toBe(0);
    expect((await t.store.executions.get(world.executions.globex.failed))?.deadLetter).toBe('open');
  });

  it('hear only their own flows on the event stream', async () => {
    const controller = new AbortController();
    const res = await t.app.request('/api/events', {
      signal: controller.signal,
      headers: { authorization: `Bearer ${world.accounts.acmeViewer.token}` },
    });
    const reader = res.body!.getReader();
    await t.call('POST', `/hooks/${world.flows.globex}`, order('PO-globex-9'), { 'x-delivery-id': 'g9' });
    const mine = await t.call('POST', `/hooks/${world.flows.acme}`, order('PO-acme-9'), {
      'x-delivery-id': 'a9',
    });
    await t.waitForExecution(mine.body.executionId);
    let text = '';
    const decoder = new TextDecoder();
    while (!text.includes('execution.finished')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    expect(text).toContain(mine.body.executionId);
    expect(text).not.toContain(world.flows.globex);
  });
});
