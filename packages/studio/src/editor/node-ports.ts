import type { NodeDefinition, NodeTypeManifest } from '@waybill/flow';
import { DEFAULT_OUTPUT_PORT, ERROR_PORT, TRIGGER_NODE_ID } from '@waybill/flow';

/**
 * The output ports of a node: the manifest's fixed ones, the ones its config names (a branch's
 * cases) and the implicit `error` port every node has. Without a manifest (an unknown type) only
 * `out` and `error` are offered, so existing edges still have somewhere to attach.
 *
 * @example
 * outputPorts(branchNode, branchManifest); // ['default', 'high', 'low', 'error']
 */
export function outputPorts(node: NodeDefinition, manifest: NodeTypeManifest | undefined): string[] {
  const ports = [...(manifest?.outputs ?? [DEFAULT_OUTPUT_PORT])];
  const dynamic = manifest?.dynamicOutputs;
  if (dynamic) {
    const entries = node.config[dynamic.configArray];
    if (Array.isArray(entries)) {
      for (const entry of entries) {
        const name = (entry as Record<string, unknown> | null)?.[dynamic.nameField];
        if (typeof name === 'string' && name !== '' && !ports.includes(name)) ports.push(name);
      }
    }
  }
  if (!ports.includes(ERROR_PORT)) ports.push(ERROR_PORT);
  return ports;
}

/**
 * The `from` of an edge leaving a node's port, spelt the short way for the default `out` port.
 *
 * @example
 * edgeSource('check', 'valid'); // 'check.valid'
 * edgeSource('map', 'out');     // 'map'
 * edgeSource('trigger', null);  // 'trigger'
 */
export function edgeSource(nodeId: string, port: string | null | undefined): string {
  if (nodeId === TRIGGER_NODE_ID) return TRIGGER_NODE_ID;
  if (!port || port === DEFAULT_OUTPUT_PORT) return nodeId;
  return `${nodeId}.${port}`;
}
