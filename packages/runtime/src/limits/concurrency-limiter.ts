import { randomUUID } from 'node:crypto';

/**
 * Slots that bound how many executions of one flow, or calls with one credential, run at once
 * across all workers. A slot is taken without waiting (the caller decides what to do when none is
 * free: put the execution back in the queue, or suspend the node) and carries a lease that the
 * holder renews while it lives, so a worker that dies holding slots frees them within a lease.
 */
export interface ConcurrencyLimiter {
  /** A slot of `key` if fewer than `limit` are held; undefined when all are taken. */
  tryAcquire(key: string, limit: number): Promise<Slot | undefined>;
  /** Releases nothing: slots still held simply expire. Stops renewing them. */
  close(): Promise<void>;
}

export interface Slot {
  /** Idempotent. */
  release(): Promise<void>;
}

/** Where leased slots are kept: Redis when the deployment has it, the database otherwise. */
export interface SlotBackend {
  acquire(key: string, token: string, limit: number, leaseUntilMs: number): Promise<boolean>;
  extend(key: string, token: string, leaseUntilMs: number): Promise<void>;
  release(key: string, token: string): Promise<void>;
  close?(): Promise<void>;
}

/** How long a slot outlives a worker that died holding it; holders renew every third of it. */
export const SLOT_LEASE_MS = 60_000;

export interface LeasedLimiterOptions {
  now?: () => number;
  leaseMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * A limiter over a slot backend: tokens per slot and one renewal timer for every slot this
 * process holds (executions may run far longer than a lease).
 *
 * @example
 * const limiter = createLeasedLimiter(storeSlotBackend(store));
 * const slot = await limiter.tryAcquire('flow:orders', 2); ... await slot?.release();
 */
export function createLeasedLimiter(
  backend: SlotBackend,
  options: LeasedLimiterOptions = {},
): ConcurrencyLimiter {
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? SLOT_LEASE_MS;
  const held = new Map<string, { key: string; token: string }>();
  const renew = async () => {
    const until = now() + leaseMs;
    for (const { key, token } of held.values()) {
      await backend.extend(key, token, until).catch((error) => options.onError?.(error));
    }
  };
  const timer = setInterval(() => void renew(), Math.max(1000, Math.floor(leaseMs / 3)));
  timer.unref();

  return {
    async tryAcquire(key, limit) {
      const token = randomUUID();
      if (!(await backend.acquire(key, token, limit, now() + leaseMs))) return undefined;
      held.set(token, { key, token });
      return {
        async release() {
          if (!held.delete(token)) return;
          await backend.release(key, token);
        },
      };
    },
    async close() {
      clearInterval(timer);
      held.clear();
      await backend.close?.();
    },
  };
}
