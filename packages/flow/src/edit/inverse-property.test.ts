import { describe, expect, it } from 'vitest';
import type { FlowDefinition, NodeDefinition } from '../schema/flow-schema.js';
import { applyEdit } from './apply-edit.js';
import type { FlowEdit } from './flow-edit.js';

/** mulberry32: a tiny seeded PRNG, so a failing sequence can be replayed from its seed. */
function seeded(seed: number) {
  let state = seed;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(list: readonly T[]): T => {
    const item = list[int(list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof seeded>;

const TYPES = ['core.transform', 'core.branch', 'core.validate', 'core.code', 'odoo.createSaleOrder'];
const PORTS = ['', '.out', '.valid', '.invalid', '.big', '.error'];

/** A valid flow with the untidy parts real files have: a dangling edge, a stale layout entry, a duplicate spelling. */
const untidy: FlowDefinition = {
  schemaVersion: 1,
  id: 'orders',
  name: 'Orders',
  description: 'Order intake.',
  trigger: { type: 'core.webhook', config: { method: 'POST' }, businessKey: 'body.name' },
  nodes: [
    { id: 'map', type: 'core.transform', config: { expression: '$', 'a/b~c': { list: [1, 2] } } },
    { id: 'check', type: 'core.validate', config: { schema: { type: 'object' } }, retry: { maxAttempts: 2 } },
    { id: 'route', type: 'core.branch', config: { cases: [{ port: 'big', condition: 'total > 9' }] } },
    { id: 'ship', type: 'odoo.createSaleOrder', config: {}, credential: 'odoo-main' },
    { id: 'bad.id', type: 'core.code', config: { code: 'return 1;' } },
  ],
  edges: [
    { from: 'trigger', to: 'map' },
    { from: 'map', to: 'check' },
    { from: 'map.out', to: 'check.in' },
    { from: 'check.valid', to: 'route.in' },
    { from: 'route.big', to: 'ship' },
    { from: 'check.invalid', to: 'ghost' },
  ],
  layout: {
    nodes: { map: { x: 0, y: 0 }, ghost: { x: 9, y: 9 } },
    notes: [{ id: 'n1', text: 'hi', x: 0, y: 0 }],
  },
};

const bare: FlowDefinition = {
  schemaVersion: 1,
  id: 'bare',
  name: 'Bare',
  trigger: { type: 'core.manual', config: {} },
  nodes: [{ id: 'only', type: 'core.transform', config: { expression: '$' } }],
  edges: [{ from: 'trigger', to: 'only' }],
};

const emptyContainers: FlowDefinition = { ...bare, id: 'empty', layout: { nodes: {}, notes: [] } };

function randomConfigEdit(random: Random, node: NodeDefinition): FlowEdit {
  const nodeId = node.id;
  const cases = node.config.cases;
  const keys = Object.keys(node.config);
  const choices: (() => FlowEdit)[] = [
    () => ({ op: 'setConfig', nodeId, path: '/expression', value: `$.v${random.int(100)}` }),
    () => ({ op: 'setConfig', nodeId, path: `/deep/x${random.int(3)}/y`, value: random.int(10) }),
    () => ({ op: 'setConfig', nodeId, path: '/we~1ird~0key', value: [random.int(5)] }),
    () => ({ op: 'setConfig', nodeId, path: '', value: { expression: '$$' } }),
    () => ({ op: 'setConfig', nodeId, path: `/${random.pick(['gone', 'deep/none'])}`, value: undefined }),
  ];
  if (keys.length > 0) {
    choices.push(() => ({
      op: 'setConfig',
      nodeId,
      path: `/${random.pick(keys).replaceAll('~', '~0').replaceAll('/', '~1')}`,
      value: undefined,
    }));
  }
  if (Array.isArray(cases)) {
    choices.push(() => ({
      op: 'setConfig',
      nodeId,
      path: '/cases/-',
      value: { port: `p${random.int(9)}`, condition: 'true' },
    }));
    if (cases.length > 0) {
      const index = random.int(cases.length);
      choices.push(() => ({ op: 'setConfig', nodeId, path: `/cases/${index}`, value: undefined }));
      choices.push(() => ({
        op: 'setConfig',
        nodeId,
        path: `/cases/${index}/condition`,
        value: `x > ${random.int(9)}`,
      }));
    }
  } else {
    choices.push(() => ({ op: 'setConfig', nodeId, path: '/cases', value: [] }));
  }
  return random.pick(choices)();
}

/** An edit that is valid for `flow`; batches are built against the flow their earlier edits produce. */
function randomEdit(random: Random, flow: FlowDefinition, fresh: () => string, depth = 0): FlowEdit {
  const ids = flow.nodes.map((node) => node.id);
  const free = (id: string) => !ids.includes(id);
  const position = () => ({ x: random.int(800), y: random.int(600) });
  const notes = flow.layout?.notes ?? [];
  const choose = random.int(depth > 0 ? 13 : 15);
  const anyNode = () => random.pick(flow.nodes);
  if (flow.nodes.length === 0 || choose === 0) {
    const id = free('ghost') && random.chance(0.3) ? 'ghost' : fresh();
    return {
      op: 'addNode',
      node: { id, type: random.pick(TYPES), config: random.chance(0.5) ? {} : { cases: [] } },
      ...(random.chance(0.5) ? { position: position() } : {}),
      ...(random.chance(0.3) ? { index: random.int(flow.nodes.length + 1) } : {}),
    };
  }
  switch (choose) {
    case 1:
      return { op: 'removeNode', nodeId: anyNode().id };
    case 2:
      return {
        op: 'renameNode',
        nodeId: anyNode().id,
        newId: free('ghost') && random.chance(0.3) ? 'ghost' : fresh(),
      };
    case 3:
      return {
        op: 'updateNode',
        nodeId: anyNode().id,
        patch: random.pick([
          { name: `Step ${random.int(9)}` },
          { name: undefined, disabled: random.chance(0.5) },
          { retry: random.chance(0.5) ? { maxAttempts: 1 + random.int(5) } : undefined },
          { credential: random.chance(0.5) ? 'odoo-main' : undefined, notes: 'why' },
          { type: random.pick(TYPES) },
        ]),
      };
    case 4:
    case 5:
      return randomConfigEdit(random, anyNode());
    case 6: {
      for (let attempt = 0; attempt < 10; attempt++) {
        const from = random.chance(0.2) ? 'trigger' : `${anyNode().id}${random.pick(PORTS)}`;
        const to = `${anyNode().id}${random.chance(0.5) ? '.in' : ''}`;
        const probe = applyEdit(flow, { op: 'connect', edge: { from, to } });
        if (probe.ok)
          return {
            op: 'connect',
            edge: { from, to },
            ...(random.chance(0.3) ? { index: random.int(flow.edges.length + 1) } : {}),
          };
      }
      return { op: 'setMeta', patch: { name: 'No free connection' } };
    }
    case 7: {
      const edge = flow.edges.length > 0 ? random.pick(flow.edges) : undefined;
      if (!edge) return { op: 'setMeta', patch: { description: undefined } };
      // Spelled differently half the time: disconnect must match equivalent edges.
      const from =
        random.chance(0.5) && !edge.from.includes('.') && edge.from !== 'trigger'
          ? `${edge.from}.out`
          : edge.from;
      return {
        op: 'disconnect',
        edge: { from, to: random.chance(0.5) ? edge.to.replace(/\.in$/, '') : edge.to },
      };
    }
    case 8:
      return {
        op: 'setTrigger',
        patch: random.pick([
          { businessKey: random.chance(0.5) ? 'body.id' : undefined },
          { dedupe: 'h.id' },
          { config: { n: random.int(9) } },
        ]),
      };
    case 9:
      return {
        op: 'setMeta',
        patch: random.chance(0.5)
          ? { name: `Flow ${random.int(9)}` }
          : { description: random.chance(0.5) ? 'Text.' : undefined },
      };
    case 10:
      return { op: 'moveNode', nodeId: anyNode().id, position: position() };
    case 11: {
      const existing = notes.length > 0 && random.chance(0.5) ? random.pick(notes) : undefined;
      const note = { id: existing?.id ?? `note${random.int(1000)}`, text: 'note', ...position() };
      return {
        op: 'setNote',
        note,
        ...(existing || !random.chance(0.5) ? {} : { index: random.int(notes.length + 1) }),
      };
    }
    case 12:
      return notes.length > 0 ? { op: 'removeNote', noteId: random.pick(notes).id } : { op: 'setLayout' };
    case 13:
      return random.chance(0.5)
        ? { op: 'setLayout', layout: { nodes: { [anyNode().id]: position() } } }
        : { op: 'setLayout' };
    default: {
      const edits: FlowEdit[] = [];
      let scratch = flow;
      for (let i = 0, count = 1 + random.int(4); i < count; i++) {
        const edit = randomEdit(random, scratch, fresh, depth + 1);
        const result = applyEdit(scratch, edit);
        if (!result.ok) throw new Error(`generated an invalid edit: ${result.error.message}`);
        edits.push(edit);
        scratch = result.flow;
      }
      return { op: 'batch', edits };
    }
  }
}

describe('inverse edits', () => {
  it.each([
    ['an untidy flow', untidy],
    ['a flow without layout', bare],
    ['a flow with empty layout containers', emptyContainers],
  ])('undo every edit of long random sequences on %s, back to a deep-equal start', (_name, start) => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seeded(seed);
      let counter = 0;
      const fresh = () => `n${++counter}`;
      const inverses: FlowEdit[] = [];
      let flow = start;
      for (let step = 0; step < 60; step++) {
        const edit = randomEdit(random, flow, fresh);
        const result = applyEdit(flow, edit);
        if (!result.ok)
          throw new Error(`seed ${seed} step ${step}: ${result.error.message} in ${JSON.stringify(edit)}`);
        const undone = applyEdit(result.flow, result.inverse);
        expect(undone.ok && undone.flow, `seed ${seed} step ${step}: ${JSON.stringify(edit)}`).toStrictEqual(
          flow,
        );
        inverses.push(result.inverse);
        flow = result.flow;
      }
      for (const inverse of inverses.reverse()) {
        const result = applyEdit(flow, inverse);
        if (!result.ok) throw new Error(`seed ${seed}: inverse failed: ${result.error.message}`);
        flow = result.flow;
      }
      expect(flow, `seed ${seed}`).toStrictEqual(start);
    }
  });

  it('undo a removed node by re-adding it and reconnecting its edges where they were', () => {
    const result = applyEdit(untidy, { op: 'removeNode', nodeId: 'route' });
    expect(result.ok && result.inverse).toEqual({
      op: 'batch',
      edits: [
        { op: 'addNode', node: untidy.nodes[2], index: 2 },
        { op: 'connect', edge: { from: 'check.valid', to: 'route.in' }, index: 3 },
        { op: 'connect', edge: { from: 'route.big', to: 'ship' }, index: 4 },
      ],
    });
  });

  it('restore what the natural inverse cannot, such as an invalid id or a created layout', () => {
    const removed = applyEdit(untidy, { op: 'removeNode', nodeId: 'bad.id' });
    expect(removed.ok && removed.inverse).toEqual({ op: 'setNodes', nodes: untidy.nodes });
    const placed = applyEdit(bare, { op: 'moveNode', nodeId: 'only', position: { x: 1, y: 1 } });
    expect(placed.ok && placed.inverse).toEqual({ op: 'setLayout' });
  });
});
