import type { ErrorObject, ValidateFunction } from 'ajv';
import { buildGraph } from '../graph/flow-graph.js';
import type { NodeCatalog } from '../node-types/catalog.js';
import { type FlowDefinition, FlowDefinitionSchema } from '../schema/flow-schema.js';
import { describeAjvError, simplifyAjvErrors } from './ajv-messages.js';
import { edgeProblems } from './edge-problems.js';
import { flowAjv } from './flow-ajv.js';
import { cycleProblems, loopBoundaryProblems, reachabilityProblems } from './graph-problems.js';
import { type CredentialRef, nodeProblems, triggerProblems } from './node-problems.js';
import type { Problem } from './problem.js';

let structure: ValidateFunction | undefined;
const validateStructure = (input: unknown): boolean => {
  structure ??= flowAjv().compile(FlowDefinitionSchema);
  return structure(input) as boolean;
};
const structureErrors = () => structure?.errors ?? [];

export interface ValidateOptions {
  /** Credentials that exist, by id; when given, references to others are problems. */
  credentials?: ReadonlyArray<CredentialRef>;
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
    const problems = structureProblems(input, simplifyAjvErrors(structureErrors()));
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
  problems.push(...triggerProblems(flow, catalog, options));
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
