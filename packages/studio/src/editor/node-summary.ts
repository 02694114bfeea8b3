import type { NodeDefinition, NodeTypeManifest } from '@waybill/flow';

const MAX = 60;

/** Config fields whose value says best what a node does, in the order they are looked for. */
const TELLING_FIELDS = [
  'expression',
  'condition',
  'code',
  'message',
  'flowId',
  'items',
  'body',
  'until',
  'ms',
];

/**
 * One line about what a node is configured to do: its expression, its cases, or the first
 * configured field of a connector operation (in the order of its config schema).
 *
 * @example
 * configSummary({ id: 'map', type: 'core.transform', config: { expression: '{ "n": name }' } }, manifest);
 * // '{ "n": name }'
 */
export function configSummary(node: NodeDefinition, manifest: NodeTypeManifest | undefined): string {
  const config = node.config ?? {};
  const cases = config.cases;
  if (Array.isArray(cases) && cases.length > 0) {
    const ports = cases
      .map((entry) => (entry as { port?: unknown })?.port)
      .filter((p) => typeof p === 'string');
    return clip(`${cases.length} case${cases.length === 1 ? '' : 's'}: ${ports.join(', ')}`);
  }
  for (const field of TELLING_FIELDS) {
    if (field in config) return clip(`${field === 'ms' ? 'wait ms: ' : ''}${text(config[field])}`);
  }
  const properties = manifest?.configSchema.properties as Record<string, unknown> | undefined;
  const order = properties ? Object.keys(properties) : Object.keys(config);
  for (const key of order) {
    const value = config[key];
    if (value === undefined || value === '' || value === null) continue;
    return clip(`${key}: ${text(value)}`);
  }
  return '';
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

function clip(line: string): string {
  return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line;
}
