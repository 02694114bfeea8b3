import { describe, expect, it } from 'vitest';
import { createCatalog } from '../node-types/catalog.js';
import { coreNodeManifests, coreTriggerManifests } from '../node-types/core-nodes.js';
import type { NodeTypeManifest } from '../node-types/manifest.js';
import type { FlowDefinition } from '../schema/flow-schema.js';
import { validateFlow } from './validate-flow.js';

const erpManifest: NodeTypeManifest = {
  type: 'erp.createOrder',
  title: 'Create order',
  category: 'erp',
  effect: 'write',
  configSchema: { type: 'object', properties: { confirm: { type: 'boolean' } }, additionalProperties: false },
  outputs: ['out'],
  defaultPort: 'out',
  credential: { types: ['erp'], required: true },
};
const catalog = createCatalog({ nodes: [...coreNodeManifests, erpManifest], triggers: coreTriggerManifests });

const base = (): FlowDefinition => ({
  schemaVersion: 1,
  id: 'orders',
  name: 'Orders',
  trigger: { type: 'core.webhook', config: {}, businessKey: 'body.name' },
  nodes: [
    { id: 'map', type: 'core.transform', config: { expression: '{ "number": body.name }' } },
    { id: 'check', type: 'core.validate', config: { schema: { type: 'object' } } },
    { id: 'create', type: 'erp.createOrder', config: { confirm: true }, credential: 'erp-main' },
  ],
  edges: [
    { from: 'trigger', to: 'map' },
    { from: 'map', to: 'check' },
    { from: 'check.valid', to: 'create' },
  ],
});

const problemsOf = (flow: unknown, options = {}) => {
  const result = validateFlow(flow, catalog, options);
  return result.ok ? [] : result.problems;
};

