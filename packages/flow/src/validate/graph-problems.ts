import { sourceKey } from '../graph/endpoints.js';
import { type FlowGraph, FOR_EACH_ITEM_PORT } from '../graph/flow-graph.js';
import { type FlowDefinition, TRIGGER_NODE_ID } from '../schema/flow-schema.js';
import type { Problem } from './problem.js';

/** Checks of the graph as a whole: cycles, nodes the trigger never reaches, closed loop bodies. */
export function cycleProblems(flow: FlowDefinition, graph: FlowGraph): Problem[] {
  const index = new Map(flow.nodes.map((n, i) => [n.id, i]));
  const state = new Map<string, 'open' | 'done'>();
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    state.set(id, 'open');
    for (const targets of graph.outgoing.get(id)?.values() ?? []) {
      for (const next of targets) {
        if (state.get(next) === 'open') {
          const cycle = [...path.slice(path.indexOf(next)), id, next].filter(
            (n, i, all) => i === 0 || n !== all[i - 1],
          );
          if (!reported.has(next)) {
            reported.add(next);
            problems.push({
              code: 'cycle',
              nodeId: next,
              pointer: `/nodes/${index.get(next) ?? 0}`,
              message: `The flow loops back on itself: ${cycle.join(' → ')}. Use core.forEach to repeat work.`,
            });
          }
        } else if (!state.has(next)) {
          visit(next, [...path, id]);
        }
      }
    }
    state.set(id, 'done');
  };
  for (const id of graph.nodes.keys()) if (!state.has(id)) visit(id, []);
  return problems;
}

export function reachabilityProblems(flow: FlowDefinition, graph: FlowGraph): Problem[] {
  const reached = new Set<string>();
  const queue = [...(graph.outgoing.get(TRIGGER_NODE_ID)?.get(TRIGGER_NODE_ID) ?? [])];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const targets of graph.outgoing.get(id)?.values() ?? []) queue.push(...targets);
  }
  const problems: Problem[] = [];
  const seen = new Set<string>();
  flow.nodes.forEach((node, index) => {
    if (reached.has(node.id) || seen.has(node.id)) return;
    seen.add(node.id);
    problems.push({
      code: 'unreachable-node',
      nodeId: node.id,
      pointer: `/nodes/${index}`,
      message: `Node "${node.id}" can never run: no path leads to it from the trigger.`,
    });
  });
  return problems;
}

/** A loop body may be entered only through its forEach's item port, and may not lead out of the loop. */
export function loopBoundaryProblems(flow: FlowDefinition, graph: FlowGraph): Problem[] {
  const problems: Problem[] = [];
  const index = new Map(flow.nodes.map((n, i) => [n.id, i]));
  for (const [loop, body] of graph.bodies) {
    for (const id of body) {
      for (const edge of graph.incoming.get(id) ?? []) {
        const fromLoopItem = edge.node === loop && edge.port === FOR_EACH_ITEM_PORT;
        if (fromLoopItem || body.has(edge.node)) continue;
        problems.push({
          code: 'loop-boundary',
          nodeId: id,
          pointer: `/nodes/${index.get(id) ?? 0}`,
          message: `Node "${id}" runs once per item of loop "${loop}", but "${sourceKey({ node: edge.node, port: edge.port === TRIGGER_NODE_ID ? undefined : edge.port })}" outside the loop also feeds it; connect the loop's done port instead.`,
        });
      }
    }
    for (const [port, targets] of graph.outgoing.get(loop) ?? []) {
      if (port === FOR_EACH_ITEM_PORT) continue;
      for (const target of targets) {
        if (body.has(target)) {
          problems.push({
            code: 'loop-boundary',
            nodeId: target,
            pointer: `/nodes/${index.get(target) ?? 0}`,
            message: `Node "${target}" is inside loop "${loop}" and cannot also follow its ${port} port.`,
          });
        }
      }
    }
  }
  return problems;
}
