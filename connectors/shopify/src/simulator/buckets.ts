/**
 * Shopify's two rate limits, per app and shop. GraphQL: a bucket of query points
 * (maximumAvailable) refilled continuously at restoreRate per second; a query needs its requested
 * cost in the bucket or it is THROTTLED. REST: a leaky bucket of requests (40) leaking 2 per
 * second; a request that finds it full gets 429 with Retry-After.
 */

/**
 * The GraphQL bucket's settings and state.
 *
 * @example
 * const status: CostBucketStatus = { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 };
 */
export interface CostBucketStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * The query cost bucket.
 *
 * @example
 * const bucket = new CostBucket(() => Date.now(), 1000, 50);
 * bucket.take(120); // true, and 880 points are left
 */
export class CostBucket {
  private available: number;
  private at: number;

  constructor(
    private readonly now: () => number,
    public maximumAvailable: number,
    public restoreRate: number,
  ) {
    this.available = maximumAvailable;
    this.at = now();
  }

  status(): CostBucketStatus {
    this.refill();
    return {
      maximumAvailable: this.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }

  /** Takes `cost` points when the bucket holds them. */
  take(cost: number): boolean {
    this.refill();
    if (this.available < cost) return false;
    this.available -= cost;
    return true;
  }

  /** Gives back what a query requested but did not use. */
  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.maximumAvailable, this.available + points);
  }

  /** Sets the state, for tests: an empty bucket, a slower restore. */
  set(state: Partial<CostBucketStatus>): void {
    this.refill();
    if (state.maximumAvailable !== undefined) this.maximumAvailable = state.maximumAvailable;
    if (state.restoreRate !== undefined) this.restoreRate = state.restoreRate;
    if (state.currentlyAvailable !== undefined) this.available = state.currentlyAvailable;
    this.available = Math.min(this.available, this.maximumAvailable);
  }

  private refill(): void {
    const at = this.now();
    this.available = Math.min(
      this.maximumAvailable,
      this.available + ((at - this.at) / 1000) * this.restoreRate,
    );
    this.at = at;
  }
}

/**
 * The REST leaky bucket.
 *
 * @example
 * const bucket = new LeakyBucket(() => Date.now(), 40, 2);
 * bucket.add(); // { ok: true, used: 1 }
 */
export class LeakyBucket {
  private level = 0;
  private at: number;

  constructor(
    private readonly now: () => number,
    public readonly capacity: number,
    public readonly leakPerSecond: number,
  ) {
    this.at = now();
  }

  /** Adds one request, or answers how long until there is room. */
  add(): { ok: true; used: number } | { ok: false; retryAfterSeconds: number; used: number } {
    this.leak();
    if (this.level + 1 > this.capacity) {
      const seconds = (this.level + 1 - this.capacity) / this.leakPerSecond;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(seconds)), used: Math.ceil(this.level) };
    }
    this.level += 1;
    return { ok: true, used: Math.ceil(this.level) };
  }

  /** Fills the bucket to `level` requests, for tests. */
  fill(level: number): void {
    this.leak();
    this.level = Math.min(this.capacity, Math.max(0, level));
  }

  private leak(): void {
    const at = this.now();
    this.level = Math.max(0, this.level - ((at - this.at) / 1000) * this.leakPerSecond);
    this.at = at;
  }
}
