import { createHmac } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { createConnectorInvoker } from './connector-invoker.js';
import { defineCredentialType } from './credential-type.js';
import { defineConnector } from './define-connector.js';
import { defineWebhookTrigger, WebhookRejection } from './define-webhook-trigger.js';

const signing = defineCredentialType({
  type: 'test-signing',
  title: 'Signing secret',
  fields: [{ name: 'secret', label: 'Secret', secret: true, required: true }],
});

const pushed = defineWebhookTrigger({
  type: 'test.pushed',
  title: 'Pushed event',
  description: 'An event the test system pushes, signed with HMAC-SHA256 in x-signature.',
  configSchema: Type.Object(
    { topics: Type.Optional(Type.Array(Type.String())) },
    { additionalProperties: false },
  ),
  credential: { types: [signing], required: true },
  verify(ctx) {
    const expected = createHmac('sha256', ctx.credential.values.secret)
      .update(ctx.delivery.rawBody)
      .digest('hex');
    if (ctx.delivery.headers.get('x-signature') !== expected) {
      throw new WebhookRejection(401, 'INVALID_SIGNATURE', 'The x-signature header does not match the body.');
    }
    const topic = ctx.delivery.headers.get('x-topic') ?? '';
    return ctx.config.topics && !ctx.config.topics.includes(topic) ? 'ignore' : 'accept';
  },
  dedupeKey: (delivery) => delivery.headers.get('x-event-id') ?? undefined,
});

const invoker = createConnectorInvoker([
  defineConnector({
    id: 'test',
    title: 'Test',
    operations: [],
    triggers: [pushed],
    credentialTypes: [signing],
  }),
]);
const credential = { id: 'signing', type: 'test-signing', values: { secret: 's3cret' }, allowedHosts: [] };
const delivery = (body: string, headers: Record<string, string>) => ({
  rawBody: new TextEncoder().encode(body),
  headers: new Headers(headers),
  method: 'POST',
  query: new URLSearchParams(),
});
const sign = (body: string) => createHmac('sha256', 's3cret').update(body).digest('hex');

describe('webhook triggers', () => {
  it('are listed in the catalog as webhook triggers, apart from polling ones', () => {
    expect(invoker.triggerManifests()).toEqual([
      expect.objectContaining({ type: 'test.pushed', kind: 'webhook' }),
    ]);
    expect(invoker.webhookTrigger('test.pushed')).toBe(pushed);
    expect(invoker.pollingTrigger('test.pushed')).toBeUndefined();
  });

  it('accept a signed delivery, ignore one of another topic, and refuse a bad signature with its status', async () => {
    const body = '{"id":1}';
    const verify = (
      headers: Record<string, string>,
      config: Record<string, unknown> = { topics: ['orders/create'] },
    ) =>
      invoker.verifyWebhook({
        type: 'test.pushed',
        config,
        credential,
        delivery: delivery(body, headers),
        now: Date.now(),
      });
    expect(await verify({ 'x-signature': sign(body), 'x-topic': 'orders/create' })).toBe('accept');
    expect(await verify({ 'x-signature': sign(body), 'x-topic': 'carts/update' })).toBe('ignore');
    await expect(verify({ 'x-signature': 'nope', 'x-topic': 'orders/create' })).rejects.toMatchObject({
      status: 401,
      code: 'INVALID_SIGNATURE',
    });
    await expect(verify({}, { topics: 'orders/create' })).rejects.toMatchObject({
      info: { code: 'INVALID_CONFIG' },
    });
  });

  it('read the delivery’s own id for deduplication', () => {
    expect(pushed.dedupeKey?.(delivery('{}', { 'x-event-id': 'ev-7' }))).toBe('ev-7');
  });
});
