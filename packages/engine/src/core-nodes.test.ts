import { canonicalSamples, canonicalSchemaId } from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.js';
import { chain, flowOf, testCatalog } from './testing/test-kit.js';

const engine = createEngine({ catalog: testCatalog });
let n = 0;
const run = (
  revision: ReturnType<typeof flowOf>,
  trigger: unknown,
  extra: Partial<Parameters<typeof engine.run>[0]> = {},
) => engine.run({ executionId: `ex_${++n}`, revision, trigger, ...extra });

describe('core.transform', () => {
  it('maps its input with JSONata and records input, output and port', async () => {
    const revision = chain([
      {
        id: 'map',
        type: 'core.transform',
        config: { expression: '{ "number": name, "qty": $sum(lines.qty) }' },
      },
    ]);
    const record = await run(revision, { name: '#1001', lines: [{ qty: 2 }, { qty: 3 }] });
    expect(record.status).toBe('succeeded');
    expect(record.steps).toHaveLength(1);
    expect(record.steps[0]).toMatchObject({
      nodeId: 'map',
      status: 'succeeded',
      port: 'out',
      output: { number: '#1001', qty: 5 },
    });
    expect(record.steps[0]?.attempts).toHaveLength(1);
  });

  it('sees the trigger, earlier node outputs and the execution through $trigger, $nodes and $execution', async () => {
    const revision = chain([
      { id: 'first', type: 'core.transform', config: { expression: '{ "n": 1 }' } },
      {
        id: 'second',
        type: 'core.transform',
        config: {
          expression:
            '{ "fromTrigger": $trigger.po, "fromFirst": $nodes.first.n, "flow": $execution.flowId }',
        },
      },
    ]);
    const record = await run(revision, { po: 'PO-7' });
    expect(record.steps[1]?.output).toEqual({ fromTrigger: 'PO-7', fromFirst: 1, flow: 'test-flow' });
  });

  it('fails its node with the position of the problem when the expression errors at run time', async () => {
    const revision = chain([
      { id: 'map', type: 'core.transform', config: { expression: '$number("abc") + $undefinedFn()' } },
    ]);
    const record = await run(revision, {});
    expect(record.status).toBe('failed');
    expect(record.error).toMatchObject({
      nodeId: 'map',
      kind: 'user',
      code: 'EXPRESSION_ERROR',
      retryable: false,
    });
    expect(record.error?.message).toMatch(
      /^The expression in node "map" \(expression\) failed: .+ \(at character \d+\)\.$/,
    );
  });
});

describe('core.validate', () => {
  const schema = {
    type: 'object',
    required: ['sku', 'qty'],
    properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } },
  };

  it('routes valid data to valid and invalid data to invalid with every error and its path', async () => {
    const revision = flowOf(
      [
        { id: 'check', type: 'core.validate', config: { schema } },
        { id: 'ok', type: 'core.transform', config: { expression: '"ok"' } },
        { id: 'bad', type: 'core.transform', config: { expression: 'errors.path' } },
      ],
      [
        { from: 'trigger', to: 'check' },
        { from: 'check.valid', to: 'ok' },
        { from: 'check.invalid', to: 'bad' },
      ],
    );
    const good = await run(revision, { sku: 'A', qty: 1 });
    expect(good.steps.map((s) => s.nodeId)).toEqual(['check', 'ok']);

    const bad = await run(revision, { sku: 7, qty: 0 });
    expect(bad.steps.map((s) => s.nodeId)).toEqual(['check', 'bad']);
    expect(bad.steps[0]?.port).toBe('invalid');
    expect(bad.steps[0]?.output).toMatchObject({
      errors: [
        { path: '/sku', message: 'sku must be a string.' },
        { path: '/qty', message: 'qty must be at least 1.' },
      ],
    });
    expect(bad.steps[1]?.output).toEqual(['/sku', '/qty']);
  });

  it('fails the node, listing the errors, when nothing listens on invalid', async () => {
    const revision = chain([{ id: 'check', type: 'core.validate', config: { schema } }]);
    const record = await run(revision, { sku: 'A' });
    expect(record.status).toBe('failed');
    expect(record.error).toMatchObject({ code: 'VALIDATION_FAILED', nodeId: 'check' });
    expect(record.error?.message).toContain('missing the required field "qty"');
  });

  it('resolves $ref against schemas registered with the engine', async () => {
    const withSchemas = createEngine({
      catalog: testCatalog,
      schemas: [{ $id: 'canonical/sku/v1', type: 'string', pattern: '^[A-Z0-9-]+$' }],
    });
    const revision = chain([
      { id: 'check', type: 'core.validate', config: { schema: { $ref: 'canonical/sku/v1' } } },
    ]);
    expect((await withSchemas.run({ executionId: 'r1', revision, trigger: 'AB-1' })).status).toBe(
      'succeeded',
    );
    expect((await withSchemas.run({ executionId: 'r2', revision, trigger: 'ab 1' })).status).toBe('failed');
  });
});

