import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { Hono } from 'hono';
import type { CostBucketStatus } from './buckets.js';
import { type FailNextOptions, FailNextSchema } from './failures.js';
import type { SimCall } from './graphql/handler.js';
import type { NewOrder } from './store.js';
import type { WebhookDelivery, WebhookSubscription } from './webhooks.js';

/**
 * What the control routes drive; the simulator object implements it.
 *
 * @example
 * const routes = controlRoutes(sim); // sim implements SimControl
 */
export interface SimControl {
  reset(): void;
  failNext(rule: FailNextOptions): void;
  clearFailures(): void;
  pendingFailures(): FailNextOptions[];
  readonly calls: readonly SimCall[];
  clearCalls(): void;
  subscribe(input: { topic: string; address: string }): WebhookSubscription;
  unsubscribe(id: number): boolean;
  subscriptions(): WebhookSubscription[];
  readonly deliveries: readonly WebhookDelivery[];
  createOrder(input: NewOrder): unknown;
  graphqlBucket(): CostBucketStatus;
  setGraphqlBucket(state: Partial<CostBucketStatus>): void;
  fillRestBucket(level: number): void;
}

const SubscribeSchema = Type.Object(
  {
    topic: Type.String({ pattern: '^[a-z_]+/[a-z_]+$' }),
    address: Type.String({ pattern: '^https?://\\S+$' }),
  },
  { additionalProperties: false },
);
const AddressSchema = Type.Partial(
  Type.Record(
    Type.Union(
      [
        'firstName',
        'lastName',
        'company',
        'address1',
        'address2',
        'city',
        'province',
        'provinceCode',
        'zip',
        'country',
        'countryCode',
        'phone',
      ].map((name) => Type.Literal(name)),
    ),
    Type.String(),
  ),
);
const NewOrderSchema = Type.Object({
  email: Type.Optional(Type.String()),
  customer: Type.Optional(
    Type.Object({
      id: Type.Optional(Type.Integer()),
      firstName: Type.Optional(Type.String()),
      lastName: Type.Optional(Type.String()),
      email: Type.Optional(Type.String()),
    }),
  ),
  shippingAddress: Type.Optional(AddressSchema),
  lineItems: Type.Array(
    Type.Object({
      sku: Type.Union([Type.String(), Type.Null()]),
      quantity: Type.Integer({ minimum: 1 }),
      price: Type.Optional(Type.String()),
      title: Type.Optional(Type.String()),
      discount: Type.Optional(Type.String()),
      taxRate: Type.Optional(Type.Number()),
      locationId: Type.Optional(Type.Integer()),
    }),
    { minItems: 1 },
  ),
  shipping: Type.Optional(Type.Object({ title: Type.String(), price: Type.String() })),
  taxRate: Type.Optional(Type.Number()),
  note: Type.Optional(Type.String()),
  tags: Type.Optional(Type.Array(Type.String())),
  financialStatus: Type.Optional(
    Type.Union([Type.Literal('paid'), Type.Literal('authorized'), Type.Literal('pending')]),
  ),
});
const BucketSchema = Type.Partial(
  Type.Object({
    maximumAvailable: Type.Number({ minimum: 1 }),
    currentlyAvailable: Type.Number({ minimum: 0 }),
    restoreRate: Type.Number({ minimum: 0 }),
  }),
);

const readJson = async (request: Request): Promise<unknown> => {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const problem = (schema: Parameters<typeof Value.Errors>[0], value: unknown) => {
  const first = [...Value.Errors(schema, value)][0];
  return first ? `${first.path || '/'} ${first.message}` : 'expected a JSON object';
};

/**
 * Simulator-only routes under `/__sim/` for tests and demos in another process; nothing like
 * them exists in Shopify, hence the prefix.
 *
 * @example
 * await fetch(`${url}/__sim/webhooks`, { method: 'POST', body: JSON.stringify({ topic: 'orders/create', address }) });
 */
export function controlRoutes(control: SimControl): Hono {
  const routes = new Hono();
  routes.get('/', (c) =>
    c.json({
      routes: [
        'POST /__sim/reset',
        'POST|DELETE /__sim/fail-next',
        'GET|DELETE /__sim/calls',
        'GET|POST /__sim/webhooks',
        'DELETE /__sim/webhooks/:id',
        'GET /__sim/deliveries',
        'POST /__sim/orders',
        'GET|POST /__sim/bucket',
        'POST /__sim/rest-bucket',
      ],
    }),
  );
  routes.post('/reset', (c) => {
    control.reset();
    return c.json({ reset: true });
  });
  routes.post('/fail-next', async (c) => {
    const body = await readJson(c.req.raw);
    if (!Value.Check(FailNextSchema, body))
      return c.json({ error: `Invalid failure rule: ${problem(FailNextSchema, body)}` }, 400);
    control.failNext(body);
    return c.json({ pending: control.pendingFailures() });
  });
  routes.delete('/fail-next', (c) => {
    control.clearFailures();
    return c.json({ pending: [] });
  });
  routes.get('/calls', (c) => c.json(control.calls));
  routes.delete('/calls', (c) => {
    control.clearCalls();
    return c.json({ cleared: true });
  });
  routes.get('/webhooks', (c) => c.json({ subscriptions: control.subscriptions() }));
  routes.post('/webhooks', async (c) => {
    const body = await readJson(c.req.raw);
    if (!Value.Check(SubscribeSchema, body))
      return c.json({ error: `Invalid subscription: ${problem(SubscribeSchema, body)}` }, 400);
    return c.json({ subscription: control.subscribe(body) }, 201);
  });
  routes.delete('/webhooks/:id', (c) =>
    control.unsubscribe(Number(c.req.param('id')))
      ? c.json({ deleted: true })
      : c.json({ error: 'No such subscription' }, 404),
  );
  routes.get('/deliveries', (c) => c.json({ deliveries: control.deliveries }));
  routes.post('/orders', async (c) => {
    const body = await readJson(c.req.raw);
    if (!Value.Check(NewOrderSchema, body))
      return c.json({ error: `Invalid order: ${problem(NewOrderSchema, body)}` }, 400);
    return c.json({ order: control.createOrder(body) }, 201);
  });
  routes.get('/bucket', (c) => c.json(control.graphqlBucket()));
  routes.post('/bucket', async (c) => {
    const body = await readJson(c.req.raw);
    if (!Value.Check(BucketSchema, body))
      return c.json({ error: `Invalid bucket: ${problem(BucketSchema, body)}` }, 400);
    control.setGraphqlBucket(body);
    return c.json(control.graphqlBucket());
  });
  routes.post('/rest-bucket', async (c) => {
    const body = await readJson(c.req.raw);
    const level =
      typeof body === 'object' && body !== null && 'used' in body && typeof body.used === 'number'
        ? body.used
        : undefined;
    if (level === undefined)
      return c.json({ error: 'Invalid REST bucket: expected { "used": <requests> }' }, 400);
    control.fillRestBucket(level);
    return c.json({ used: level });
  });
  return routes;
}
