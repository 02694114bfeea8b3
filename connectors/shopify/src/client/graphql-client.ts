import { createHash } from 'node:crypto';
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import {
  abortableSleep,
  type BoundHttpClient,
  connectorError,
  type LogLine,
  UPSTREAM_EXCERPT_BYTES,
  type WaybillError,
} from '@waybill/connector-kit';
import { type GraphqlError, graphqlErrors, shopifyStatusError } from '../errors.js';
import { type QueryCost, refillWaitMs, sharedThrottle, type ThrottleRegistry } from './throttle.js';

/**
 * What a client needs to reach one shop's Admin API, taken from a credential.
 *
 * @example
 * const connection: ShopifyConnection = { credentialId: 'shopify-acme', baseUrl: 'https://acme.myshopify.com',
 *   accessToken: 'shpat_…', apiVersion: '2025-01' };
 */
export interface ShopifyConnection {
  credentialId: string;
  /** `https://<shop>.myshopify.com`, or the simulator's `http://127.0.0.1:<port>`. */
  baseUrl: string;
  accessToken: string;
  apiVersion: string;
}

/**
 * Options of the Admin API clients.
 *
 * @example
 * const options: ShopifyClientOptions = { maxWaitMs: 5000, log: ctx.log };
 */
export interface ShopifyClientOptions {
  /** Time limit of one HTTP call (30 s). */
  timeoutMs?: number;
  /**
   * Longest time one call waits for Shopify's cost bucket, in all (5 s). A longer wait is not
   * spent holding a worker: the call fails as a retryable RATE_LIMITED with the delay, and the
   * engine runs the step again as a delayed job.
   */
  maxWaitMs?: number;
  /** Bucket estimates; the process-wide one by default. */
  throttle?: ThrottleRegistry;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  log?: (line: LogLine) => void;
}

/**
 * The Admin GraphQL API of one shop (`POST /admin/api/<version>/graphql.json`). Answers are
 * checked against the schema the caller gives, so operations read typed data without casts.
 *
 * @example
 * const shopify = createShopifyGraphqlClient(ctx.http, connectionOf(ctx.credential));
 * const { shop } = await shopify.query('{ shop { name } }', {}, Type.Object({ shop: Type.Object({ name: Type.String() }) }));
 */
export interface ShopifyGraphqlClient {
  /** `host[:port]` of the shop, for sentences. */
  readonly host: string;
  readonly apiVersion: string;
  /** A read: retried in place on a 5xx or dropped connection. */
  query<T extends TSchema>(
    document: string,
    variables: Record<string, unknown>,
    schema: T,
  ): Promise<Static<T>>;
  /** A write: retried only when Shopify says it did not run it (THROTTLED, 429). */
  mutate<T extends TSchema>(
    document: string,
    variables: Record<string, unknown>,
    schema: T,
  ): Promise<Static<T>>;
}

const DEFAULT_MAX_WAIT_MS = 5000;
/** Throttled tries of one call before giving the wait to the engine. */
const MAX_THROTTLED_TRIES = 4;
/** Shopify refills continuously; a little slack keeps the retry from arriving a hair too early. */
const REFILL_SLACK_MS = 50;

/**
 * Creates the GraphQL client for one shop. THROTTLED answers are waited out in place, up to
 * `maxWaitMs` in all, by the time the bucket Shopify reported needs to refill the query's
 * requested cost; the estimate is shared by every call to the same shop and app in the process,
 * so a call that would be throttled waits before it is sent.
 *
 * @example
 * const shopify = createShopifyGraphqlClient(ctx.http, connection, { log: ctx.log });
 * await shopify.mutate(ORDER_CANCEL, { orderId: 'gid://shopify/Order/1', reason: 'CUSTOMER', refund: false, restock: true }, PayloadSchema);
 */
export function createShopifyGraphqlClient(
  http: BoundHttpClient,
  connection: ShopifyConnection,
  options: ShopifyClientOptions = {},
): ShopifyGraphqlClient {
  const url = `${connection.baseUrl}/admin/api/${connection.apiVersion}/graphql.json`;
  const host = new URL(url).host;
  const throttle = options.throttle ?? sharedThrottle;
  const sleep = options.sleep ?? abortableSleep;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const key = bucketKeyOf(connection);

  const send = async <T extends TSchema>(
    document: string,
    variables: Record<string, unknown>,
    schema: T,
    idempotent: boolean,
  ): Promise<Static<T>> => {
    let waited = 0;
    const wait = async (ms: number, why: string) => {
      if (waited + ms > maxWaitMs) throw throttled(host, ms);
      options.log?.({ level: 'info', message: `${why}; waiting ${ms} ms.` });
      await sleep(ms, options.signal);
      waited += ms;
    };
    for (let attempt = 1; ; attempt++) {
      const ahead = throttle.reserve(key, document);
      if (ahead > 0) {
        try {
          await wait(ahead, `Shopify's query cost bucket for ${host} is nearly empty`);
        } catch (error) {
          throttle.release(key, document);
          throw error;
        }
      }
      const response = await http.request({
        method: 'POST',
        url,
        headers: { 'x-shopify-access-token': connection.accessToken, accept: 'application/json' },
        json: { query: document, variables },
        idempotent,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        maxResponseBytes: 20 * 1024 * 1024,
        // 429 and 5xx become the kit's errors, which the bound client retries in place.
        accept: (status) => status !== 429 && status < 500,
      });
      const text = response.text();
      if (response.status !== 200) {
        throw shopifyStatusError(
          { status: response.status, url: new URL(response.url), headers: response.headers, body: text },
          connection.credentialId,
        );
      }
      const body = parseBody(text, host);
      if (body.cost) throttle.observe(key, body.cost, document);
      if (body.errors.some((error) => error.extensions?.code === 'THROTTLED')) {
        const cost = body.cost;
        const ms = cost ? refillWaitMs(cost.requestedQueryCost, cost.throttleStatus) + REFILL_SLACK_MS : 1000;
        if (attempt >= MAX_THROTTLED_TRIES) throw throttled(host, ms);
        await wait(ms, `Shopify throttled a call to ${host}`);
        continue;
      }
      if (body.errors.length > 0) throw graphqlErrors(body.errors, host, connection.apiVersion);
      if (!Value.Check(schema, body.data)) throw unexpected(schema, body.data, host);
      return body.data;
    }
  };

  return {
    host,
    apiVersion: connection.apiVersion,
    query: (document, variables, schema) => send(document, variables, schema, true),
    mutate: (document, variables, schema) => send(document, variables, schema, false),
  };
}

