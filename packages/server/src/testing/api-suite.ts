import { once } from 'node:events';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../intake/webhook-signature.js';
import { order, orderIntakeFlow } from './fixture-flows.js';
import { type Backend, createTestRuntime, type TestRuntime } from './test-runtime.js';

/**
 * The API and intake behaviour every backend must show; run against SQLite + embedded queue and
 * against PostgreSQL + BullMQ.
 */
export function describeApiSuite(backend: Backend) {
  describe(`API on ${backend}`, () => {
    let t: TestRuntime;
    beforeAll(async () => {
      t = await createTestRuntime(backend, { limits: { maxBodyBytes: 64 * 1024 } });
    });
    afterAll(async () => {
      await t?.close();
    });

    const deployed = async (flow = orderIntakeFlow()) => {
      const created = await t.call('POST', '/api/flows', { id: flow.id, name: flow.name, definition: flow });
      expect(created.status).toBe(201);
      const deploy = await t.call('POST', `/api/flows/${flow.id}/deployments`, { revision: 1 });
      expect(deploy.status).toBe(201);
      return flow;
    };
    const hook = (flowId: string, body: unknown, headers: Record<string, string> = {}) =>
      t.call('POST', `/hooks/${flowId}`, body, { 'x-delivery-id': crypto.randomUUID(), ...headers });

    describe('flows, revisions and deployments', () => {
      it('saves revisions, refuses invalid ones with every problem, diffs them and rolls back', async () => {
        const flow = orderIntakeFlow({ id: 'lifecycle' });
        expect(
          (await t.call('POST', '/api/flows', { id: 'lifecycle', name: 'Lifecycle', definition: flow }))
            .status,
        ).toBe(201);
        expect((await t.call('POST', '/api/flows', { id: 'lifecycle', name: 'Again' })).body.error.code).toBe(
          'FLOW_EXISTS',
        );

        const invalid = await t.call('POST', '/api/flows/lifecycle/revisions', {
          definition: {
            ...flow,
            nodes: [...flow.nodes, { id: 'ghost', type: 'core.nothing', config: {} }],
            edges: [...flow.edges, { from: 'check.sideways', to: 'reply' }],
          },
        });
        expect(invalid.status).toBe(422);
        expect(invalid.body.error.problems.map((p: { pointer: string }) => p.pointer)).toEqual(
          expect.arrayContaining(['/definition/nodes/3/type', '/definition/edges/3/from']),
        );

        const same = await t.call('POST', '/api/flows/lifecycle/revisions', { definition: flow });
        expect(same.status).toBe(200);
        expect(same.body).toMatchObject({ created: false, revision: { version: 1 } });

        const changed = orderIntakeFlow({ id: 'lifecycle', mapping: '{ "po": body.po, "units": 1 }' });
        const v2 = await t.call('POST', '/api/flows/lifecycle/revisions', {
          definition: changed,
          message: 'simpler mapping',
        });
        expect(v2.status).toBe(201);
        expect(v2.body.revision).toMatchObject({ version: 2, message: 'simpler mapping' });

        const diff = await t.call('GET', '/api/flows/lifecycle/diff?from=1&to=2');
        expect(diff.body.diff.nodesChanged.map((n: { nodeId: string }) => n.nodeId)).toEqual(['map']);
        expect(diff.body.diff.nodesChanged[0].expressionChanges[0].path).toBe('/config/expression');

        await t.call('POST', '/api/flows/lifecycle/deployments', { revision: 2 });
        await t.call('POST', '/api/flows/lifecycle/deployments', { revision: 1 });
        const history = await t.call('GET', '/api/flows/lifecycle/deployments');
        expect(history.body.items.map((d: { version: number }) => d.version)).toEqual([1, 2]);
        expect((await t.call('GET', '/api/flows/lifecycle')).body.deployedRevision).toBe(
          same.body.revision.hash,
        );
      });
    });

    describe('webhook intake', () => {
      it('accepts a delivery with 202, runs it and records every step', async () => {
        await deployed(orderIntakeFlow({ id: 'intake-ok' }));
        const res = await hook('intake-ok', order('PO-100', 3));
        expect(res.status).toBe(202);
        const done = await t.waitForExecution(res.body.executionId);
        expect(done).toMatchObject({ status: 'succeeded', businessKey: 'PO-100', triggerKind: 'webhook' });
        const detail = await t.call('GET', `/api/executions/${res.body.executionId}`);
        expect(detail.body.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual(['map', 'check', 'reply']);
        expect(detail.body.steps[0].output).toEqual({
          po: 'PO-100',
          lines: [{ sku: 'IPOD2008GREEN', qty: 3 }],
          units: 3,
        });
      });

      it('answers a repeated delivery with 200 naming the original, and runs five concurrent repeats once', async () => {
        await deployed(orderIntakeFlow({ id: 'intake-dedupe' }));
        const first = await hook('intake-dedupe', order('PO-200'), { 'x-delivery-id': 'delivery-1' });
        const again = await hook('intake-dedupe', order('PO-200'), { 'x-delivery-id': 'delivery-1' });
        expect(first.status).toBe(202);
        expect(again.status).toBe(200);
        expect(again.body).toEqual({ executionId: first.body.executionId, duplicate: true });

        const burst = await Promise.all(
          Array.from({ length: 5 }, () =>
            hook('intake-dedupe', order('PO-201'), { 'x-delivery-id': 'delivery-2' }),
          ),
        );
        expect(new Set(burst.map((r) => r.body.executionId)).size).toBe(1);
        expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 202]);
        const listed = await t.call('GET', '/api/executions?flowId=intake-dedupe&businessKey=PO-201');
        expect(listed.body.items).toHaveLength(1);
      });

      it('checks signatures over the raw body: valid passes, wrong, wrong-length and missing get 401', async () => {
        await t.call('POST', '/api/credentials', {
          id: 'hook-secret',
          type: 'webhook-secret',
          name: 'Hook secret',
          values: { secret: 'whsec_test_123' },
        });
        await deployed(orderIntakeFlow({ id: 'intake-signed', signed: true }));
        const body = JSON.stringify(order('PO-300'));
        const config = {
          header: 'x-signature',
          algorithm: 'hmac-sha256' as const,
          encoding: 'hex' as const,
          prefix: 'sha256=',
        };
        const good = await hook('intake-signed', body, {
          'x-signature': signBody(body, 'whsec_test_123', config),
        });
        expect(good.status).toBe(202);
        const wrong = await hook('intake-signed', body, {
          'x-signature': signBody(body, 'another-secret', config),
        });
        expect(wrong.status).toBe(401);
        expect(wrong.body.error).toMatchObject({ code: 'INVALID_SIGNATURE' });
        expect((await hook('intake-signed', body, { 'x-signature': 'sha256=abc' })).status).toBe(401);
        expect(
          (await hook('intake-signed', body, { 'x-signature': `sha256=${'zz'.repeat(40)}` })).status,
        ).toBe(401);
        expect((await hook('intake-signed', body)).status).toBe(401);
        const tampered = await hook('intake-signed', body.replace('PO-300', 'PO-301'), {
          'x-signature': signBody(body, 'whsec_test_123', config),
        });
        expect(tampered.status).toBe(401);
      });

      it('takes deliveries at the secret path only with the right secret', async () => {
        await deployed(orderIntakeFlow({ id: 'intake-secret-path', secretPath: true }));
        const good = await t.call('POST', '/hooks/intake-secret-path/whsec_test_123', order('PO-350'), {
          'x-delivery-id': 'sp-1',
        });
        expect(good.status).toBe(202);
        expect((await t.call('POST', '/hooks/intake-secret-path/whsec_wrong', order('PO-351'))).status).toBe(
          404,
        );
        expect((await t.call('POST', '/hooks/intake-secret-path', order('PO-352'))).status).toBe(404);
        // A flow without a secret path does not answer at one.
        expect((await t.call('POST', '/hooks/intake-signed/whsec_test_123', order('PO-353'))).status).toBe(
          404,
        );
      });

      it('refuses malformed JSON, oversized bodies and deep nesting with the right 4xx and keeps serving', async () => {
        await deployed(orderIntakeFlow({ id: 'intake-bad' }));
        const malformed = await hook('intake-bad', '{"po": "PO-1",', { 'content-type': 'application/json' });
        expect(malformed.status).toBe(400);
        expect(malformed.body.error.code).toBe('MALFORMED_JSON');

        const big = JSON.stringify({ po: 'PO-big', pad: 'x'.repeat(70 * 1024) });
        expect((await hook('intake-bad', big)).status).toBe(413);
        // Without Content-Length: a streamed body over the limit.
        const stream = new ReadableStream({
          start(controller) {
            for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
            controller.close();
          },
        });
        const chunked = await t.app.request('/hooks/intake-bad', {
          method: 'POST',
          body: stream,
          headers: { 'content-type': 'application/json' },
          duplex: 'half',
        } as RequestInit);
        expect(chunked.status).toBe(413);

        const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
        const nested = await t.call('POST', '/hooks/intake-bad', deep, {
          'content-type': 'application/json',
          'x-delivery-id': 'deep',
        });
        // 100,000 levels of brackets is 200 kB: over the limit here; within it, the depth check answers.
        expect([400, 413]).toContain(nested.status);
        const deepSmall = `${'['.repeat(5000)}${']'.repeat(5000)}`;
        const nestedSmall = await hook('intake-bad', deepSmall, { 'content-type': 'application/json' });
        expect(nestedSmall.status).toBe(400);
        expect(nestedSmall.body.error.code).toBe('JSON_TOO_DEEP');

        const proto = await hook(
          'intake-bad',
          '{"po":"PO-proto","lines":[{"qty":1}],"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
          { 'content-type': 'application/json' },
        );
        expect(proto.status).toBe(202);
        const stored = await t.store.executions.get(proto.body.executionId);
        const storedBody = (stored?.trigger as { body?: object } | undefined)?.body ?? {};
        expect(Object.keys(storedBody)).toEqual(['po', 'lines', 'constructor']);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();

        expect((await t.call('GET', '/healthz')).status).toBe(200);
      });

      it("replies with the flow's Respond node for synchronous flows", async () => {
        await deployed(orderIntakeFlow({ id: 'intake-sync', respond: true }));
        const res = await hook('intake-sync', order('PO-400', 4));
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ accepted: 'PO-400', units: 4 });
        expect(res.headers.get('x-waybill-execution')).toMatch(/^ex_/);
      });

      it('answers 404 for a flow that is not deployed', async () => {
        const res = await hook('nowhere', order('PO-1'));
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('NO_WEBHOOK');
      });
    });

    describe('failures, the dead-letter inbox and replay', () => {
      it('groups failures, previews a replay, and replays with the fixed deployed revision', async () => {
        const broken = orderIntakeFlow({
          id: 'replay-flow',
          mapping: '{ "po": body.po, "units": $sum(body.lines.quantity) }',
        });
        await deployed(broken);
        const failedIds: string[] = [];
        for (const po of ['PO-501', 'PO-502']) {
          const res = await hook('replay-flow', order(po));
          failedIds.push(res.body.executionId);
          expect(await t.waitForExecution(res.body.executionId)).toMatchObject({
            status: 'failed',
            failedNodeId: 'check',
            deadLetter: 'open',
          });
        }
        const inbox = await t.call('GET', '/api/dead-letters?flowId=replay-flow');
        expect(inbox.body.items).toHaveLength(1);
        expect(inbox.body.items[0]).toMatchObject({
          flowId: 'replay-flow',
          failedNodeId: 'check',
          count: 2,
          errorCode: 'VALIDATION_FAILED',
        });

        const fixed = orderIntakeFlow({ id: 'replay-flow' });
        const v2 = await t.call('POST', '/api/flows/replay-flow/revisions', { definition: fixed });
        await t.call('POST', '/api/flows/replay-flow/deployments', { revision: v2.body.revision.version });

        const preview = await t.call('POST', `/api/executions/${failedIds[0]}/replay`, {
          from: 'failed',
          revision: 'deployed',
          dryRun: true,
        });
        expect(preview.status).toBe(200);
        expect(preview.body.plan.willRun.map((n: { nodeId: string }) => n.nodeId).sort()).toEqual([
          'check',
          'map',
          'reply',
        ]);
        expect(preview.body.plan.sideEffects).toEqual([]);

        const replay = await t.call('POST', `/api/executions/${failedIds[0]}/replay`, {
          from: 'failed',
          revision: 'deployed',
        });
        expect(replay.status).toBe(202);
        const replayed = await t.waitForExecution(replay.body.executionId);
        expect(replayed).toMatchObject({
          status: 'succeeded',
          replayOf: failedIds[0],
          revisionHash: v2.body.revision.hash,
          businessKey: 'PO-501',
        });

        const bulk = await t.call('POST', '/api/executions/replay', {
          filter: { flowId: 'replay-flow', deadLetter: 'open' },
          from: 'failed',
          revision: 'deployed',
        });
        expect(bulk.status).toBe(202);
        expect(bulk.body.count).toBe(1);
        expect((await t.waitForExecution(bulk.body.items[0].replay)).status).toBe('succeeded');
        expect((await t.call('GET', '/api/dead-letters?flowId=replay-flow')).body.items).toEqual([]);
      });
    });

    describe('executions', () => {
      it('finds executions by business key, status and text, page by page', async () => {
        await deployed(orderIntakeFlow({ id: 'search-flow' }));
        const ids: string[] = [];
        for (let i = 0; i < 7; i++)
          ids.push((await hook('search-flow', order(`SO-77${i}`))).body.executionId);
        for (const id of ids) await t.waitForExecution(id);
        const exact = await t.call('GET', '/api/executions?businessKey=SO-773');
        expect(exact.body.items.map((e: { id: string }) => e.id)).toEqual([ids[3]]);
        const prefix = await t.call(
          'GET',
          '/api/executions?flowId=search-flow&businessKey=SO-77*&status=succeeded&limit=3',
        );
        expect(prefix.body.items).toHaveLength(3);
        const next = await t.call(
          'GET',
          `/api/executions?flowId=search-flow&businessKey=SO-77*&status=succeeded&limit=3&cursor=${prefix.body.nextCursor}`,
        );
        const seen = [...prefix.body.items, ...next.body.items].map((e: { id: string }) => e.id);
        expect(new Set(seen).size).toBe(6);
        expect(
          (await t.call('GET', '/api/executions?q=so-776')).body.items.map((e: { id: string }) => e.id),
        ).toContain(ids[6]);
        const badQuery = await t.call('GET', '/api/executions?limit=9999');
        expect(badQuery.status).toBe(400);
        expect(badQuery.body.error.pointer).toBe('/query/limit');
      });

      it('runs a flow on demand and cancels a queued execution', async () => {
        await deployed(orderIntakeFlow({ id: 'manual-flow' }));
        const run = await t.call('POST', '/api/flows/manual-flow/runs', {
          payload: { body: order('PO-600') },
        });
        expect(run.status).toBe(202);
        expect((await t.waitForExecution(run.body.executionId)).status).toBe('succeeded');
        expect((await t.call('POST', '/api/executions/ex_missing/cancel')).status).toBe(404);
      });
    });

    describe('credentials', () => {
      it('never returns secret values, and tests a credential against the system it is for', async () => {
        const api = createServer((req, res) => {
          const ok = req.headers.authorization === 'Bearer tok_live_good';
          res
            .writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
            .end(ok ? '{"me":"svc"}' : '{"error":"bad token tok_live_bad"}');
        });
        api.listen(0, '127.0.0.1');
        await once(api, 'listening');
        const testUrl = `http://127.0.0.1:${(api.address() as { port: number }).port}/me`;
        try {
          const created = await t.call('POST', '/api/credentials', {
            id: 'erp-api',
            type: 'http-bearer',
            name: 'ERP API',
            values: { token: 'tok_live_good', testUrl },
            allowedHosts: ['127.0.0.1'],
          });
          expect(created.status).toBe(201);
          expect(JSON.stringify(created.body)).not.toContain('tok_live_good');
          expect(JSON.stringify((await t.call('GET', '/api/credentials')).body)).not.toContain(
            'tok_live_good',
          );
          const good = await t.call('POST', '/api/credentials/erp-api/test');
          expect(good.body).toEqual({
            ok: true,
            message: `${new URL(testUrl).host} accepted the credential (HTTP 200).`,
          });
          await t.call('PATCH', '/api/credentials/erp-api', { values: { token: 'tok_live_bad' } });
          const bad = await t.call('POST', '/api/credentials/erp-api/test');
          expect(bad.body.ok).toBe(false);
          expect(bad.body.message).toMatch(/401/);
          expect(bad.body.message).not.toContain('tok_live_bad');
          await t.call('POST', '/api/credentials', {
            id: 'plain-secret',
            type: 'webhook-secret',
            name: 'Secret',
            values: { secret: 'abc12345' },
          });
          expect((await t.call('POST', '/api/credentials/plain-secret/test')).body.error.code).toBe(
            'CREDENTIAL_NOT_TESTABLE',
          );
          // A concurrency limit is set, changed and lifted through the API; a bad one is refused.
          expect(created.body.maxConcurrency).toBeNull();
          const limited = await t.call('PATCH', '/api/credentials/erp-api', { maxConcurrency: 3 });
          expect(limited.body.maxConcurrency).toBe(3);
          const refused = await t.call('PATCH', '/api/credentials/erp-api', { maxConcurrency: 0 });
          expect(refused.status).toBe(400);
          expect(JSON.stringify(refused.body.error)).toContain('maxConcurrency');
          expect((await t.call('GET', '/api/credentials/erp-api')).body.maxConcurrency).toBe(3);
          const lifted = await t.call('PATCH', '/api/credentials/erp-api', { maxConcurrency: null });
          expect(lifted.body.maxConcurrency).toBeNull();
        } finally {
          api.close();
        }
      });
    });

    describe('the audit log', () => {
      it('records flow saves, deploys and rollbacks, searchable by target and action and exported as JSON lines', async () => {
        const flow = orderIntakeFlow({ id: 'audited' });
        expect(
          (await t.call('POST', '/api/flows', { id: 'audited', name: 'Audited', definition: flow })).status,
        ).toBe(201);
        const changed = { ...flow, name: 'Audited, renamed' };
        expect((await t.call('POST', '/api/flows/audited/revisions', { definition: changed })).status).toBe(
          201,
        );
        await t.call('POST', '/api/flows/audited/deployments', { revision: 2 });
        await t.call('POST', '/api/flows/audited/deployments', { revision: 1 });

        const log = await t.call('GET', '/api/audit?targetId=audited');
        expect(log.status).toBe(200);
        expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
          'flow.rollback',
          'flow.deploy',
          'flow.save',
          'flow.save',
          'flow.create',
        ]);
        expect(log.body.items[0]).toMatchObject({
          actor: t.admin.user.email,
          targetType: 'flow',
          details: { version: 1, previousVersion: 2 },
        });
        const rollbacks = await t.call('GET', '/api/audit?targetId=audited&action=flow.rollback');
        expect(rollbacks.body.items).toHaveLength(1);

        const first = await t.call('GET', '/api/audit?targetId=audited&limit=2');
        expect(first.body.items).toHaveLength(2);
        const rest = await t.call(
          'GET',
          `/api/audit?targetId=audited&limit=10&cursor=${first.body.nextCursor}`,
        );
        expect([...first.body.items, ...rest.body.items].map((e: { id: number }) => e.id)).toEqual(
          log.body.items.map((e: { id: number }) => e.id),
        );
        expect((await t.call('GET', '/api/audit?cursor=not-a-cursor')).status).toBe(400);

        const exported = await t.app.request('/api/audit/export?targetId=audited', {
          headers: { authorization: `Bearer ${t.admin.token}` },
        });
        expect(exported.headers.get('content-type')).toContain('application/x-ndjson');
        const lines = (await exported.text())
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line));
        expect(lines.map((e) => e.action)).toEqual(log.body.items.map((e: { action: string }) => e.action));
      });
    });

    describe('the service itself', () => {
      it('describes every route in its OpenAPI document with the permission it needs', async () => {
        const doc = await t.call('GET', '/api/openapi.json');
        expect(doc.body.openapi).toBe('3.1.0');
        const operations = Object.values(doc.body.paths).flatMap((p) => Object.values(p as object)) as Array<
          Record<string, unknown>
        >;
        expect(operations.length).toBe(t.routes.length);
        for (const op of operations) expect(op['x-permission']).toEqual(expect.any(String));
      });

      it('lists the node, trigger and credential types the canvas palette offers', async () => {
        const { status, body } = await t.call('GET', '/api/catalog');
        expect(status).toBe(200);
        const nodeType = (type: string) => body.nodeTypes.find((n: { type: string }) => n.type === type);
        expect(nodeType('core.transform')).toMatchObject({
          category: 'core',
          configSchema: expect.any(Object),
        });
        expect(nodeType('http.request')).toMatchObject({
          effect: 'write',
          outputs: ['out'],
          idempotency: 'native-key',
        });
        expect(nodeType('odoo.createSaleOrder')).toMatchObject({
          category: 'odoo',
          effect: 'write',
          idempotency: 'lookup-before-create',
          rateLimit: { requests: 50, perSeconds: 1 },
          credential: { types: ['odoo-jsonrpc', 'odoo-json2'], required: true },
        });
        expect(body.triggerTypes.map((t: { type: string }) => t.type)).toContain('core.webhook');
        const bearer = body.credentialTypes.find((c: { type: string }) => c.type === 'http-bearer');
        expect(bearer.fields).toContainEqual(expect.objectContaining({ name: 'token', secret: true }));
        // The webhook trigger's credential can be made from the catalog too (the studio's form).
        expect(body.credentialTypes.find((c: { type: string }) => c.type === 'webhook-secret')).toMatchObject(
          {
            hasTest: false,
            fields: [expect.objectContaining({ name: 'secret', secret: true, required: true })],
          },
        );
      });

      it('reports readiness and metrics', async () => {
        expect((await t.call('GET', '/readyz')).body).toMatchObject({
          status: 'ready',
          database: 'ok',
          queue: 'ok',
        });
        const metrics = await t.call('GET', '/metrics');
        expect(metrics.body).toMatch(/waybill_executions\{status="succeeded"\} \d+/);
        expect(metrics.body).toMatch(/waybill_queue_jobs\{state="ready"\} \d+/);
        expect(metrics.body).toMatch(
          /waybill_intake_requests_total\{flow="intake-dedupe",outcome="duplicate"\} [1-9]/,
        );
        expect(metrics.body).toMatch(
          /waybill_intake_requests_total\{flow="intake-signed",outcome="rejected"\} [1-9]/,
        );
        expect(metrics.body).toMatch(/waybill_node_duration_seconds_count\{type="core.transform"\} [1-9]/);
        expect(metrics.body).toMatch(/waybill_queue_wait_seconds_count [1-9]/);
      });

      it('answers unknown routes and bad bodies with JSON errors carrying a request id', async () => {
        const missing = await t.call('GET', '/api/nothing-here');
        expect(missing.status).toBe(404);
        expect(missing.body).toMatchObject({ error: { code: 'NOT_FOUND' }, requestId: expect.any(String) });
        const wrongType = await t.call('POST', '/api/flows', { id: 'Bad Id!', name: '' });
        expect(wrongType.status).toBe(400);
        expect(wrongType.body.error.pointer).toMatch(/^\/body\//);
      });
    });
  });
}
