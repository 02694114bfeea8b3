import type { ErrorObject } from 'ajv';
import { DEFAULT_OUTPUT_PORT, parseSource, parseTarget, sourceKey } from '../graph/endpoints.js';
import { buildGraph, type FlowGraph, FOR_EACH_ITEM_PORT } from '../graph/flow-graph.js';
import type { NodeCatalog } from '../node-types/catalog.js';
import { outputPortsOf } from '../node-types/catalog.js';
import { INPUT_PORT } from '../node-types/manifest.js';
import { type FlowDefinition, FlowDefinitionSchema, TRIGGER_NODE_ID } from '../schema/flow-schema.js';
import { describeAjvError, simplifyAjvErrors } from './ajv-messages.js';
import type { Problem } from './problem.js';
import { createFlowAjv, createSchemaCache } from './schema-compiler.js';

const ajv = createFlowAjv();
const compile = createSchemaCache(ajv);
const validateStructure = ajv.compile(FlowDefinitionSchema);

export interface ValidateOptions {
  /** Credentials that exist, by id; when given, references to others are problems. */
  credentials?: ReadonlyArray<{ id: string; type: string }>;
}

export type ValidationResult =
  | { ok: true; flow: FlowDefinition; problems: [] }
  | { ok: false; problems: Problem[] };

/**
 * Checks a flow definition and reports every problem at once.
 *
 * @example
 * const result = validateFlow(JSON.parse(text), catalog);
 * if (!result.ok) for (const p of result.problems) console.log(p.pointer, p.message);
 */
export function validateFlow(
  input: unknown,
  catalog: NodeCatalog,
  options: ValidateOptions = {},
): ValidationResult {
  if (!validateStructure(input)) {
    const problems = structureProblems(input, simplifyAjvErrors(validateStructure.errors ?? []));
    // Later checks need well-formed nodes and edges; report what the structure check found first.
    if (!isGraphShaped(input)) return { ok: false, problems };
    return { ok: false, problems: [...problems, ...semanticProblems(input, catalog, options)] };
  }
  const flow = input as FlowDefinition;
  const problems = semanticProblems(flow, catalog, options);
  return problems.length === 0 ? { ok: true, flow, problems: [] } : { ok: false, problems };
}

function structureProblems(input: unknown, errors: ErrorObject[]): Problem[] {
  const nodes = isRecord(input) && Array.isArray(input.nodes) ? input.nodes : [];
  return errors.map((error) => {
    const match = /^\/nodes\/(\d+)/.exec(error.instancePath);
    const node = match ? nodes[Number(match[1])] : undefined;
    const nodeId = isRecord(node) && typeof node.id === 'string' ? node.id : undefined;
    if (match && nodeId !== undefined) {
      // Name the node rather than its index: "Node "map": retry/maxAttempts must be at most 25."
      const inNode = { ...error, instancePath: error.instancePath.slice(match[0].length) };
      return {
        code: 'invalid-structure' as const,
        nodeId,
        pointer: error.instancePath,
        message: `Node "${nodeId}": ${describeAjvError(inNode, 'the node')}`,
      };
    }
    return {
      code: 'invalid-structure' as const,
      pointer: error.instancePath,
      message: describeAjvError(error, 'The flow'),
    };
  });
}

/** True when nodes and edges are arrays of objects with string ids and endpoints. */
function isGraphShaped(input: unknown): input is FlowDefinition {
  if (!isRecord(input) || !Array.isArray(input.nodes) || !Array.isArray(input.edges)) return false;
  if (!isRecord(input.trigger)) return false;
  const nodesOk = input.nodes.every(
    (n) => isRecord(n) && typeof n.id === 'string' && typeof n.type === 'string',
  );
  const edgesOk = input.edges.every(
    (e) => isRecord(e) && typeof e.from === 'string' && typeof e.to === 'string',
  );
  return nodesOk && edgesOk;
}