/**
 * The key of a shop and app's bucket: the shop URL and a digest of the token (one token per app
 * installation), so two credentials for the same installation share one estimate.
 *
 * @example
 * bucketKeyOf(connection); // 'https://acme.myshopify.com|3f9a0c…'
 */
export function bucketKeyOf(connection: Pick<ShopifyConnection, 'baseUrl' | 'accessToken'>): string {
  const digest = createHash('sha256').update(connection.accessToken).digest('hex').slice(0, 16);
  return `${connection.baseUrl}|${digest}`;
}

interface GraphqlBody {
  data: unknown;
  errors: GraphqlError[];
  cost: QueryCost | undefined;
}

function parseBody(text: string, host: string): GraphqlBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw connectorError({
      code: 'INVALID_RESPONSE',
      message: `Shopify at ${host} answered a GraphQL call with something that is not JSON; check the credential's shop domain.`,
      retryable: false,
      upstream: { status: 200, body: text.slice(0, UPSTREAM_EXCERPT_BYTES) },
    });
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return { data: undefined, errors: [], cost: undefined };
  }
  const data = 'data' in parsed ? parsed.data : undefined;
  const errors = 'errors' in parsed && Array.isArray(parsed.errors) ? parsed.errors.flatMap(errorOf) : [];
  const extensions = 'extensions' in parsed ? parsed.extensions : undefined;
  return { data, errors, cost: costOf(extensions) };
}

function errorOf(value: unknown): GraphqlError[] {
  if (typeof value !== 'object' || value === null) return [];
  const message = 'message' in value && typeof value.message === 'string' ? value.message : 'Unknown error';
  const extensions = 'extensions' in value ? value.extensions : undefined;
  const code =
    typeof extensions === 'object' &&
    extensions !== null &&
    'code' in extensions &&
    typeof extensions.code === 'string'
      ? extensions.code
      : undefined;
  return [{ message, ...(code ? { extensions: { code } } : {}) }];
}

function costOf(extensions: unknown): QueryCost | undefined {
  if (typeof extensions !== 'object' || extensions === null || !('cost' in extensions)) return undefined;
  const cost = extensions.cost;
  if (typeof cost !== 'object' || cost === null) return undefined;
  const requested = 'requestedQueryCost' in cost ? cost.requestedQueryCost : undefined;
  const actual = 'actualQueryCost' in cost ? cost.actualQueryCost : undefined;
  const status = 'throttleStatus' in cost ? cost.throttleStatus : undefined;
  if (typeof requested !== 'number' || typeof status !== 'object' || status === null) return undefined;
  const read = (name: string): number | undefined => {
    const value: unknown = Object.entries(status).find(([key]) => key === name)?.[1];
    return typeof value === 'number' ? value : undefined;
  };
  const maximumAvailable = read('maximumAvailable');
  const currentlyAvailable = read('currentlyAvailable');
  const restoreRate = read('restoreRate');
  if (maximumAvailable === undefined || currentlyAvailable === undefined || restoreRate === undefined) {
    return undefined;
  }
  return {
    requestedQueryCost: requested,
    actualQueryCost: typeof actual === 'number' ? actual : null,
    throttleStatus: { maximumAvailable, currentlyAvailable, restoreRate },
  };
}

function throttled(host: string, waitMs: number): WaybillError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return connectorError({
    code: 'RATE_LIMITED',
    message: `Shopify at ${host} is throttling this app's GraphQL calls (query cost bucket empty); the call can be retried in about ${seconds} s.`,
    retryable: true,
    retryAfterMs: Number.isFinite(waitMs) ? waitMs : 60_000,
    upstream: { code: 'THROTTLED' },
  });
}

function unexpected(schema: TSchema, data: unknown, host: string): WaybillError {
  const first = [...Value.Errors(schema, data)][0];
  const where = first ? ` at data${first.path.replace(/\//g, '.')}` : '';
  return connectorError({
    code: 'INVALID_RESPONSE',
    message: `Shopify at ${host} answered with data the connector does not understand${where}${first ? ` (${first.message})` : ''}; check the credential's API version.`,
    retryable: false,
  });
}
