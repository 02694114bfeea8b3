import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Shopify's calculated query cost, as the simulator estimates it: an object field costs 1, a
 * scalar or enum 0, a connection 2 plus `first` (or `last`) times what one node selects, a list
 * field sized by `first` that many times its element, and each mutation field 10. The requested
 * cost is taken from the bucket before the query runs; the actual cost (objects in the answer)
 * is what stays taken.
 */

const MUTATION_COST = 10;

/**
 * The requested cost of an operation.
 *
 * @example
 * requestedCost(schema, parse('{ orders(first: 10) { nodes { id customer { id } } } }'), undefined, {}); // 22
 */
export function requestedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): number {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations[0];
  if (!operation) return 0;
  const fragments = new Map(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  if (operation.operation === 'mutation') {
    return countFields(operation.selectionSet, fragments) * MUTATION_COST;
  }
  const root = schema.getQueryType();
  return root ? selectionCost(schema, operation.selectionSet, root, fragments, variables) : 0;
}

/**
 * The actual cost of an answer: 1 per object returned, 2 per connection, wrappers (edges,
 * pageInfo) free; 10 per mutation field.
 *
 * @example
 * actualCost({ shop: { name: 'Demo' } }, false); // 1
 */
export function actualCost(data: unknown, mutation: boolean): number {
  if (typeof data !== 'object' || data === null) return 0;
  if (mutation) return Object.keys(data).length * MUTATION_COST;
  const walk = (value: unknown, key: string): number => {
    if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + walk(item, key), 0);
    if (typeof value !== 'object' || value === null) return 0;
    const children = Object.entries(value).reduce((sum, [name, child]) => sum + walk(child, name), 0);
    if (key === 'pageInfo' || key === 'edges') return children;
    const isConnection = 'edges' in value || 'nodes' in value;
    return children + (isConnection ? 2 : 1);
  };
  return Object.entries(data).reduce((sum, [name, child]) => sum + walk(child, name), 0);
}

function selectionCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode | undefined,
  parent: GraphQLObjectType,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  if (!selectionSet) return 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      if (fragment) cost += selectionCost(schema, fragment.selectionSet, parent, fragments, variables);
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += selectionCost(schema, selection.selectionSet, parent, fragments, variables);
      continue;
    }
    const field = parent.getFields()[selection.name.value];
    if (!field) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named) || !isObjectType(named)) continue;
    const child = selectionCost(schema, selection.selectionSet, named, fragments, variables);
    const size = sizeArgument(selection.arguments ?? [], variables);
    if (named.name.endsWith('Connection')) {
      cost += 2 + (size ?? 1) * perNode(schema, selection.selectionSet, named, fragments, variables);
      continue;
    }
    const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    cost += (list && size !== undefined ? size : 1) * (1 + child);
  }
  return cost;
}

/** What one node of a connection costs: its `node` (under edges) and `nodes` selections. */
function perNode(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode | undefined,
  connection: GraphQLObjectType,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  let cost = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    const name = selection.name.value;
    if (name === 'nodes') {
      const nodeType = getNamedType(connection.getFields().nodes?.type);
      if (nodeType && isObjectType(nodeType))
        cost += 1 + selectionCost(schema, selection.selectionSet, nodeType, fragments, variables);
    }
    if (name === 'edges') {
      const edgeType = getNamedType(connection.getFields().edges?.type);
      if (edgeType && isObjectType(edgeType))
        cost += selectionCost(schema, selection.selectionSet, edgeType, fragments, variables);
    }
  }
  return cost;
}

function sizeArgument(
  args: readonly { name: { value: string }; value: ValueNode }[],
  variables: Record<string, unknown>,
): number | undefined {
  for (const name of ['first', 'last']) {
    const arg = args.find((candidate) => candidate.name.value === name);
    if (!arg) continue;
    if (arg.value.kind === Kind.INT) return Number(arg.value.value);
    if (arg.value.kind === Kind.VARIABLE) {
      const value = variables[arg.value.name.value];
      if (typeof value === 'number') return value;
    }
  }
  return undefined;
}

function countFields(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): number {
  return selectionSet.selections.reduce((sum, selection) => {
    if (selection.kind === Kind.FIELD) return sum + 1;
    if (selection.kind === Kind.INLINE_FRAGMENT) return sum + countFields(selection.selectionSet, fragments);
    const fragment = fragments.get(selection.name.value);
    return sum + (fragment ? countFields(fragment.selectionSet, fragments) : 0);
  }, 0);
}
