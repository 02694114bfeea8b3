import { expect } from 'vitest';
import { order, orderIntakeFlow } from './fixture-flows.js';
import type { TestRuntime } from './test-runtime.js';

/**
 * Two trading partners (acme and globex) and the distributor's own flow, each with a deployed
 * order flow, one succeeded and one failed execution, and a credential; plus accounts of every
 * role and a partner designer and viewer of acme. What access-control tests walk through.
 */
export async function seedPartners(t: TestRuntime) {
  const flows = { acme: 'acme-orders', globex: 'globex-orders', own: 'own-orders' } as const;
  const executions: Record<keyof typeof flows, { succeeded: string; failed: string }> = {
    acme: { succeeded: '', failed: '' },
    globex: { succeeded: '', failed: '' },
    own: { succeeded: '', failed: '' },
  };
  for (const [owner, id] of Object.entries(flows) as Array<[keyof typeof flows, string]>) {
    const definition = orderIntakeFlow({ id });
    const created = await t.call('POST', '/api/flows', {
      id,
      name: `${owner} orders`,
      definition,
      ...(owner === 'own' ? {} : { partnerId: owner }),
    });
    expect(created.status).toBe(201);
    expect((await t.call('POST', `/api/flows/${id}/deployments`, { revision: 1 })).status).toBe(201);
    const ok = await t.call('POST', `/hooks/${id}`, order(`PO-${owner}-1`), { 'x-delivery-id': `${id}-1` });
    const bad = await t.call(
      'POST',
      `/hooks/${id}`,
      { po: `PO-${owner}-2`, lines: [] },
      { 'x-delivery-id': `${id}-2` },
    );
    executions[owner] = { succeeded: ok.body.executionId, failed: bad.body.executionId };
    await t.waitForExecution(ok.body.executionId);
    expect((await t.waitForExecution(bad.body.executionId)).status).toBe('failed');
  }
  for (const owner of ['acme', 'globex'] as const) {
    await t.store.credentials.create({
      id: `${owner}-cred`,
      type: 'http-bearer',
      name: `${owner} API`,
      values: { token: `${owner}-secret-token` },
      partnerId: owner,
    });
  }
  await t.store.credentials.create({
    id: 'own-cred',
    type: 'http-bearer',
    name: 'ERP',
    values: { token: 'own-secret' },
  });

  const accounts = {
    admin: t.admin,
    designer: await t.tokenFor('designer'),
    operator: await t.tokenFor('operator'),
    viewer: await t.tokenFor('viewer'),
    acmeDesigner: await t.tokenFor('designer', 'acme'),
    acmeViewer: await t.tokenFor('viewer', 'acme'),
  };
  return { flows, executions, accounts };
}

export type PartnerWorld = Awaited<ReturnType<typeof seedPartners>>;