describe('core.validate with canonical entities', () => {
  it('checks data against a canonical entity named by its short name or its full $id', async () => {
    const order = structuredClone(canonicalSamples.order);
    for (const ref of ['canonical/order/v1', canonicalSchemaId('order')]) {
      const revision = chain([{ id: 'check', type: 'core.validate', config: { schema: { $ref: ref } } }]);
      expect((await run(revision, order)).status).toBe('succeeded');
      const broken = { ...order, currency: 'usd', lines: [] };
      const record = await run(revision, broken);
      expect(record.status).toBe('failed');
      expect(record.error).toMatchObject({ code: 'VALIDATION_FAILED', nodeId: 'check' });
      expect(record.error?.message).toMatch(/currency|lines/);
    }
  });
});

describe('core.branch and core.merge', () => {
  const revision = flowOf(
    [
      {
        id: 'route',
        type: 'core.branch',
        config: {
          cases: [
            { port: 'big', condition: 'total > 100' },
            { port: 'mid', condition: 'total > 10' },
          ],
        },
      },
      { id: 'big', type: 'core.transform', config: { expression: '"priority"' } },
      { id: 'mid', type: 'core.transform', config: { expression: '"standard"' } },
      { id: 'small', type: 'core.transform', config: { expression: '"economy"' } },
      { id: 'join', type: 'core.merge', config: { mode: 'array' } },
    ],
    [
      { from: 'trigger', to: 'route' },
      { from: 'route.big', to: 'big' },
      { from: 'route.mid', to: 'mid' },
      { from: 'route.default', to: 'small' },
      { from: 'big', to: 'join' },
      { from: 'mid', to: 'join' },
      { from: 'small', to: 'join' },
    ],
  );

  it('takes the first case that holds, skips the other branches and still runs the merge', async () => {
    const record = await run(revision, { total: 500 });
    expect(record.steps.map((s) => `${s.nodeId}:${s.port}`)).toEqual(['route:big', 'big:out', 'join:out']);
    expect(record.steps[2]?.output).toEqual(['priority']);
  });

  it('takes the default port when no case holds', async () => {
    const record = await run(revision, { total: 5 });
    expect(record.steps.map((s) => s.nodeId)).toEqual(['route', 'small', 'join']);
  });

  it('joins parallel branches keyed by source node in object mode', async () => {
    const parallel = flowOf(
      [
        { id: 'a', type: 'core.transform', config: { expression: '1' } },
        { id: 'b', type: 'core.transform', config: { expression: '2' } },
        { id: 'join', type: 'core.merge', config: {} },
      ],
      [
        { from: 'trigger', to: 'a' },
        { from: 'trigger', to: 'b' },
        { from: 'a', to: 'join' },
        { from: 'b', to: 'join' },
      ],
    );
    const record = await run(parallel, {});
    expect(record.steps.find((s) => s.nodeId === 'join')?.output).toEqual({ 'a.out': 1, 'b.out': 2 });
  });

  it('refuses to feed a non-merge node from two live branches at once', async () => {
    const parallel = flowOf(
      [
        { id: 'a', type: 'core.transform', config: { expression: '1' } },
        { id: 'b', type: 'core.transform', config: { expression: '2' } },
        { id: 'c', type: 'core.transform', config: { expression: '$' } },
      ],
      [
        { from: 'trigger', to: 'a' },
        { from: 'trigger', to: 'b' },
        { from: 'a', to: 'c' },
        { from: 'b', to: 'c' },
      ],
    );
    const record = await run(parallel, {});
    expect(record.error).toMatchObject({ code: 'MULTIPLE_INPUTS', nodeId: 'c' });
    expect(record.error?.message).toContain('join them with a Merge node');
  });
});

