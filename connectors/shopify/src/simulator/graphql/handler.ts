import { randomUUID } from 'node:crypto';
import {
  type DocumentNode,
  execute,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { CostBucket } from '../buckets.js';
import type { FailureInjector } from '../failures.js';
import type { ShopStore } from '../store.js';
import { actualCost, requestedCost } from './cost.js';
import { rootResolvers, type ShopInfo } from './root.js';
import { schemaFor } from './schema.js';

/**
 * One call the simulator answered, for tests that count calls.
 *
 * @example
 * const entry: SimCall = { api: 'graphql', operations: ['orders'], status: 200, throttled: false, at: Date.now() };
 */
export interface SimCall {
  api: 'graphql' | 'rest';
  operations: string[];
  status: number;
  throttled: boolean;
  at: number;
  /** Requested and actual query cost of a GraphQL call that reached the bucket. */
  cost?: { requested: number; actual: number | null };
}

/**
 * What the GraphQL route needs.
 *
 * @example
 * const deps: GraphqlDeps = { store, shop, bucket, failures, accessToken: 'shpat_sim', record: (call) => calls.push(call) };
 */
export interface GraphqlDeps {
  store: ShopStore;
  shop: ShopInfo;
  bucket: CostBucket;
  failures: FailureInjector;
  accessToken: string;
  record(call: SimCall): void;
}

const VERSION = /^(\d{4}-(01|04|07|10)|unstable)$/;
const INVALID_TOKEN = '[API] Invalid API key or access token (unrecognized login or wrong password)';
const DOCS = 'https://shopify.dev/api/usage/rate-limits';

/**
 * `POST /admin/api/:version/graphql.json`: Shopify's Admin GraphQL endpoint with token check,
 * query cost bucket, failure injection and `extensions.cost` on every answer.
 *
 * @example
 * app.post('/admin/api/:version/graphql.json', graphqlHandler(() => deps));
 */
export function graphqlHandler(current: () => GraphqlDeps) {
  return async (c: Context): Promise<Response> => {
    const deps = current();
    const version = c.req.param('version') ?? '';
    const headers = { 'x-request-id': randomUUID(), 'x-shopify-api-version': version };
    const answer = (
      body: unknown,
      status: ContentfulStatusCode,
      operations: string[],
      throttled = false,
      cost?: SimCall['cost'],
    ) => {
      deps.record({
        api: 'graphql',
        operations,
        status,
        throttled,
        at: deps.store.now(),
        ...(cost ? { cost } : {}),
      });
      return c.json(body, status, headers);
    };
    if (!VERSION.test(version)) return answer({ errors: 'Not Found' }, 404, []);
    if (c.req.header('x-shopify-access-token') !== deps.accessToken)
      return answer({ errors: INVALID_TOKEN }, 401, []);

    const request = await readRequest(c.req.raw);
    if (!request) return answer({ errors: { query: 'Required parameter missing or invalid' } }, 400, []);
    const schema = schemaFor(version);
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (error) {
      return answer({ errors: [graphqlErrorJson(error)] }, 200, []);
    }
    const operation = operationOf(document, request.operationName);
    const operations = rootFields(operation);
    const invalid = validate(schema, document);
    if (invalid.length > 0)
      return answer({ errors: invalid.map((error) => error.toJSON()) }, 200, operations);

    const failure = deps.failures.take({ api: 'graphql', operations });
    if (failure) {
      if (failure.kind === 'timeout') {
        await deps.failures.hang(c.req.raw.signal, failure.hangMs ?? 60_000);
        return answer({ errors: 'Gateway Timeout' }, 504, operations);
      }
      if (failure.kind === 'http-429') {
        deps.record({ api: 'graphql', operations, status: 429, throttled: true, at: deps.store.now() });
        return c.json(
          {
            errors:
              'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
          },
          429,
          {
            ...headers,
            'retry-after': String(failure.retryAfterSeconds ?? 2),
          },
        );
      }
      if (failure.kind === 'http-500' || failure.kind === 'http-503') {
        const status: ContentfulStatusCode = failure.kind === 'http-500' ? 500 : 503;
        return answer(
          { errors: status === 500 ? 'Internal Server Error' : 'Service Unavailable' },
          status,
          operations,
        );
      }
    }

    const variables = request.variables;
    const requested = requestedCost(schema, document, request.operationName, variables);
    const status = deps.bucket.status();
    const cost = (actual: number | null) => ({
      cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: deps.bucket.status() },
    });
    if (requested > status.maximumAvailable) {
      return answer(
        {
          errors: [
            {
              message: `Query cost is ${requested}, which exceeds the single query max cost limit (${status.maximumAvailable}).\n\nSee ${DOCS} for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
              extensions: {
                code: 'MAX_COST_EXCEEDED',
                cost: requested,
                maxCost: status.maximumAvailable,
                documentation: DOCS,
              },
            },
          ],
        },
        200,
        operations,
      );
    }
    if (failure?.kind === 'throttle' || !deps.bucket.take(requested)) {
      return answer(
        {
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: DOCS } }],
          extensions: cost(null),
        },
        200,
        operations,
        true,
        { requested, actual: null },
      );
    }
    if (failure?.kind === 'internal-error' || failure?.kind === 'access-denied') {
      deps.bucket.refund(requested);
      const code = failure.kind === 'internal-error' ? 'INTERNAL_SERVER_ERROR' : 'ACCESS_DENIED';
      const message =
        code === 'INTERNAL_SERVER_ERROR'
          ? `Internal error. Looks like something went wrong on our end.\nRequest ID: ${headers['x-request-id']} (include this in support requests).`
          : `Access denied for ${operations[0] ?? 'this'} field. Required access: \`read_orders\` access scope.`;
      return answer(
        {
          errors: [{ message, extensions: { code, requestId: headers['x-request-id'] } }],
          data: null,
          extensions: cost(0),
        },
        200,
        operations,
      );
    }

    const result = await execute({
      schema,
      document,
      rootValue: rootResolvers(deps.store, deps.shop),
      variableValues: variables,
      ...(request.operationName ? { operationName: request.operationName } : {}),
    });
    const mutation = operation?.operation === 'mutation';
    const actual = Math.min(requested, actualCost(result.data ?? null, mutation));
    deps.bucket.refund(requested - actual);
    const body = {
      ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}),
      data: result.data ?? null,
      extensions: cost(actual),
    };
    return answer(body, 200, operations, false, { requested, actual });
  };
}

async function readRequest(
  request: Request,
): Promise<
  { query: string; variables: Record<string, unknown>; operationName: string | undefined } | undefined
> {
  const text = await request.text();
  if ((request.headers.get('content-type') ?? '').includes('application/graphql')) {
    return text.trim() ? { query: text, variables: {}, operationName: undefined } : undefined;
  }
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null || !('query' in body) || typeof body.query !== 'string')
      return undefined;
    const variables =
      'variables' in body &&
      typeof body.variables === 'object' &&
      body.variables !== null &&
      !Array.isArray(body.variables)
        ? Object.fromEntries(Object.entries(body.variables))
        : {};
    const operationName =
      'operationName' in body && typeof body.operationName === 'string' ? body.operationName : undefined;
    return { query: body.query, variables, operationName };
  } catch {
    return undefined;
  }
}

function operationOf(document: DocumentNode, name: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return name ? operations.find((operation) => operation.name?.value === name) : operations[0];
}

function rootFields(operation: OperationDefinitionNode | undefined): string[] {
  return (operation?.selectionSet.selections ?? []).flatMap((selection) =>
    selection.kind === Kind.FIELD ? [selection.name.value] : [],
  );
}

function graphqlErrorJson(error: unknown) {
  return error instanceof GraphQLError ? error.toJSON() : { message: String(error) };
}
