import { once } from 'node:events';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestRuntime, type TestRuntime } from './testing/test-runtime.js';

const TOKEN = 'sk_live_9f8e7d6c5b4a-partner-key';

/**
 * An upstream that answers 401 and repeats the credential it was sent in its error body, as many
 * real APIs do. The secret must reach the upstream, and nowhere else: not the execution history,
 * not the API, not the event stream, not the logs.
 */
describe('a secret in a connector error body', () => {
  let t: TestRuntime;
  const upstream = createServer((req, res) => {
    req.resume();
    res
      .writeHead(401, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: `invalid API key: ${req.headers.authorization}` }));
  });
  beforeAll(async () => {
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    t = await createTestRuntime('sqlite');
  });
  afterAll(async () => {
    upstream.close();
    await t?.close();
  });

  it('reaches the upstream only: history, API answers, events and logs show it redacted', async () => {
    const logged: string[] = [];
    const keep = (...args: unknown[]) => {
      logged.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    };
    const spies = [
      vi.spyOn(console, 'log').mockImplementation(keep),
      vi.spyOn(console, 'info').mockImplementation(keep),
      vi.spyOn(console, 'warn').mockImplementation(keep),
      vi.spyOn(console, 'error').mockImplementation(keep),
    ];
    const controller = new AbortController();
    try {
      await t.call('POST', '/api/credentials', {
        id: 'partner-api',
        type: 'http-bearer',
        name: 'Partner API',
        values: { token: TOKEN },
        allowedHosts: ['127.0.0.1'],
      });
      const flow = {
        schemaVersion: 1,
        id: 'leaky-upstream',
        name: 'Leaky upstream',
        trigger: { type: 'core.manual', config: {} },
        nodes: [
          {
            id: 'push',
            type: 'http.request',
            credential: 'partner-api',
            config: {
              method: 'POST',
              url: `http://127.0.0.1:${(upstream.address() as { port: number }).port}/orders`,
            },
            retry: { maxAttempts: 1 },
          },
        ],
        edges: [{ from: 'trigger', to: 'push' }],
      };
      expect(
        (await t.call('POST', '/api/flows', { id: flow.id, name: flow.name, definition: flow })).status,
      ).toBe(201);
      await t.call('POST', `/api/flows/${flow.id}/deployments`, { revision: 1 });
      const events = await t.app.request('/api/events', {
        signal: controller.signal,
        headers: { authorization: `Bearer ${t.admin.token}` },
      });
      const run = await t.call('POST', `/api/flows/${flow.id}/runs`, { payload: { po: 'PO-1' } });
      expect(run.status).toBe(202);
      const finished = await t.waitForExecution(run.body.executionId);
      expect(finished.status).toBe('failed');

      const detail = await t.call('GET', `/api/executions/${run.body.executionId}`);
      const list = await t.call('GET', '/api/executions?flowId=leaky-upstream');
      const letters = await t.call('GET', '/api/dead-letters');
      const reader = events.body!.getReader();
      const { value } = await reader.read();
      controller.abort();
      const everything = [
        JSON.stringify(finished),
        JSON.stringify(detail.body),
        JSON.stringify(list.body),
        JSON.stringify(letters.body),
        new TextDecoder().decode(value),
        ...logged,
      ].join('\n');
      // The failure is readable, with the upstream's words, minus the key.
      expect(JSON.stringify(detail.body)).toContain('invalid API key: Bearer');
      expect(everything).not.toContain(TOKEN);
    } finally {
      controller.abort();
      for (const spy of spies) spy.mockRestore();
    }
  });
});