describe('core.respond, core.fail and disabled nodes', () => {
  it('sets the webhook reply once and tells the caller as soon as it is known', async () => {
    const replies: unknown[] = [];
    const revision = chain([
      {
        id: 'reply',
        type: 'core.respond',
        config: { status: 201, body: '{ "accepted": po }', headers: { 'x-flow': 'test' } },
      },
      { id: 'after', type: 'core.transform', config: { expression: '$' } },
    ]);
    const record = await run(revision, { po: 'PO-1' }, { onResponse: (r) => replies.push(r) });
    expect(record.response).toEqual({
      status: 201,
      headers: { 'x-flow': 'test' },
      body: { accepted: 'PO-1' },
    });
    expect(replies).toEqual([record.response]);
  });

  it('stops with the chosen code and the message computed from the input', async () => {
    const revision = chain([
      {
        id: 'stop',
        type: 'core.fail',
        config: {
          code: 'CREDIT_HOLD',
          message: 'On hold.',
          messageExpression: '"Customer " & customer & " is on credit hold."',
        },
      },
    ]);
    const record = await run(revision, { customer: 'ACME' });
    expect(record.error).toMatchObject({
      kind: 'user',
      code: 'CREDIT_HOLD',
      message: 'Customer ACME is on credit hold.',
      retryable: false,
      nodeId: 'stop',
    });
  });

  it('passes the input through a disabled node to its default port', async () => {
    const revision = chain([
      { id: 'off', type: 'core.transform', config: { expression: '"changed"' }, disabled: true },
      { id: 'next', type: 'core.transform', config: { expression: 'value' } },
    ]);
    const record = await run(revision, { value: 42 });
    expect(record.steps[0]).toMatchObject({ disabled: true, output: { value: 42 }, port: 'out' });
    expect(record.steps[1]?.output).toBe(42);
  });
});

describe('execution record', () => {
  it('carries the business key computed from the trigger payload', async () => {
    const revision = flowOf(
      [{ id: 'map', type: 'core.transform', config: { expression: '$' } }],
      [{ from: 'trigger', to: 'map' }],
      {
        trigger: { type: 'core.webhook', config: {}, businessKey: 'body.name' },
      },
    );
    const record = await run(revision, { body: { name: '#1001' } });
    expect(record).toMatchObject({
      businessKey: '#1001',
      flowId: 'test-flow',
      revisionHash: revision.hash,
      status: 'succeeded',
    });
  });

  it('runs only what leads to the chosen node when asked to stop after it', async () => {
    const revision = chain([
      { id: 'a', type: 'core.transform', config: { expression: '1' } },
      { id: 'b', type: 'core.transform', config: { expression: '2' } },
      { id: 'c', type: 'core.transform', config: { expression: '3' } },
    ]);
    const record = await run(revision, {}, { stopAfter: 'b' });
    expect(record.steps.map((s) => s.nodeId)).toEqual(['a', 'b']);
  });

  it('checks node input and output schemas and names the node and field on mismatch', async () => {
    const revision = chain([
      {
        id: 'map',
        type: 'core.transform',
        config: { expression: '{ "total": "12.50" }' },
        outputSchema: { type: 'object', properties: { total: { type: 'number' } } },
      },
    ]);
    const record = await run(revision, {});
    expect(record.error).toMatchObject({ code: 'OUTPUT_SCHEMA_MISMATCH', nodeId: 'map' });
    expect(record.error?.message).toBe(
      'The output of node "map" does not match its output schema: total must be a number.',
    );
  });

  it('ends as cancelled when its signal fires', async () => {
    const controller = new AbortController();
    controller.abort();
    const record = await run(
      chain([{ id: 'a', type: 'core.transform', config: { expression: '1' } }]),
      {},
      { signal: controller.signal },
    );
    expect(record.status).toBe('cancelled');
    expect(record.steps).toHaveLength(0);
  });
});
