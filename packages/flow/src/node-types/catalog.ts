import { ERROR_PORT, type NodeTypeManifest, type TriggerTypeManifest } from './manifest.js';

/**
 * The set of node and trigger types a deployment knows: core types plus every connector's manifests.
 *
 * @example
 * const catalog = createCatalog({ nodes: coreNodeManifests, triggers: coreTriggerManifests });
 * catalog.node('core.transform')?.effect; // 'pure'
 */
export interface NodeCatalog {
  node(type: string): NodeTypeManifest | undefined;
  trigger(type: string): TriggerTypeManifest | undefined;
  nodes(): NodeTypeManifest[];
  triggers(): TriggerTypeManifest[];
}

export function createCatalog(input: {
  nodes: readonly NodeTypeManifest[];
  triggers: readonly TriggerTypeManifest[];
}): NodeCatalog {
  const nodes = new Map(input.nodes.map((m) => [m.type, m]));
  const triggers = new Map(input.triggers.map((m) => [m.type, m]));
  if (nodes.size !== input.nodes.length) throw new Error('Two node manifests share a type.');
  if (triggers.size !== input.triggers.length) throw new Error('Two trigger manifests share a type.');
  return {
    node: (type) => nodes.get(type),
    trigger: (type) => triggers.get(type),
    nodes: () => [...nodes.values()],
    triggers: () => [...triggers.values()],
  };
}

/**
 * Every output port a node of this type has with this config, `error` included.
 *
 * @example
 * outputPortsOf(branchManifest, { cases: [{ port: 'big', condition: 'total > 100' }] });
 * // ['default', 'big', 'error']
 */
export function outputPortsOf(manifest: NodeTypeManifest, config: Record<string, unknown>): string[] {
  const ports = [...manifest.outputs];
  if (manifest.dynamicOutputs) {
    const list = config[manifest.dynamicOutputs.configArray];
    if (Array.isArray(list)) {
      for (const entry of list) {
        const name =
          entry && typeof entry === 'object'
            ? (entry as Record<string, unknown>)[manifest.dynamicOutputs.nameField]
            : undefined;
        if (typeof name === 'string' && !ports.includes(name)) ports.push(name);
      }
    }
  }
  if (!ports.includes(ERROR_PORT)) ports.push(ERROR_PORT);
  return ports;
}
