import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../schema/flow-schema.js';
import { diffFlows } from './diff-flows.js';
import type { FlowDiff } from './flow-diff.js';
import { formatFlowDiff } from './format-flow-diff.js';

const before: FlowDefinition = {
  schemaVersion: 1,
  id: 'orders',
  name: 'Orders',
  trigger: { type: 'shopify.orderWebhook', config: {}, businessKey: 'body.name' },
  nodes: [
    { id: 'to_canonical', type: 'core.transform', config: { expression: '{ "number": name }' } },
    { id: 'check', type: 'core.validate', config: { schema: {} } },
    { id: 'create_so', type: 'odoo.createSaleOrder', config: {} },
    { id: 'legacy', type: 'core.transform', config: { expression: '$' } },
  ],
  edges: [
    { from: 'trigger', to: 'to_canonical' },
    { from: 'to_canonical', to: 'check' },
    { from: 'check.valid', to: 'create_so' },
    { from: 'check.invalid', to: 'legacy' },
  ],
};

const noChange: FlowDiff = diffFlows(before, before);

describe('formatFlowDiff', () => {
  it('prints every kind of change in its own section', () => {
    const after: FlowDefinition = {
      ...before,
      trigger: { ...before.trigger, businessKey: 'body.order_number' },
      nodes: [
        { id: 'to_canonical', type: 'core.transform', config: { expression: '{ "number": order_number }' } },
        { id: 'check', type: 'core.validate', config: { schema: {} } },
        { id: 'create_so', type: 'odoo.createSaleOrder', config: {}, retry: { maxAttempts: 3 } },
        { id: 'notify', type: 'core.code', config: { code: 'return input;' } },
      ],
      edges: [
        { from: 'trigger', to: 'to_canonical' },
        { from: 'to_canonical', to: 'check' },
        { from: 'check.invalid', to: 'create_so' },
        { from: 'create_so', to: 'notify' },
      ],
    };
    expect(formatFlowDiff(diffFlows(before, after))).toBe(
      [
        'Trigger',
        '  ~ /trigger/businessKey: "body.name" → "body.order_number"',
        'Nodes added',
        '  + notify (core.code)',
        'Nodes removed',
        '  - legacy (core.transform)',
        'Nodes changed',
        '  ~ to_canonical /config/expression',
        '      - { "number": name }',
        '      + { "number": order_number }',
        '  + create_so /retry: {"maxAttempts":3}',
        'Connections',
        '  + check.invalid → create_so',
        '  + create_so.out → notify',
        '  - check.valid → create_so',
        '  - check.invalid → legacy',
        '  ↪ create_so: fed by check.invalid, was check.valid',
      ].join('\n'),
    );
  });

  it('shows multi-line expressions whole, line by line', () => {
    const longLine = `{ ${'"field": value, '.repeat(12)}}`;
    const after: FlowDefinition = {
      ...before,
      nodes: before.nodes.map((node) =>
        node.id === 'legacy' ? { ...node, config: { expression: `(\n  $x := 1;\n  ${longLine}\n)` } } : node,
      ),
    };
    const lines = formatFlowDiff(diffFlows(before, after)).split('\n');
    expect(lines).toEqual([
      'Nodes changed',
      '  ~ legacy /config/expression',
      '      - $',
      '      + (',
      '      +   $x := 1;',
      `      +   ${longLine}`,
      '      + )',
    ]);
  });

  it('shortens long values to about 120 characters', () => {
    const after: FlowDefinition = { ...before, description: 'x'.repeat(500) };
    const line = formatFlowDiff(diffFlows(before, after)).split('\n')[1] ?? '';
    expect(line.startsWith('  + /description: "xxx')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThan(150);
  });

  it('says when nothing changed, or only the layout', () => {
    expect(formatFlowDiff(noChange)).toBe('No changes');
    const moved = { ...before, layout: { nodes: { check: { x: 1, y: 2 } } } };
    expect(formatFlowDiff(diffFlows(before, moved))).toBe('No changes (layout only)');
  });

  it('mentions a layout change that comes with real changes', () => {
    const after = { ...before, name: 'Orders v2', layout: { nodes: { check: { x: 1, y: 2 } } } };
    expect(formatFlowDiff(diffFlows(before, after))).toBe(
      ['Flow', '  ~ /name: "Orders" → "Orders v2"', 'Layout also changed (not part of the content)'].join(
        '\n',
      ),
    );
  });
});
