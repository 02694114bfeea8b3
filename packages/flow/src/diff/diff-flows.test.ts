import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../schema/flow-schema.js';
import { diffFlows } from './diff-flows.js';
import { isDefaultExpressionPath } from './expression-paths.js';

const base: FlowDefinition = {
  schemaVersion: 1,
  id: 'shopify-order-to-odoo',
  name: 'Shopify order to Odoo sale order',
  trigger: {
    type: 'shopify.orderWebhook',
    config: { topic: 'orders/create' },
    dedupe: "$headers.'x-shopify-webhook-id'",
    businessKey: 'body.name',
  },
  nodes: [
    { id: 'to_canonical', type: 'core.transform', config: { expression: '{ "number": name }' } },
    { id: 'check', type: 'core.validate', config: { schema: { $ref: 'canonical/order/v1' } } },
    {
      id: 'route',
      type: 'core.branch',
      config: {
        cases: [
          { port: 'big', condition: 'total > 1000' },
          { port: 'small', condition: 'total <= 1000' },
        ],
      },
    },
    {
      id: 'create_so',
      type: 'odoo.createSaleOrder',
      credential: 'odoo-main',
      config: { confirm: true },
      retry: { maxAttempts: 5, backoff: 'exponential', initialMs: 500 },
    },
    { id: 'legacy', type: 'core.transform', config: { expression: '$' } },
  ],
  edges: [
    { from: 'trigger', to: 'to_canonical' },
    { from: 'to_canonical', to: 'check' },
    { from: 'check.valid', to: 'route' },
    { from: 'route.big', to: 'create_so' },
    { from: 'route.small', to: 'legacy' },
  ],
  layout: { nodes: { to_canonical: { x: 0, y: 0 }, check: { x: 200, y: 0 } } },
};

/** A copy of the base flow changed by `change`, as a later revision would be. */
function revise(change: (draft: FlowDefinition) => void): FlowDefinition {
  const draft = structuredClone(base);
  change(draft);
  return draft;
}

