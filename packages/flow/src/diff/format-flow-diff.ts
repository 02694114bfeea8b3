import type { ExpressionChange, FlowDiff, NodeChange, ValueChange } from './flow-diff.js';

/** Values longer than this are cut; expressions never are, since a reviewer must read them whole. */
const MAX_VALUE_LENGTH = 120;

/**
 * Renders a diff as the readable text `waybill diff a b` prints: one section per kind of change,
 * `+` added, `-` removed, `~` changed, `↪` a node fed from elsewhere; values JSON-encoded and cut at
 * about 120 characters, expressions shown whole, line by line.
 *
 * @example
 * formatFlowDiff(diffFlows(previous, current));
 * // Trigger
 * //   ~ /trigger/businessKey: "body.name" → "body.order_number"
 * // Nodes changed
 * //   ~ to_canonical /config/expression
 * //       - { "number": name }
 * //       + { "number": order_number }
 * // Connections
 * //   + check.invalid → create_so
 * //   - check.valid → create_so
 * //   ↪ create_so: fed by check.invalid, was check.valid
 */
export function formatFlowDiff(diff: FlowDiff): string {
  if (!diff.changed) return diff.layoutChanged ? 'No changes (layout only)' : 'No changes';
  const sections: [string, string[]][] = [
    ['Flow', diff.meta.map((change) => valueLine(change))],
    ['Trigger', diff.trigger.map((change) => valueLine(change))],
    ['Nodes added', diff.nodesAdded.map((node) => `  + ${node.id} (${node.type})`)],
    ['Nodes removed', diff.nodesRemoved.map((node) => `  - ${node.id} (${node.type})`)],
    ['Nodes changed', diff.nodesChanged.flatMap(nodeLines)],
    [
      'Connections',
      [
        ...diff.edgesAdded.map((edge) => `  + ${edge.from} → ${edge.to}`),
        ...diff.edgesRemoved.map((edge) => `  - ${edge.from} → ${edge.to}`),
        ...diff.moved.map(
          (move) => `  ↪ ${move.nodeId}: fed by ${sources(move.after)}, was ${sources(move.before)}`,
        ),
      ],
    ],
  ];
  const lines = sections.flatMap(([title, body]) => (body.length > 0 ? [title, ...body] : []));
  if (diff.layoutChanged) lines.push('Layout also changed (not part of the content)');
  return lines.join('\n');
}

function nodeLines(node: NodeChange): string[] {
  const expressions = new Map(node.expressionChanges.map((change) => [change.path, change]));
  const lines: string[] = [];
  for (const change of node.changes) {
    const expression = expressions.get(change.path);
    if (expression) {
      lines.push(...expressionLines(node.nodeId, expression));
      expressions.delete(change.path);
    } else {
      lines.push(valueLine(change, node.nodeId));
    }
  }
  // Expressions inside a larger added or removed value (a whole new branch case) are shown as well.
  for (const expression of expressions.values()) lines.push(...expressionLines(node.nodeId, expression));
  return lines;
}

function expressionLines(nodeId: string, change: ExpressionChange): string[] {
  const sign = change.before === undefined ? '+' : change.after === undefined ? '-' : '~';
  return [
    `  ${sign} ${nodeId} ${change.path}`,
    ...textLines(change.before).map((line) => `      - ${line}`),
    ...textLines(change.after).map((line) => `      + ${line}`),
  ];
}

function textLines(text: string | undefined): string[] {
  return text === undefined ? [] : text.split(/\r?\n/);
}

function valueLine(change: ValueChange, nodeId?: string): string {
  const subject = nodeId === undefined ? change.path : `${nodeId} ${change.path}`;
  switch (change.kind) {
    case 'added':
      return `  + ${subject}: ${show(change.after)}`;
    case 'removed':
      return `  - ${subject}: ${show(change.before)}`;
    case 'changed':
      return `  ~ ${subject}: ${show(change.before)} → ${show(change.after)}`;
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function sources(list: readonly string[]): string {
  return list.length === 0 ? 'nothing' : list.join(', ');
}
