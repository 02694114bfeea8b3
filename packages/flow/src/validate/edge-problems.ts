import { DEFAULT_OUTPUT_PORT, parseSource, parseTarget, sourceKey } from '../graph/endpoints.js';
import type { NodeCatalog } from '../node-types/catalog.js';
import { outputPortsOf } from '../node-types/catalog.js';
import { INPUT_PORT } from '../node-types/manifest.js';
import { type FlowDefinition, TRIGGER_NODE_ID } from '../schema/flow-schema.js';
import type { Problem } from './problem.js';

/** Checks of each edge: both ends exist, the ports exist, no edge repeats another. */
export function edgeProblems(flow: FlowDefinition, catalog: NodeCatalog): Problem[] {
  const problems: Problem[] = [];
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  flow.edges.forEach((edge, index) => {
    const at = `/edges/${index}`;
    const source = parseSource(edge.from);
    const target = parseTarget(edge.to);
    const sourceNode = nodes.get(source.node);
    let broken = false;
    if (source.node !== TRIGGER_NODE_ID && !sourceNode) {
      problems.push({
        code: 'dangling-edge',
        pointer: `${at}/from`,
        message: `Edge ${index + 1} starts at "${source.node}", which is not a node of this flow.`,
      });
      broken = true;
    }
    if (!nodes.has(target.node)) {
      problems.push({
        code: 'dangling-edge',
        pointer: `${at}/to`,
        message:
          target.node === TRIGGER_NODE_ID
            ? `Edge ${index + 1} leads into the trigger; the trigger has no input.`
            : `Edge ${index + 1} leads to "${target.node}", which is not a node of this flow.`,
      });
      broken = true;
    }
    if (target.port !== INPUT_PORT) {
      problems.push({
        code: 'unknown-port',
        nodeId: target.node,
        pointer: `${at}/to`,
        message: `Node "${target.node}" has no input port "${target.port}"; nodes have one input, "${INPUT_PORT}".`,
      });
      broken = true;
    }
    const manifest = sourceNode ? catalog.node(sourceNode.type) : undefined;
    if (sourceNode && manifest && source.port !== undefined) {
      const ports = outputPortsOf(manifest, sourceNode.config ?? {});
      if (!ports.includes(source.port)) {
        const hint = edge.from.includes('.')
          ? ''
          : ` Name the port, e.g. "${source.node}.${ports[0] ?? DEFAULT_OUTPUT_PORT}".`;
        problems.push({
          code: 'unknown-port',
          nodeId: source.node,
          pointer: `${at}/from`,
          message: `Node "${source.node}" (${sourceNode.type}) has no output port "${source.port}"; its ports are ${ports.join(', ')}.${hint}`,
        });
        broken = true;
      }
    }
    if (broken) return;
    const key = `${sourceKey(source)}->${target.node}`;
    if (seen.has(key)) {
      problems.push({
        code: 'duplicate-edge',
        nodeId: target.node,
        pointer: at,
        message: `The edge from "${sourceKey(source)}" to "${target.node}" appears more than once.`,
      });
    }
    seen.add(key);
  });
  return problems;
}
