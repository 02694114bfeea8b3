import { type Static, Type } from '@sinclair/typebox';

/**
 * Failures the simulator can be told to answer the next matching calls with:
 * - `throttle`: GraphQL THROTTLED (HTTP 200, Shopify's error shape and cost extension),
 * - `http-429`: Too Many Requests with `Retry-After` (REST's answer to a full bucket),
 * - `http-500` / `http-503`: Shopify's error page status with `{"errors":"Internal Server Error"}`,
 * - `internal-error`: GraphQL INTERNAL_SERVER_ERROR (HTTP 200),
 * - `access-denied`: GraphQL ACCESS_DENIED for a missing scope,
 * - `timeout`: no answer until the client gives up (or `hangMs`, then 504).
 *
 * @example
 * sim.failNext({ kind: 'throttle', count: 2, matchOperation: 'orders' });
 * // or from another process: POST /__sim/fail-next with the same JSON
 */
export const FailNextSchema = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('throttle'),
      Type.Literal('http-429'),
      Type.Literal('http-500'),
      Type.Literal('http-503'),
      Type.Literal('internal-error'),
      Type.Literal('access-denied'),
      Type.Literal('timeout'),
    ]),
    count: Type.Optional(Type.Integer({ minimum: 1 })),
    /** graphql or rest; both when absent. */
    matchApi: Type.Optional(Type.Union([Type.Literal('graphql'), Type.Literal('rest')])),
    /** A GraphQL root field (orders, fulfillmentCreate) or a REST path ending (products.json). */
    matchOperation: Type.Optional(Type.String({ minLength: 1 })),
    retryAfterSeconds: Type.Optional(Type.Number({ minimum: 0 })),
    hangMs: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

/**
 * A failure rule.
 *
 * @example
 * const rule: FailNextOptions = { kind: 'http-429', retryAfterSeconds: 2, matchApi: 'rest' };
 */
export type FailNextOptions = Static<typeof FailNextSchema>;

/**
 * A call as the injector sees it.
 *
 * @example
 * failures.take({ api: 'graphql', operations: ['orders'] });
 */
export interface CallInfo {
  api: 'graphql' | 'rest';
  /** Root field names of a GraphQL operation, or the REST path. */
  operations: readonly string[];
}

/**
 * A queue of failure rules, each used up by the calls it matches.
 *
 * @example
 * const failures = new FailureInjector();
 * failures.add({ kind: 'throttle', count: 2 });
 */
export class FailureInjector {
  private rules: (FailNextOptions & { remaining: number })[] = [];
  private hangs = new Set<() => void>();

  add(rule: FailNextOptions): void {
    this.rules.push({ ...rule, remaining: rule.count ?? 1 });
  }

  take(call: CallInfo): FailNextOptions | undefined {
    const rule = this.rules.find(
      (candidate) =>
        (candidate.matchApi === undefined || candidate.matchApi === call.api) &&
        (candidate.matchOperation === undefined ||
          call.operations.some(
            (operation) =>
              operation === candidate.matchOperation || operation.endsWith(`/${candidate.matchOperation}`),
          )),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
    const { remaining: _remaining, ...options } = rule;
    return options;
  }

  pending(): FailNextOptions[] {
    return this.rules.map(({ remaining, ...rule }) => ({ ...rule, count: remaining }));
  }

  clear(): void {
    this.rules = [];
    for (const release of this.hangs) release();
    this.hangs.clear();
  }

  /** Waits like a server that never answers: until the client aborts, `ms` pass, or `clear()`. */
  hang(signal: AbortSignal | undefined, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.hangs.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done);
      this.hangs.add(done);
    });
  }
}
