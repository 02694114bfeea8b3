import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from './auth/roles.js';
import type { Permission } from './http/permissions.js';
import { type PartnerWorld, seedPartners } from './testing/partner-fixtures.js';
import { createTestRuntime, type TestRuntime } from './testing/test-runtime.js';

interface Operation {
  method: string;
  path: string;
  operationId: string;
  permission: Permission;
}

type Caller = 'anonymous' | keyof PartnerWorld['accounts'];

// Callers in an order that keeps the fixtures alive: admins, who may delete, go last.
const CALLERS: Caller[] = [
  'anonymous',
  'viewer',
  'acmeViewer',
  'acmeDesigner',
  'designer',
  'operator',
  'admin',
];

/**
 * Walks every operation of the OpenAPI document with every role, each aimed at the objects of
 * another partner (globex), and checks the answer: 401 without a caller, 403 where the role lacks
 * the permission, 404 for a partner account reaching into another partner, never a 500, and never
 * a byte of another partner's data in what a partner account gets back.
 */
describe('role matrix over every route of the OpenAPI document', () => {
  let t: TestRuntime;
  let world: PartnerWorld;
  let operations: Operation[];
  let victimUserId: string;
  let victimTokenId: string;

  beforeAll(async () => {
    t = await createTestRuntime('sqlite');
    world = await seedPartners(t);
    const victim = await t.tokenFor('viewer');
    victimUserId = victim.user.id;
    victimTokenId = (await t.store.accounts.listTokens(victim.user.id))[0]?.id ?? '';
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    operations = Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
      ([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          method,
          path,
          operationId: op.operationId as string,
          permission: op['x-permission'] as Permission,
        })),
    );
  });
  afterAll(() => t?.close());

  const concrete = (path: string) =>
    path
      .replace('{flowId}', world.flows.globex)
      .replace('{executionId}', world.executions.globex.failed)
      .replace('{credentialId}', 'globex-cred')
      .replace('{ref}', '1')
      .replace('{userId}', victimUserId)
      .replace('{tokenId}', victimTokenId)
      .replace('{secret}', 'not-the-secret');

  const call = async (caller: Caller, op: Operation) => {
    const token = caller === 'anonymous' ? null : world.accounts[caller].token;
    const withBody = ['post', 'patch', 'put'].includes(op.method);
    if (op.operationId === 'streamExecutionEvents') {
      // The stream never ends by itself: read the status and hang up.
      const controller = new AbortController();
      const res = await t.app.request(op.path, {
        signal: controller.signal,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      controller.abort();
      return { status: res.status, text: '' };
    }
    const res = await t.callAs(token, op.method.toUpperCase(), concrete(op.path), withBody ? {} : undefined);
    return { status: res.status, text: JSON.stringify(res.body) ?? '' };
  };

  it('lists every route with the permission it needs', () => {
    expect(operations.length).toBe(t.routes.length);
    for (const op of operations) expect(op.permission, op.operationId).toBeDefined();
  });

  it('answers every role on every route as its permissions say, and never leaks another partner', async () => {
    const ordered = [...operations].sort(
      (a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'),
    );
    const unexpected: string[] = [];
    const globexMarks = [
      world.flows.globex,
      world.executions.globex.failed,
      world.executions.globex.succeeded,
      'globex-cred',
      'globex-secret-token',
      'globex orders',
      'globex API',
      'PO-globex',
    ];
    for (const caller of CALLERS) {
      const account = caller === 'anonymous' ? undefined : world.accounts[caller];
      const granted = account ? permissionsOf(account.user) : new Set<Permission>();
      for (const op of ordered) {
        const { status, text } = await call(caller, op);
        const label = `${caller} ${op.method.toUpperCase()} ${op.path} → ${status}`;
        if (status >= 500) unexpected.push(`${label}: a server error`);
        if (op.permission === 'public') continue;
        if (!account) {
          if (status !== 401) unexpected.push(`${label}: expected 401`);
          continue;
        }
        if (!granted.has(op.permission)) {
          if (status !== 403) unexpected.push(`${label}: expected 403 (${op.permission})`);
          continue;
        }
        if (status === 401 || status === 403) unexpected.push(`${label}: refused although allowed`);
        if (account.user.partnerId) {
          const reachesOther = /\{(flowId|executionId|credentialId)\}/.test(op.path);
          if (reachesOther && status !== 404) unexpected.push(`${label}: expected 404 for another partner`);
          // A 404 may repeat the id the caller sent; anything else of globex's is a leak.
          for (const mark of globexMarks) {
            if (!concrete(op.path).includes(mark) && text.includes(mark)) {
              unexpected.push(`${label}: the answer names ${mark}`);
            }
          }
        }
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('leaves another partner untouched by a partner account', async () => {
    const fresh = await createTestRuntime('sqlite');
    try {
      const other = await seedPartners(fresh);
      const acme = other.accounts.acmeDesigner.token;
      for (const [method, path, body] of [
        ['DELETE', `/api/flows/${other.flows.globex}`, undefined],
        ['DELETE', '/api/credentials/globex-cred', undefined],
        ['POST', `/api/flows/${other.flows.globex}/revisions`, { definition: {} }],
        ['PATCH', '/api/credentials/globex-cred', { name: 'taken over' }],
      ] as const) {
        expect((await fresh.callAs(acme, method, path, body)).status, `${method} ${path}`).toBe(404);
      }
      expect(await fresh.store.flows.get(other.flows.globex)).toBeDefined();
      expect((await fresh.store.credentials.get('globex-cred'))?.name).toBe('globex API');
    } finally {
      await fresh.close();
    }
  });
});