function node(flow: FlowDefinition, id: string) {
  const found = flow.nodes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

describe('diffFlows', () => {
  it('reports nothing for identical revisions', () => {
    const diff = diffFlows(base, structuredClone(base));
    expect(diff.changed).toBe(false);
    expect(diff.layoutChanged).toBe(false);
  });

  it('ignores layout, node order, edge order and edge spelling', () => {
    const after = revise((draft) => {
      draft.layout = {
        nodes: { check: { x: 300, y: 40 } },
        notes: [{ id: 'n1', text: 'hello', x: 0, y: 0 }],
      };
      draft.nodes.reverse();
      draft.edges.reverse();
      draft.edges = draft.edges.map((edge) =>
        edge.from === 'to_canonical' ? { from: 'to_canonical.out', to: 'check.in' } : edge,
      );
    });
    const diff = diffFlows(base, after);
    expect(diff.changed).toBe(false);
    expect(diff.layoutChanged).toBe(true);
    expect(diff.edgesAdded).toEqual([]);
    expect(diff.moved).toEqual([]);
  });

  it('lists added and removed nodes with their definitions', () => {
    const notify = { id: 'notify', type: 'core.code', config: { code: 'return input;' } };
    const after = revise((draft) => {
      draft.nodes = draft.nodes.filter((candidate) => candidate.id !== 'legacy');
      draft.nodes.push(notify);
    });
    const diff = diffFlows(base, after);
    expect(diff.changed).toBe(true);
    expect(diff.nodesAdded).toEqual([notify]);
    expect(diff.nodesRemoved).toEqual([node(base, 'legacy')]);
    expect(diff.nodesChanged).toEqual([]);
  });

  it('reports config changes by JSON pointer, nested and inside arrays', () => {
    const after = revise((draft) => {
      node(draft, 'check').config = { schema: { $ref: 'canonical/order/v2' } };
      node(draft, 'route').config = {
        cases: [
          { port: 'big', condition: 'total > 1000' },
          { port: 'medium', condition: 'total <= 1000' },
          { port: 'tiny', condition: 'total < 10' },
        ],
      };
    });
    const diff = diffFlows(base, after);
    expect(diff.nodesChanged.map((change) => change.nodeId)).toEqual(['check', 'route']);
    expect(diff.nodesChanged[0]?.changes).toEqual([
      {
        path: '/config/schema/$ref',
        before: 'canonical/order/v1',
        after: 'canonical/order/v2',
        kind: 'changed',
      },
    ]);
    expect(diff.nodesChanged[1]?.changes).toEqual([
      { path: '/config/cases/1/port', before: 'small', after: 'medium', kind: 'changed' },
      { path: '/config/cases/2', after: { port: 'tiny', condition: 'total < 10' }, kind: 'added' },
    ]);
  });

  it('reports changes to retry, credential and disabled relative to the node', () => {
    const after = revise((draft) => {
      const target = node(draft, 'create_so');
      target.retry = { maxAttempts: 3, backoff: 'exponential', initialMs: 500 };
      delete target.credential;
      target.disabled = true;
    });
    const change = diffFlows(base, after).nodesChanged[0];
    expect(change?.nodeId).toBe('create_so');
    expect(change?.typeChanged).toBeUndefined();
    expect(change?.changes).toEqual(
      expect.arrayContaining([
        { path: '/retry/maxAttempts', before: 5, after: 3, kind: 'changed' },
        { path: '/credential', before: 'odoo-main', kind: 'removed' },
        { path: '/disabled', after: true, kind: 'added' },
      ]),
    );
    expect(change?.changes).toHaveLength(3);
    expect(change?.expressionChanges).toEqual([]);
  });

  it('reports a changed JSONata expression whole in expressionChanges and also in changes', () => {
    const after = revise((draft) => {
      node(draft, 'to_canonical').config = { expression: '{ "number": order_number }' };
    });
    const change = diffFlows(base, after).nodesChanged[0];
    expect(change?.expressionChanges).toEqual([
      { path: '/config/expression', before: '{ "number": name }', after: '{ "number": order_number }' },
    ]);
    expect(change?.changes).toEqual([
      {
        path: '/config/expression',
        before: '{ "number": name }',
        after: '{ "number": order_number }',
        kind: 'changed',
      },
    ]);
  });

  it('finds expressions nested in arrays and inside a whole added item', () => {
    const after = revise((draft) => {
      node(draft, 'route').config = {
        cases: [
          { port: 'big', condition: 'total > 5000' },
          { port: 'small', condition: 'total <= 1000' },
          { port: 'tiny', condition: 'total < 10' },
        ],
      };
    });
    expect(diffFlows(base, after).nodesChanged[0]?.expressionChanges).toEqual([
      { path: '/config/cases/0/condition', before: 'total > 1000', after: 'total > 5000' },
      { path: '/config/cases/2/condition', after: 'total < 10' },
    ]);
  });

  it('reports a node fed by check.invalid instead of check.valid as moved', () => {
    const after = revise((draft) => {
      draft.edges = draft.edges.map((edge) =>
        edge.to === 'route' ? { from: 'check.invalid', to: 'route.in' } : edge,
      );
    });
    const diff = diffFlows(base, after);
    expect(diff.changed).toBe(true);
    expect(diff.edgesAdded).toEqual([{ from: 'check.invalid', to: 'route' }]);
    expect(diff.edgesRemoved).toEqual([{ from: 'check.valid', to: 'route' }]);
    expect(diff.moved).toEqual([{ nodeId: 'route', before: ['check.valid'], after: ['check.invalid'] }]);
  });

  it('normalises edge endpoints in the reported connections', () => {
    const after = revise((draft) => {
      draft.edges.push({ from: 'to_canonical', to: 'legacy.in' });
    });
    const diff = diffFlows(base, after);
    expect(diff.edgesAdded).toEqual([{ from: 'to_canonical.out', to: 'legacy' }]);
    expect(diff.moved).toEqual([
      { nodeId: 'legacy', before: ['route.small'], after: ['route.small', 'to_canonical.out'] },
    ]);
  });

  it('reports trigger changes with paths from the flow root', () => {
    const after = revise((draft) => {
      draft.trigger.businessKey = 'body.order_number';
      draft.trigger.config = { topic: 'orders/updated' };
      delete draft.trigger.dedupe;
    });
    expect(diffFlows(base, after).trigger).toEqual([
      { path: '/trigger/config/topic', before: 'orders/create', after: 'orders/updated', kind: 'changed' },
      { path: '/trigger/dedupe', before: "$headers.'x-shopify-webhook-id'", kind: 'removed' },
      { path: '/trigger/businessKey', before: 'body.name', after: 'body.order_number', kind: 'changed' },
    ]);
  });

  it('reports name and description changes as meta', () => {
    const after = revise((draft) => {
      draft.name = 'Shopify orders';
      draft.description = 'Creates sale orders.';
    });
    expect(diffFlows(base, after).meta).toEqual([
      { path: '/name', before: 'Shopify order to Odoo sale order', after: 'Shopify orders', kind: 'changed' },
      { path: '/description', after: 'Creates sale orders.', kind: 'added' },
    ]);
  });

  it('escapes "/" and "~" in config keys as JSON pointer requires', () => {
    const after = revise((draft) => {
      node(draft, 'create_so').config = { confirm: true, 'a/b~c': 1 };
    });
    expect(diffFlows(base, after).nodesChanged[0]?.changes).toEqual([
      { path: '/config/a~1b~0c', after: 1, kind: 'added' },
    ]);
  });

  it('reports a changed node type', () => {
    const after = revise((draft) => {
      node(draft, 'legacy').type = 'core.code';
      node(draft, 'legacy').config = { code: 'return input;' };
    });
    const change = diffFlows(base, after).nodesChanged[0];
    expect(change?.typeChanged).toEqual({ before: 'core.transform', after: 'core.code' });
    expect(change?.changes).toContainEqual({
      path: '/type',
      before: 'core.transform',
      after: 'core.code',
      kind: 'changed',
    });
    expect(change?.expressionChanges).toEqual([
      { path: '/config/expression', before: '$' },
      { path: '/config/code', after: 'return input;' },
    ]);
  });

  it('uses a caller-supplied predicate instead of the key names', () => {
    const after = revise((draft) => {
      node(draft, 'create_so').config = { confirm: true, note: 'order.note' };
      node(draft, 'to_canonical').config = { expression: '$$' };
    });
    const diff = diffFlows(base, after, {
      isExpressionPath: (type, path) => type === 'odoo.createSaleOrder' && path === '/config/note',
    });
    const byNode = new Map(diff.nodesChanged.map((change) => [change.nodeId, change.expressionChanges]));
    expect(byNode.get('create_so')).toEqual([{ path: '/config/note', after: 'order.note' }]);
    expect(byNode.get('to_canonical')).toEqual([]);
  });
});

describe('isDefaultExpressionPath', () => {
  it('recognises expression keys at any depth of the config', () => {
    expect(isDefaultExpressionPath('core.transform', '/config/expression')).toBe(true);
    expect(isDefaultExpressionPath('core.branch', '/config/cases/3/condition')).toBe(true);
    expect(isDefaultExpressionPath('core.code', '/config/code')).toBe(true);
    expect(isDefaultExpressionPath('core.fail', '/config/messageExpression')).toBe(true);
  });

  it('does not treat the error code of a fail node, or fields outside config, as expressions', () => {
    expect(isDefaultExpressionPath('core.fail', '/config/code')).toBe(false);
    expect(isDefaultExpressionPath('core.transform', '/notes')).toBe(false);
    expect(isDefaultExpressionPath('core.transform', '/config/name')).toBe(false);
  });
});