describe('validateFlow', () => {
  it('accepts a well-formed flow', () => {
    expect(validateFlow(base(), catalog)).toMatchObject({ ok: true, problems: [] });
  });

  it('reports every problem at once, each with node, pointer and a sentence', () => {
    const flow = base();
    flow.nodes.push({ id: 'mystery', type: 'acme.teleport', config: {} });
    flow.nodes[0]!.config = { expression: 'body.name +' };
    flow.edges.push({ from: 'check.maybe', to: 'mystery' });
    const problems = problemsOf(flow);
    expect(problems.map((p) => p.code).sort()).toEqual([
      'invalid-config',
      'unknown-node-type',
      'unknown-port',
    ]);
    for (const problem of problems) {
      expect(problem.pointer).toMatch(/^\/(nodes|edges)\/\d+/);
      expect(problem.message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('reports an unknown node type', () => {
    const flow = base();
    flow.nodes[2]!.type = 'erp.createOrdr';
    expect(problemsOf(flow)).toContainEqual({
      code: 'unknown-node-type',
      nodeId: 'create',
      pointer: '/nodes/2/type',
      message: 'Node "create" has the unknown type "erp.createOrdr".',
    });
  });

  it('reports config that does not match the node type schema, and JSONata syntax errors with their position', () => {
    const flow = base();
    flow.nodes[2]!.config = { confirm: 'yes', colour: 'red' };
    flow.nodes[0]!.config = { expression: '{ "a": }' };
    const problems = problemsOf(flow);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'invalid-config',
        nodeId: 'create',
        pointer: '/nodes/2/config/confirm',
        message: 'Node "create": confirm must be a boolean.',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'invalid-config',
        nodeId: 'create',
        pointer: '/nodes/2/config',
        message: 'Node "create": the config has an unknown field "colour".',
      }),
    );
    const syntax = problems.find((p) => p.nodeId === 'map');
    expect(syntax).toMatchObject({ code: 'invalid-config', pointer: '/nodes/0/config/expression' });
    expect(syntax?.message).toMatch(
      /^Node "map": expression is not valid JSONata: .+ \(at character \d+\)\.$/,
    );
  });

  it('reports dangling and duplicate edges', () => {
    const flow = base();
    flow.edges.push(
      { from: 'ghost', to: 'map' },
      { from: 'map', to: 'nowhere' },
      { from: 'map.out', to: 'check' },
    );
    const problems = problemsOf(flow);
    expect(problems).toContainEqual({
      code: 'dangling-edge',
      pointer: '/edges/3/from',
      message: 'Edge 4 starts at "ghost", which is not a node of this flow.',
    });
    expect(problems).toContainEqual({
      code: 'dangling-edge',
      pointer: '/edges/4/to',
      message: 'Edge 5 leads to "nowhere", which is not a node of this flow.',
    });
    expect(problems).toContainEqual({
      code: 'duplicate-edge',
      nodeId: 'check',
      pointer: '/edges/5',
      message: 'The edge from "map.out" to "check" appears more than once.',
    });
  });

  it('reports unknown output and input ports, suggesting the port to name', () => {
    const flow = base();
    flow.edges[2] = { from: 'check', to: 'create' };
    flow.edges.push({ from: 'map', to: 'create.side' });
    const problems = problemsOf(flow);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'unknown-port',
        pointer: '/edges/2/from',
        message:
          'Node "check" (core.validate) has no output port "out"; its ports are valid, invalid, error. Name the port, e.g. "check.valid".',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'unknown-port', pointer: '/edges/3/to' }),
    );
  });

  it('knows the ports a branch node gets from its cases', () => {
    const flow = base();
    flow.nodes.push({
      id: 'route',
      type: 'core.branch',
      config: { cases: [{ port: 'rush', condition: 'express' }] },
    });
    flow.edges.push({ from: 'map', to: 'route' }, { from: 'route.rush', to: 'create' });
    expect(problemsOf(flow).filter((p) => p.code === 'unknown-port')).toEqual([]);
  });

  it('reports nodes no path from the trigger reaches', () => {
    const flow = base();
    flow.nodes.push({ id: 'orphan', type: 'core.transform', config: { expression: '1' } });
    expect(problemsOf(flow)).toEqual([
      {
        code: 'unreachable-node',
        nodeId: 'orphan',
        pointer: '/nodes/3',
        message: 'Node "orphan" can never run: no path leads to it from the trigger.',
      },
    ]);
  });

  it('reports cycles with the loop spelled out', () => {
    const flow = base();
    flow.edges.push({ from: 'create', to: 'map' });
    const problems = problemsOf(flow);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'cycle',
      message: 'The flow loops back on itself: map → check → create → map. Use core.forEach to repeat work.',
    });
  });

  it('reports a missing credential, and unknown or mistyped ones when the store is given', () => {
    const flow = base();
    delete flow.nodes[2]!.credential;
    expect(problemsOf(flow)).toEqual([
      {
        code: 'missing-credential',
        nodeId: 'create',
        pointer: '/nodes/2/credential',
        message: 'Node "create" needs a credential of type erp.',
      },
    ]);
    expect(problemsOf(base(), { credentials: [] })).toEqual([
      expect.objectContaining({
        code: 'unknown-credential',
        message: 'Node "create" uses the credential "erp-main", which does not exist.',
      }),
    ]);
    expect(problemsOf(base(), { credentials: [{ id: 'erp-main', type: 'shopify' }] })).toEqual([
      expect.objectContaining({ code: 'wrong-credential-type' }),
    ]);
  });

  it('reports duplicate node ids and the reserved trigger id', () => {
    const flow = base();
    flow.nodes.push(
      { id: 'map', type: 'core.transform', config: { expression: '1' } },
      { id: 'trigger', type: 'core.transform', config: { expression: '1' } },
    );
    const codes = problemsOf(flow).filter((p) => p.code === 'duplicate-node-id');
    expect(codes.map((p) => p.pointer)).toEqual(['/nodes/3/id', '/nodes/4/id']);
  });

  it('reports an unknown trigger type and invalid trigger config', () => {
    const flow = base();
    flow.trigger = { type: 'core.webhook', config: { method: 'DELETE' } };
    expect(problemsOf(flow)).toEqual([
      {
        code: 'invalid-trigger-config',
        pointer: '/trigger/config/method',
        message: 'method must be one of "POST", "PUT".',
      },
    ]);
    flow.trigger = { type: 'core.carrierPigeon', config: {} };
    expect(problemsOf(flow)[0]?.message).toBe(
      'The trigger type "core.carrierPigeon" is not known; pick one of core.manual, core.webhook, core.schedule.',
    );
  });

  it('reports structural problems with a sentence naming the node', () => {
    const flow = base() as unknown as { nodes: Array<Record<string, unknown>> };
    flow.nodes[0]!.retry = { maxAttempts: 0 };
    flow.nodes[1]!.colour = 'blue';
    const problems = problemsOf(flow);
    expect(problems).toContainEqual({
      code: 'invalid-structure',
      nodeId: 'map',
      pointer: '/nodes/0/retry/maxAttempts',
      message: 'Node "map": retry/maxAttempts must be at least 1.',
    });
    expect(problems).toContainEqual({
      code: 'invalid-structure',
      nodeId: 'check',
      pointer: '/nodes/1',
      message: 'Node "check": the node has an unknown field "colour".',
    });
  });

  it('describes input that is not a flow at all without throwing', () => {
    expect(problemsOf(null)[0]).toMatchObject({
      code: 'invalid-structure',
      pointer: '',
      message: 'The flow must be an object.',
    });
    expect(problemsOf({ schemaVersion: 1 }).map((p) => p.message)).toContain(
      'The flow is missing the required field "id".',
    );
  });

  it('keeps loop bodies closed: entered only through the item port', () => {
    const flow = base();
    flow.nodes.push(
      { id: 'each', type: 'core.forEach', config: {} },
      { id: 'line', type: 'core.transform', config: { expression: '$' } },
    );
    flow.edges.push(
      { from: 'map', to: 'each' },
      { from: 'each.item', to: 'line' },
      { from: 'map', to: 'line' },
    );
    expect(problemsOf(flow)).toEqual([
      expect.objectContaining({
        code: 'loop-boundary',
        nodeId: 'line',
        message:
          'Node "line" runs once per item of loop "each", but "map.out" outside the loop also feeds it; connect the loop\'s done port instead.',
      }),
    ]);
  });

  it('checks cron expressions and time zones of schedule triggers', () => {
    const flow = base();
    flow.trigger = { type: 'core.schedule', config: { cron: '61 * * * *', timezone: 'Mars/Olympus_Mons' } };
    expect(problemsOf(flow)).toEqual([
      {
        code: 'invalid-trigger-config',
        pointer: '/trigger/config/cron',
        message: 'cron is not a valid cron expression: Invalid value for minute: 61.',
      },
      {
        code: 'invalid-trigger-config',
        pointer: '/trigger/config/timezone',
        message: 'timezone is not a known time zone; use an IANA name such as Europe/Berlin or UTC.',
      },
    ]);
    flow.trigger = {
      type: 'core.schedule',
      config: { cron: '0 6 * * 1-5', timezone: 'Europe/Berlin', missedRuns: 'skip' },
    };
    expect(problemsOf(flow)).toEqual([]);
  });
});
