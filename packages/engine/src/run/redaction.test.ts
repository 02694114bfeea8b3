import { connectorError } from '@waybill/connector-kit';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import type { SecretsPort } from '../ports.js';
import { createFakeInvoker, flowOf, testCatalog } from '../testing/test-kit.js';
import { REDACTED } from './redactor.js';

const API_KEY = 'sk_live_51HxQz0Secret';
const secrets: SecretsPort = {
  resolve: async (id) => ({
    id,
    type: 'test',
    values: { apiKey: API_KEY, baseUrl: 'http://127.0.0.1:8069' },
    secretFields: ['apiKey'],
  }),
};

describe('secret redaction', () => {
  it('keeps credential secrets out of errors, upstream bodies, outputs and downstream inputs', async () => {
    const invoker = createFakeInvoker();
    invoker.failNext(
      'create',
      connectorError({
        code: 'UNAUTHORIZED',
        message: `Key ${API_KEY} was refused.`,
        retryable: false,
        upstream: { status: 401, body: `{"error":"invalid key ${API_KEY}"}` },
      }).info,
    );
    invoker.behave('echo', (call) => ({
      output: { headers: { authorization: `Bearer ${String(call.credential?.values.apiKey)}` } },
    }));
    const engine = createEngine({ catalog: testCatalog, invoker, secrets });
    const revision = flowOf(
      [
        { id: 'echo', type: 'test.lookup', config: {}, credential: 'erp' },
        { id: 'copy', type: 'core.transform', config: { expression: '$' } },
        { id: 'create', type: 'test.createOrder', config: {}, credential: 'erp' },
      ],
      [
        { from: 'trigger', to: 'echo' },
        { from: 'echo', to: 'copy' },
        { from: 'copy', to: 'create' },
      ],
    );
    const record = await engine.run({ executionId: 'ex', revision, trigger: {} });
    const text = JSON.stringify(record);
    expect(text).not.toContain(API_KEY);
    expect(record.error?.message).toBe(`Key ${REDACTED} was refused.`);
    expect(record.error?.upstream?.body).toBe(`{"error":"invalid key ${REDACTED}"}`);
    expect(record.steps[0]?.output).toEqual({ headers: { authorization: `Bearer ${REDACTED}` } });
    // The connector itself received the real key.
    expect(invoker.calls[0]?.credential?.values.apiKey).toBe(API_KEY);
    // Fields not marked secret stay readable.
    expect(text).not.toContain(`http://127.0.0.1:8069${REDACTED}`);
  });
});