function semanticProblems(flow: FlowDefinition, catalog: NodeCatalog, options: ValidateOptions): Problem[] {
  const problems: Problem[] = [];
  problems.push(...triggerProblems(flow, catalog));
  problems.push(...nodeProblems(flow, catalog, options));
  problems.push(...edgeProblems(flow, catalog));
  const graph = buildGraph(flow);
  const cycles = cycleProblems(flow, graph);
  problems.push(...cycles);
  // Reachability and loop bodies are meaningless inside a cycle; report the cycle alone.
  if (cycles.length === 0) {
    problems.push(...reachabilityProblems(flow, graph));
    problems.push(...loopBoundaryProblems(flow, graph));
  }
  return problems;
}

function triggerProblems(flow: FlowDefinition, catalog: NodeCatalog): Problem[] {
  const manifest = catalog.trigger(flow.trigger.type);
  if (!manifest) {
    return [
      {
        code: 'unknown-trigger-type',
        pointer: '/trigger/type',
        message: `The trigger type "${flow.trigger.type}" is not known; pick one of ${catalog
          .triggers()
          .map((t) => t.type)
          .join(', ')}.`,
      },
    ];
  }
  const validate = compile(manifest.configSchema);
  if (validate(flow.trigger.config ?? {})) return [];
  return simplifyAjvErrors(validate.errors ?? []).map((error) => ({
    code: 'invalid-trigger-config' as const,
    pointer: `/trigger/config${error.instancePath}`,
    message: describeAjvError(error, 'The trigger config'),
  }));
}

function nodeProblems(flow: FlowDefinition, catalog: NodeCatalog, options: ValidateOptions): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const credentials = options.credentials
    ? new Map(options.credentials.map((c) => [c.id, c.type]))
    : undefined;
  flow.nodes.forEach((node, index) => {
    const at = `/nodes/${index}`;
    if (node.id === TRIGGER_NODE_ID) {
      problems.push({
        code: 'duplicate-node-id',
        nodeId: node.id,
        pointer: `${at}/id`,
        message: `The id "${TRIGGER_NODE_ID}" is reserved for the trigger; rename the node.`,
      });
    } else if (seen.has(node.id)) {
      problems.push({
        code: 'duplicate-node-id',
        nodeId: node.id,
        pointer: `${at}/id`,
        message: `Two nodes share the id "${node.id}"; node ids must be unique.`,
      });
    }
    seen.add(node.id);

    const manifest = catalog.node(node.type);
    if (!manifest) {
      problems.push({
        code: 'unknown-node-type',
        nodeId: node.id,
        pointer: `${at}/type`,
        message: `Node "${node.id}" has the unknown type "${node.type}".`,
      });
      return;
    }
    const validate = compile(manifest.configSchema);
    if (!validate(node.config ?? {})) {
      for (const error of simplifyAjvErrors(validate.errors ?? [])) {
        problems.push({
          code: 'invalid-config',
          nodeId: node.id,
          pointer: `${at}/config${error.instancePath}`,
          message: `Node "${node.id}": ${describeAjvError(error, 'the config')}`,
        });
      }
    }
    if (manifest.credential?.required && !node.credential) {
      problems.push({
        code: 'missing-credential',
        nodeId: node.id,
        pointer: `${at}/credential`,
        message: `Node "${node.id}" needs a credential of type ${manifest.credential.types.join(' or ')}.`,
      });
    }
    if (node.credential && credentials) {
      const type = credentials.get(node.credential);
      if (type === undefined) {
        problems.push({
          code: 'unknown-credential',
          nodeId: node.id,
          pointer: `${at}/credential`,
          message: `Node "${node.id}" uses the credential "${node.credential}", which does not exist.`,
        });
      } else if (manifest.credential && !manifest.credential.types.includes(type)) {
        problems.push({
          code: 'wrong-credential-type',
          nodeId: node.id,
          pointer: `${at}/credential`,
          message: `Node "${node.id}" needs a credential of type ${manifest.credential.types.join(' or ')}, but "${node.credential}" is a ${type} credential.`,
        });
      }
    }
  });
  return problems;
}

function edgeProblems(flow: FlowDefinition, catalog: NodeCatalog): Problem[] {
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

function cycleProblems(flow: FlowDefinition, graph: FlowGraph): Problem[] {
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

function reachabilityProblems(flow: FlowDefinition, graph: FlowGraph): Problem[] {
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
function loopBoundaryProblems(flow: FlowDefinition, graph: FlowGraph): Problem[] {
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
