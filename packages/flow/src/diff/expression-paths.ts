import { isRecord } from '../edit/deep-equal.js';
import { formatPointer, parsePointer } from '../edit/json-pointer.js';
import type { NodeDefinition } from '../schema/flow-schema.js';
import type { ExpressionChange, ExpressionPathPredicate } from './flow-diff.js';

/** Config keys whose string values are JSONata or code in the core nodes and in connector conventions. */
const EXPRESSION_KEYS: ReadonlySet<string> = new Set([
  'expression',
  'condition',
  'items',
  'body',
  'until',
  'messageExpression',
  'code',
]);

/**
 * The default test for expression strings: a config value (at any depth) whose key is one of
 * `expression`, `condition`, `items`, `body`, `until`, `messageExpression` or `code`.
 *
 * @example
 * isDefaultExpressionPath('core.branch', '/config/cases/0/condition'); // true
 * isDefaultExpressionPath('core.fail', '/config/code');                // false: an error code like FLOW_FAILED
 */
export function isDefaultExpressionPath(nodeType: string, path: string): boolean {
  const segments = parsePointer(path);
  if (segments === undefined || segments.length < 2 || segments[0] !== 'config') return false;
  const key = segments[segments.length - 1];
  if (key === undefined || !EXPRESSION_KEYS.has(key)) return false;
  // The fail node's `code` names the error it raises; it is not program code.
  return !(nodeType === 'core.fail' && key === 'code' && segments.length === 2);
}

/**
 * Every expression string of a node's config, by node-relative path.
 *
 * @example
 * collectExpressions({ id: 'm', type: 'core.transform', config: { expression: 'a' } }, isDefaultExpressionPath);
 * // Map { '/config/expression' => 'a' }
 */
export function collectExpressions(
  node: NodeDefinition,
  isExpression: ExpressionPathPredicate,
): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (value: unknown, segments: (string | number)[]): void => {
    if (typeof value === 'string') {
      const path = formatPointer(segments);
      if (isExpression(node.type, path)) found.set(path, value);
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, [...segments, index]);
    } else if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, [...segments, key]);
    }
  };
  visit(node.config, ['config']);
  return found;
}

/**
 * The expression strings that differ between two versions of a node, whole.
 *
 * @example
 * diffExpressions(before, after, isDefaultExpressionPath);
 * // [{ path: '/config/expression', before: '{ "number": name }', after: '{ "number": order_number }' }]
 */
export function diffExpressions(
  before: NodeDefinition,
  after: NodeDefinition,
  isExpression: ExpressionPathPredicate,
): ExpressionChange[] {
  const old = collectExpressions(before, isExpression);
  const next = collectExpressions(after, isExpression);
  const changes: ExpressionChange[] = [];
  for (const path of new Set([...old.keys(), ...next.keys()])) {
    const was = old.get(path);
    const now = next.get(path);
    if (was === now) continue;
    changes.push({
      path,
      ...(was === undefined ? {} : { before: was }),
      ...(now === undefined ? {} : { after: now }),
    });
  }
  return changes;
}
