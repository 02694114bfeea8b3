/**
 * What the connector knows of Shopify's GraphQL cost bucket for one app on one shop. Shopify
 * keeps one bucket per app and shop, so every call in this process with the same shop and token
 * shares one estimate: after each answer the estimate is reset to what Shopify reported
 * (`extensions.cost.throttleStatus`), between answers it refills at the restore rate, and each
 * call reserves its expected cost before it is sent so concurrent calls queue behind each other
 * instead of all being throttled.
 *
 * @example
 * const status: ThrottleStatus = { maximumAvailable: 1000, currentlyAvailable: 988, restoreRate: 50 };
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  /** Points per second. */
  restoreRate: number;
}

/**
 * The cost block of a GraphQL answer, as Shopify sends it in `extensions.cost`.
 *
 * @example
 * const cost: QueryCost = { requestedQueryCost: 252, actualQueryCost: 12,
 *   throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 988, restoreRate: 50 } };
 */
export interface QueryCost {
  requestedQueryCost: number;
  /** Null when the query was throttled and did not run. */
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

interface Estimate extends ThrottleStatus {
  at: number;
}

/**
 * Bucket estimates by shop and app, and the requested cost last seen for each query document.
 *
 * @example
 * const throttle = createThrottleRegistry();
 * throttle.observe('acme|ab12', { requestedQueryCost: 10, actualQueryCost: 4, throttleStatus }, query);
 * throttle.reserve('acme|ab12', query); // 0: enough points, send now
 */
export interface ThrottleRegistry {
  /** The requested cost Shopify reported for this document last time, if any. */
  expectedCost(query: string): number | undefined;
  /**
   * Takes the expected cost of `query` from the estimate and answers how long to wait before
   * sending (0: now). Nothing is taken when the cost or the bucket is not known yet.
   */
  reserve(key: string, query: string): number;
  /** Gives back a reservation that was not used (the call waited too long and gave up). */
  release(key: string, query: string): void;
  /** Replaces the estimate with what Shopify reported. */
  observe(key: string, cost: QueryCost, query: string): void;
  /** The current estimate, refilled to now; for logs and tests. */
  status(key: string): ThrottleStatus | undefined;
  clear(): void;
}

const MAX_REMEMBERED_QUERIES = 500;

/**
 * A registry with its own clock, for tests; the connector shares `sharedThrottle` process-wide.
 *
 * @example
 * const throttle = createThrottleRegistry({ now: () => clock });
 */
export function createThrottleRegistry(options: { now?: () => number } = {}): ThrottleRegistry {
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Estimate>();
  const costs = new Map<string, number>();

  const refilled = (key: string): Estimate | undefined => {
    const bucket = buckets.get(key);
    if (!bucket) return undefined;
    const at = now();
    bucket.currentlyAvailable = Math.min(
      bucket.maximumAvailable,
      bucket.currentlyAvailable + ((at - bucket.at) / 1000) * bucket.restoreRate,
    );
    bucket.at = at;
    return bucket;
  };

  return {
    expectedCost: (query) => costs.get(query),
    reserve(key, query) {
      const cost = costs.get(query);
      const bucket = refilled(key);
      if (cost === undefined || !bucket) return 0;
      bucket.currentlyAvailable -= cost;
      if (bucket.currentlyAvailable >= 0 || bucket.restoreRate <= 0) return 0;
      return Math.ceil((-bucket.currentlyAvailable / bucket.restoreRate) * 1000);
    },
    release(key, query) {
      const cost = costs.get(query);
      const bucket = refilled(key);
      if (cost !== undefined && bucket) {
        bucket.currentlyAvailable = Math.min(bucket.maximumAvailable, bucket.currentlyAvailable + cost);
      }
    },
    observe(key, cost, query) {
      buckets.set(key, { ...cost.throttleStatus, at: now() });
      // Forget the oldest document first; a connector sends a few dozen distinct ones at most.
      if (!costs.has(query) && costs.size >= MAX_REMEMBERED_QUERIES) {
        const oldest = costs.keys().next().value;
        if (oldest !== undefined) costs.delete(oldest);
      }
      costs.set(query, cost.requestedQueryCost);
    },
    status(key) {
      const bucket = refilled(key);
      if (!bucket) return undefined;
      const { maximumAvailable, currentlyAvailable, restoreRate } = bucket;
      return { maximumAvailable, currentlyAvailable, restoreRate };
    },
    clear() {
      buckets.clear();
      costs.clear();
    },
  };
}

/**
 * The registry every Shopify call in this process shares: one estimate per shop and app.
 *
 * @example
 * sharedThrottle.status(bucketKeyOf(connection));
 */
export const sharedThrottle: ThrottleRegistry = createThrottleRegistry();

/**
 * How long until a throttled query of `requestedCost` fits in the bucket Shopify reported, in
 * milliseconds (at least 0; a bucket that never refills answers Infinity).
 *
 * @example
 * refillWaitMs(100, { maximumAvailable: 1000, currentlyAvailable: 50, restoreRate: 50 }); // 1000
 */
export function refillWaitMs(requestedCost: number, status: ThrottleStatus): number {
  const missing = requestedCost - status.currentlyAvailable;
  if (missing <= 0) return 0;
  if (status.restoreRate <= 0) return Number.POSITIVE_INFINITY;
  return Math.ceil((missing / status.restoreRate) * 1000);
}
